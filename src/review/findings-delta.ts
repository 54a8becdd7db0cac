import { checkStacks, type Finding } from '../rules';
import type { RulesConfig } from '../rules/config';
import type { TerraformDocument } from '../terraform/json/document';

/** One rule finding as the review lists it. */
export interface ReviewFinding {
  readonly ruleId: string;
  readonly level: Finding['level'];
  readonly address: string;
  readonly message: string;
}

/** Findings the head has and the base had not (`added`), and the other way round (`resolved`). */
export interface FindingsDelta {
  readonly added: readonly ReviewFinding[];
  readonly resolved: readonly ReviewFinding[];
}

/**
 * Runs the rule packs on both sides of one stack, in process, and compares by rule and address (a resource moved by
 * a `moved` block keeps its findings: the base's address is read through `moves`).
 */
export function findingsDelta(
  stack: string,
  base: TerraformDocument | undefined,
  head: TerraformDocument | undefined,
  moves: ReadonlyMap<string, string>,
  rules: { readonly base?: RulesConfig; readonly head?: RulesConfig } = {},
): FindingsDelta {
  const run = (doc: TerraformDocument | undefined, config: RulesConfig | undefined): ReviewFinding[] =>
    doc
      ? checkStacks([{ stack, json: doc as Record<string, unknown> }], config).findings.map((f) => ({
          ruleId: f.ruleId,
          level: f.level,
          address: f.resource,
          message: f.message,
        }))
      : [];
  const before = run(base, rules.base);
  const after = run(head, rules.head);
  const fromBase = new Map([...moves].map(([to, from]) => [from, to] as const));
  const key = (f: ReviewFinding, renamed = false) =>
    `${f.ruleId} ${renamed ? (fromBase.get(f.address) ?? f.address) : f.address}`;
  const beforeKeys = new Set(before.map((f) => key(f, true)));
  const afterKeys = new Set(after.map((f) => key(f)));
  return {
    added: after.filter((f) => !beforeKeys.has(key(f))),
    resolved: before.filter((f) => !afterKeys.has(key(f, true))),
  };
}
