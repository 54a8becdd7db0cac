import type { RulesConfig } from './config';
import type { TerraformJson } from '../synth/synthesize';

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

export interface CheckInput {
  readonly stack: string;
  readonly json: TerraformJson;
}

/** Runs every rule pack over synthesized Terraform JSON. (Rule packs land with the rule-pack issue.) */
export function runChecks(_inputs: readonly CheckInput[], _rules: RulesConfig = { overrides: [] }): Finding[] {
  return [];
}

export function formatFinding(f: Finding): string {
  return `${f.level}: [${f.ruleId}] ${f.stack}/${f.resource}: ${f.message} Fix: ${f.fix}`;
}
