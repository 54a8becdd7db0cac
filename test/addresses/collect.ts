import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { synthesize, type TerraformJson } from '../../src/synth/synthesize';
import { PROJECT_ROOT } from '../../src/core/project-root';

/** A `moved` block as Terraform reads it from JSON. */
export interface MovedBlock {
  readonly from: string;
  readonly to: string;
}

/** Every config whose addresses are held: the default config and each committed example, repository-relative. */
export function addressConfigs(): string[] {
  const examples = readdirSync(join(PROJECT_ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `examples/${f}`);
  return ['stackwright.yaml', ...examples];
}

/** Managed resources as `type.name`, data sources as `data.type.name`; sorted. */
export function addressesOf(json: TerraformJson): string[] {
  const out: string[] = [];
  const blocks = (key: string): Record<string, Record<string, unknown>> =>
    (json[key] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [type, byName] of Object.entries(blocks('resource')))
    for (const name of Object.keys(byName)) out.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries(blocks('data')))
    for (const name of Object.keys(byName)) out.push(`data.${type}.${name}`);
  return out.sort();
}

export function movedOf(json: TerraformJson): MovedBlock[] {
  return ((json.moved ?? []) as MovedBlock[]).map(({ from, to }) => ({ from, to }));
}

/** Stack name -> Terraform JSON for one config file (repository-relative), synthesized in memory. */
export async function synthConfig(file: string): Promise<Map<string, TerraformJson>> {
  const stacks = await synthesize(loadConfig(join(PROJECT_ROOT, file)), { hcl: false, configFile: file });
  return new Map(stacks.map((s) => [s.name, s.json]));
}
