import type { Rule } from './rule';

/** How a pack reports a rule: what is wrong in general, and how to fix it. Specific problems come from the rule. */
export interface PackEntry {
  readonly rule: Rule;
  readonly message: string;
  readonly fix: string;
}

/** A named group of rules. Every rule is an error unless the config lowers or suppresses it (strict by default). */
export interface RulePack {
  readonly name: string;
  readonly description: string;
  readonly entries: readonly PackEntry[];
}
