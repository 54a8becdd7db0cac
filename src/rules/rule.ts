import type { StackView, TfBlock } from '../terraform/json';

/** A rule's verdict on one resource, before severity and suppressions are applied. */
export const Compliance = {
  Compliant: 'compliant',
  NonCompliant: 'non-compliant',
  NotApplicable: 'not-applicable',
} as const;

export type RuleVerdict =
  | { readonly compliance: typeof Compliance.Compliant }
  | { readonly compliance: typeof Compliance.NotApplicable }
  | {
      readonly compliance: typeof Compliance.NonCompliant;
      readonly problems: readonly string[];
      /** What the problems are about (e.g. action names), for suppressions that cover only some subjects. */
      readonly subjects?: readonly string[];
    };

/**
 * One check over one resource of the synthesized Terraform, as a pure function: the same JSON always gives the
 * same verdict. Values only known at plan time make a rule not applicable, never non-compliant.
 */
export interface Rule {
  /** `<Pack>-<Name>`, stable: configs and suppressions name it. */
  readonly id: string;
  /**
   * Resource types it reads (`data.<type>` for data sources); `*` for every resource and data source; `variable`,
   * `output` and `check` for those top-level blocks (never included in `*`).
   */
  readonly appliesTo: readonly string[];
  check(resource: TfBlock, stack: StackView): RuleVerdict;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[A-Z][A-Za-z0-9]*-[A-Za-z0-9-]+$/.test(rule.id))
    throw new Error(`rule id '${rule.id}' must look like ECS-FargateTaskSize`);
  return rule;
}

export const compliant: RuleVerdict = { compliance: Compliance.Compliant };
export const notApplicable: RuleVerdict = { compliance: Compliance.NotApplicable };

/** Non-compliant with the given problems, compliant when there are none. */
export function verdict(problems: readonly string[], subjects?: readonly string[]): RuleVerdict {
  if (problems.length === 0) return compliant;
  return subjects
    ? { compliance: Compliance.NonCompliant, problems, subjects }
    : { compliance: Compliance.NonCompliant, problems };
}

export function appliesTo(rule: Rule, b: TfBlock): boolean {
  const key = b.kind === 'data' ? `data.${b.type}` : b.type;
  const everyResource = rule.appliesTo.includes('*') && (b.kind === 'resource' || b.kind === 'data');
  return everyResource || rule.appliesTo.includes(key);
}
