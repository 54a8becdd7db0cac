import type { ConfigFile } from '../config/config-file';
import type { TerraformDocument } from '../terraform/json/document';
import { mapLimited } from '../terraform/process';
import { costDelta, type CostDelta } from './cost-delta';
import { DELTAS, type ReviewDelta } from './deltas';
import { findingsDelta, type FindingsDelta } from './findings-delta';
import { instanceTypeNotes } from './instance-notes';
import { resourceChanges, type PlannedBy, type Planner } from './plan-changes';
import { countChanges, movesBetween, type ChangeCounts, type ResourceChange } from './resource-changes';
import type { StackFolder } from './tree';

/** What `--fail-on` can match. */
export const FLAGS = ['destroy', 'replace', 'iam-widen', 'exposure'] as const;
export type Flag = (typeof FLAGS)[number];

/** One side of the review: its generated tree and, for its rule overrides, its config. */
export interface ReviewSide {
  /** How the report names it: the base ref, or `working tree`. */
  readonly label: string;
  readonly stacks: ReadonlyMap<string, StackFolder>;
  readonly config?: ConfigFile;
  /** Why `config` is missing. */
  readonly configProblem?: string;
}

export type { Planner } from './plan-changes';

export interface ReviewInput {
  readonly base: ReviewSide;
  readonly head: ReviewSide;
  /** Absent: resource changes come from the configuration diff, replacement unknown. */
  readonly planner?: Planner;
  /** Why there is no planner (Terraform or the provider unavailable), said in the report. */
  readonly plannerMissing?: string;
  /** Stacks planned at once. @default 2 */
  readonly parallel?: number;
}

export interface StackReport {
  readonly stack: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** How the resource changes were found: the real plan, the configuration diff, or nothing to compare. */
  readonly planned: PlannedBy;
  readonly planNote?: string;
  readonly changes: readonly ResourceChange[];
  readonly counts: ChangeCounts;
  /** What the changes mean beyond Terraform's actions (running instances, placement). */
  readonly notes: readonly string[];
  readonly cost: CostDelta;
  readonly findings: FindingsDelta;
  /** IAM and exposure deltas, by id, for the deltas registered in src/review/deltas.ts. */
  readonly deltas: Readonly<Record<string, ReviewDelta>>;
  readonly flags: readonly Flag[];
}

export interface Report {
  readonly version: 1;
  readonly base: string;
  readonly head: string;
  readonly stacks: readonly StackReport[];
  readonly totals: {
    readonly counts: ChangeCounts;
    readonly cost: { readonly before: number | null; readonly after: number | null; readonly delta: number | null };
  };
  readonly flags: readonly Flag[];
  /** The deltas that ran (ids); a delta not listed was not available in this build. */
  readonly deltasRun: readonly string[];
}

/** Compares the two generated trees stack by stack. */
export async function buildReport(input: ReviewInput): Promise<Report> {
  const names = [...new Set([...input.base.stacks.keys(), ...input.head.stacks.keys()])].sort();
  const stacks = await mapLimited(names, input.parallel ?? 2, (name) => stackReport(name, input));
  const sum = (pick: (s: StackReport) => number | null) =>
    stacks.some((s) => pick(s) === null) ? null : Math.round(stacks.reduce((n, s) => n + pick(s)!, 0) * 100) / 100;
  const counts = stacks.map((s) => s.counts);
  const total = (k: keyof ChangeCounts) => counts.reduce((n, c) => n + c[k], 0);
  return {
    version: 1,
    base: input.base.label,
    head: input.head.label,
    stacks,
    totals: {
      counts: {
        create: total('create'),
        update: total('update'),
        replace: total('replace'),
        destroy: total('destroy'),
        move: total('move'),
        unknown: total('unknown'),
      },
      cost: {
        before: sum((s) => s.cost.before),
        after: sum((s) => s.cost.after),
        delta: sum((s) => s.cost.delta),
      },
    },
    flags: FLAGS.filter((f) => stacks.some((s) => s.flags.includes(f))),
    deltasRun: DELTAS.map((d) => d.id),
  };
}

async function stackReport(stack: string, input: ReviewInput): Promise<StackReport> {
  const b = input.base.stacks.get(stack);
  const h = input.head.stacks.get(stack);
  const status = !b ? 'added' : !h ? 'removed' : same(b.doc, h.doc) ? 'unchanged' : 'changed';
  const { changes, planned, planNote } = await resourceChanges(stack, b, h, status, input);
  const moves = b && h ? movesBetween(b.doc, h.doc) : new Map<string, string>();
  const deltas = Object.fromEntries(DELTAS.map((d) => [d.id, d.compute(b?.doc, h?.doc)] as const));
  const flags = FLAGS.filter(
    (f) =>
      (f === 'destroy' && changes.some((c) => c.kind === 'destroy')) ||
      (f === 'replace' && changes.some((c) => c.kind === 'replace')) ||
      DELTAS.some((d) => d.flag === f && deltas[d.id]?.flagged),
  );
  return {
    stack,
    status,
    planned,
    ...(planNote ? { planNote } : {}),
    changes,
    counts: countChanges(changes),
    notes: b && h ? instanceTypeNotes(b.doc, h.doc, changes) : [],
    cost: costDelta(stack, b?.doc, h?.doc),
    findings: findingsDelta(stack, b?.doc, h?.doc, moves, {
      // A base config this version cannot read: its overrides are taken to be the head's, so the findings the
      // head's overrides suppress do not read as resolved.
      base: (input.base.config ?? input.head.config)?.rules,
      head: input.head.config?.rules,
    }),
    deltas,
    flags,
  };
}

/** Same configuration: identical JSON apart from cdktf's `//` metadata. */
function same(a: TerraformDocument, b: TerraformDocument): boolean {
  const strip = (d: TerraformDocument) => JSON.stringify({ ...d, '//': undefined });
  return strip(a) === strip(b);
}
