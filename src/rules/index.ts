import type { RuleOverride, RulesConfig } from './config';
import { ENTRIES } from './packs';
import type { PackEntry } from './pack';
import { Compliance, appliesTo } from './rule';
import { MIN_REASON_LENGTH } from './suppress';
import { StackView, type TfBlock } from '../terraform/json';
import { isObj } from '../terraform/json';
import type { TerraformJson } from '../synth/synthesize';

export { suppressRule } from './suppress';

/** A rule's verdict on one resource, after the config's overrides were applied. */
export interface Finding {
  readonly ruleId: string;
  readonly level: 'error' | 'warning';
  /** Terraform address, e.g. `aws_ecs_service.web`. */
  readonly resource: string;
  readonly stack: string;
  readonly message: string;
  readonly fix: string;
}

/** A finding switched off by a suppression in code (carried in the JSON) or by the config. */
export interface SuppressedFinding {
  readonly ruleId: string;
  readonly resource: string;
  readonly stack: string;
  readonly message: string;
  readonly reason: string;
  readonly by: 'code' | 'config';
}

export interface CheckInput {
  readonly stack: string;
  readonly json: TerraformJson;
}

export interface CheckReport {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Config overrides that matched no finding: stale, or naming the wrong resource. */
  readonly unusedOverrides: RuleOverride[];
}

/** Runs every rule pack over synthesized Terraform JSON; returns the errors and warnings. */
export function runChecks(inputs: readonly CheckInput[], rules: RulesConfig = { overrides: [] }): Finding[] {
  return checkStacks(inputs, rules).findings;
}

/** Runs every rule pack and reports findings, suppressed findings and unused overrides, in a stable order. */
export function checkStacks(
  inputs: readonly CheckInput[],
  rules: RulesConfig = { overrides: [] },
  entries: readonly PackEntry[] = ENTRIES,
): CheckReport {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<RuleOverride>();
  for (const input of inputs) {
    const stack = new StackView(input.stack, input.json);
    const formerly = formerAddresses(input.json);
    const blocks = [...stack.blocks].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    for (const block of blocks) {
      const inCode = codeSuppressions(block);
      for (const entry of entries) {
        if (!appliesTo(entry.rule, block)) continue;
        const verdict = evaluate(entry, block, stack);
        if (!verdict) continue;
        const base = { ruleId: entry.rule.id, resource: block.address, stack: input.stack };
        const message = `${entry.message}: ${verdict.problems.join('; ')}`;
        const override = overrideFor(rules.overrides, base, formerly.get(block.address) ?? []);
        const code = inCode.get(entry.rule.id);
        const uncovered = code ? uncoveredSubjects(code, verdict.subjects) : [];
        const codeHolds = code !== undefined && code.reason.length >= MIN_REASON_LENGTH && uncovered.length === 0;
        // A config override of level error raises the rule back over a suppression in code.
        if (codeHolds && override?.level !== 'error') {
          suppressed.push({ ...base, message, reason: code.reason, by: 'code' });
          continue;
        }
        if (override) used.add(override);
        const ignored =
          code === undefined || override?.level === 'error'
            ? ''
            : code.reason.length < MIN_REASON_LENGTH
              ? ` (the suppression in code is ignored: its reason is under ${MIN_REASON_LENGTH} characters)`
              : ` (the suppression in code covers only its reviewed subjects, not ${listed(uncovered)})`;
        const raised = override?.level === 'error' && codeHolds ? ` (an error by config: ${override.reason})` : '';
        if (override?.level === 'suppressed')
          suppressed.push({ ...base, message, reason: override.reason, by: 'config' });
        else if (override?.level === 'warning')
          findings.push({
            ...base,
            level: 'warning',
            message: `${message} (a warning by config: ${override.reason})`,
            fix: entry.fix,
          });
        else findings.push({ ...base, level: 'error', message: `${message}${ignored}${raised}`, fix: entry.fix });
      }
    }
  }
  return { findings, suppressed, unusedOverrides: rules.overrides.filter((o) => !used.has(o)) };
}

function listed(names: readonly string[], max = 8): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

interface Problems {
  readonly problems: readonly string[];
  readonly subjects?: readonly string[];
}

