import type { TerraformElement } from 'cdktf';
import { RULE_IDS } from './ids';

/** A rule switched off for one resource, with the reason a reviewer reads in the generated JSON. */
export interface RuleSuppression {
  readonly rule: string;
  readonly reason: string;
  /**
   * The only subjects (for IAM-NoWildcardWrite: action names or patterns) it covers; a finding naming any other
   * subject stands. @default every subject
   */
  readonly only?: readonly string[];
}

/** Where suppressions live in a resource's JSON: beside cdktf's own `//` metadata. */
export const SUPPRESSIONS_PATH = '//.stackwright.suppressions';

/** The shortest reason accepted, as for config overrides: a few words, not a placeholder. */
export const MIN_REASON_LENGTH = 10;

const declared = new WeakMap<TerraformElement, RuleSuppression[]>();

/**
 * Suppresses one rule for one resource, from the construct that creates it. The suppression and its reason are
 * written into the resource's `//` metadata in cdk.tf.json, so the PR shows them and `check --file` honours them.
 * With `only`, it covers just those subjects (rules that name them, such as the write actions of IAM-NoWildcardWrite):
 * what a reviewer accepted, not whatever the resource grows to hold.
 */
export function suppressRule(
  resource: TerraformElement,
  ruleId: string,
  reason: string,
  only?: readonly string[],
): void {
  if (!RULE_IDS.includes(ruleId)) {
    throw new Error(`suppressRule: unknown rule '${ruleId}'; known rules: ${RULE_IDS.join(', ')}`);
  }
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(`suppressRule(${ruleId}): give a written reason of at least ${MIN_REASON_LENGTH} characters`);
  }
  const list = [
    ...(declared.get(resource) ?? []).filter((s) => s.rule !== ruleId),
    { rule: ruleId, reason: reason.trim(), ...(only ? { only: [...new Set(only)].sort() } : {}) },
  ];
  list.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  declared.set(resource, list);
  resource.addOverride(SUPPRESSIONS_PATH, list);
}
