import { testConfig, synthStack } from '../helpers/synth';
import type { Json } from '../helpers/json';

/** Synthesizes the Datadog stack for a section of config, optionally in another partition/region. */
export async function synthDatadog(
  section: Record<string, unknown>,
  aws: Record<string, unknown> = { region: 'us-east-1' },
) {
  const config = testConfig({ datadog: section }, { aws: { accountId: '123456789012', ...aws } });
  return (await synthStack(config, 'datadog')).json;
}

/** Parses an IAM policy JSON string from the Terraform, with `${...}` references replaced by `substitute`. */
export function parsePolicy(policy: string, substitute: (ref: string) => string = (r) => '${' + r + '}'): Json {
  return JSON.parse(policy.replace(/\$\{([^}]+)\}/g, (_m, ref: string) => substitute(ref)));
}