/** The problems a rule finds, or undefined when compliant or not applicable. A crashing rule reports itself. */
function evaluate(entry: PackEntry, block: TfBlock, stack: StackView): Problems | undefined {
  try {
    const v = entry.rule.check(block, stack);
    return v.compliance === Compliance.NonCompliant ? v : undefined;
  } catch (err) {
    return { problems: [`the rule could not evaluate this resource (${(err as Error).message}); please report it`] };
  }
}

interface CodeSuppression {
  readonly reason: string;
  /** The subjects it covers (names or `*` patterns); undefined: all. */
  readonly only?: readonly string[];
}

/** Subjects of a finding that a suppression limited to `only` does not cover (a finding without subjects: none). */
function uncoveredSubjects(code: CodeSuppression, subjects: readonly string[] | undefined): string[] {
  if (code.only === undefined || subjects === undefined) return [];
  const patterns = code.only.map(
    (p) =>
      new RegExp(
        `^${p
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      ),
  );
  return subjects.filter((s) => !patterns.some((re) => re.test(s)));
}

/** Suppressions a construct declared with suppressRule(), read back from the resource's `//` metadata. */
function codeSuppressions(block: TfBlock): Map<string, CodeSuppression> {
  const meta = block.body['//'];
  const list = isObj(meta) && isObj(meta.stackwright) ? meta.stackwright.suppressions : undefined;
  const out = new Map<string, CodeSuppression>();
  if (!Array.isArray(list)) return out;
  for (const s of list) {
    if (!isObj(s) || typeof s.rule !== 'string') continue;
    const reason = typeof s.reason === 'string' ? s.reason.trim() : '';
    const only = Array.isArray(s.only) ? s.only.filter((a): a is string => typeof a === 'string') : undefined;
    out.set(s.rule, only ? { reason, only } : { reason });
  }
  return out;
}

/** Every suppression declared in code in one Terraform JSON document (for READMEs and reviews), sorted. */
export function declaredSuppressions(json: TerraformJson): Array<{ resource: string; rule: string; reason: string }> {
  const stack = new StackView('', json);
  return stack.blocks
    .flatMap((b) => [...codeSuppressions(b)].map(([rule, c]) => ({ resource: b.address, rule, reason: c.reason })))
    .sort((a, b) => (a.resource === b.resource ? (a.rule < b.rule ? -1 : 1) : a.resource < b.resource ? -1 : 1));
}

/**
 * The config override for a finding: one naming the resource (or `<stack>/<resource>`) wins over `*`. A resource is
 * also named by an address it had before (the `from` of its moved block), so overrides written for 0.1.0 still apply.
 */
function overrideFor(
  overrides: readonly RuleOverride[],
  f: { ruleId: string; resource: string; stack: string },
  formerly: readonly string[],
): RuleOverride | undefined {
  const forRule = overrides.filter((o) => o.rule === f.ruleId);
  // A target's folder `prod/us-east-1/ecs` is also named by its tails (`us-east-1/ecs`, `ecs`): an override written
  // for a stack applies in every target, and a longer one narrows it.
  const parts = f.stack.split('/');
  const stacks = parts.map((_, i) => parts.slice(i).join('/'));
  const names = [f.resource, ...formerly].flatMap((a) => [a, ...stacks.map((s) => `${s}/${a}`)]);
  return forRule.find((o) => names.includes(o.resource)) ?? forRule.find((o) => o.resource === '*');
}

/** Address -> the addresses its moved blocks say it had before. */
function formerAddresses(json: TerraformJson): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const moved = Array.isArray(json.moved) ? json.moved : [];
  for (const m of moved)
    if (isObj(m) && typeof m.from === 'string' && typeof m.to === 'string')
      out.set(m.to, [...(out.get(m.to) ?? []), m.from]);
  return out;
}

export function formatFinding(f: Finding): string {
  return `${f.level}: [${f.ruleId}] ${f.stack}/${f.resource}: ${f.message} Fix: ${f.fix}`;
}

export function formatSuppressed(f: SuppressedFinding): string {
  return `suppressed (${f.by}): [${f.ruleId}] ${f.stack}/${f.resource}: ${f.reason}`;
}
