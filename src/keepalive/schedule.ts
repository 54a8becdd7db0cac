import { PATH_IDLE_TIMEOUTS, PYTHON_ON_TIMERS } from './idle-timeouts';

/**
 * The idle-gap schedule of the keep-alive experiment. At one call a second (the post's cadence) a pooled
 * connection is never idle for more than a second, so SO_KEEPALIVE (first probe after 7,200 s on Linux) cannot
 * change anything and both Python variants reuse one connection: they cannot differ. Keep-alive can only matter
 * after an idle gap longer than a timeout on the path, so the schedule sweeps the idle gap across them.
 */
export interface IdleGapPlan {
  /** Idle seconds before a call, one per step of a round, ascending. */
  readonly gapsSeconds: readonly number[];
  /** How often the sweep is repeated (each gap is measured this many times per function). */
  readonly rounds: number;
}

/**
 * 1 s: the post's cadence (control: every variant reuses its connection). 20 s: under the probe timer and every
 * timeout. 45 s: past python-on's first probe (30 s), under DynamoDB's observed 60 s. 90 s and 200 s: past the
 * 60 s close, under the 350 s flow timeout. 420 s: past the 350 s flow timeout (Lambda may also have retired the
 * environment by then: such calls come back as cold starts and are reported, not hidden).
 */
export const DEFAULT_IDLE_GAP_PLAN: IdleGapPlan = { gapsSeconds: [1, 20, 45, 90, 200, 420], rounds: 3 };

/** The idle gap before each call, in ms: one warm-up call (gap 0), then the sweep `rounds` times. */
export function idleGapSequenceMs(plan: IdleGapPlan): number[] {
  const round = plan.gapsSeconds.map((s) => s * 1000);
  return [0, ...Array.from({ length: plan.rounds }, () => round).flat()];
}

/** Total idle time of the plan in seconds (the run takes this plus the calls themselves). */
export function planSeconds(plan: IdleGapPlan): number {
  return plan.gapsSeconds.reduce((a, b) => a + b, 0) * plan.rounds;
}

/**
 * Problems with a plan, as sentences (empty when it can show the effect): it must contain a gap under the probe
 * timer (where no variant can differ) and, for every timeout on the path, gaps on both sides of it.
 */
export function planProblems(plan: IdleGapPlan): string[] {
  const problems: string[] = [];
  const gaps = plan.gapsSeconds;
  if (gaps.length === 0 || plan.rounds < 1) return ['needs at least one gap and one round'];
  if (gaps.some((g, i) => i > 0 && g <= gaps[i - 1])) problems.push('gaps must be strictly ascending');
  if (!gaps.some((g) => g < PYTHON_ON_TIMERS.idleSeconds))
    problems.push(`no gap under the first keep-alive probe (${PYTHON_ON_TIMERS.idleSeconds} s): no control`);
  for (const t of PATH_IDLE_TIMEOUTS) {
    if (!gaps.some((g) => g < t.seconds) || !gaps.some((g) => g > t.seconds)) {
      problems.push(`no gaps on both sides of the ${t.seconds} s idle timeout of the ${t.where}`);
    }
  }
  return problems;
}
