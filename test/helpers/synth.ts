import { configSchema, type StackwrightConfig } from '../../src/config/schema';
import { synthesize, type SynthesizedStack } from '../../src/synth/synthesize';
import { resourcesOf as readResources } from '../../src/terraform/json';
import type { Json } from './json';

/** A minimal valid config; tests override the parts they exercise. */
export function testConfig(stacks: Record<string, unknown>, extra: Record<string, unknown> = {}): StackwrightConfig {
  // Datadog's managed mode (its default) requires the account ID it registers.
  const aws = { region: 'us-east-1', ...(stacks.datadog !== undefined ? { accountId: '123456789012' } : {}) };
  return configSchema.parse({ name: 'test', aws, stacks, ...extra });
}

/** Synthesizes one stack in memory (no HCL, for speed) and returns its Terraform JSON. */
export async function synthStack(config: StackwrightConfig, name: string): Promise<SynthesizedStack & { json: Json }> {
  const stacks = await synthesize(config, { only: [name], hcl: false });
  const stack = stacks.find((s) => s.name === name);
  if (!stack) throw new Error(`stack ${name} not synthesized`);
  return stack as SynthesizedStack & { json: Json };
}

/** All resources of one Terraform type: name -> attributes (read by the project's Terraform JSON reader). */
export function resourcesOf(json: Json, type: string): Record<string, Json> {
  return Object.fromEntries(readResources(json, type).map((r) => [r.name, r.attrs as Json]));
}

/** The single resource of a type; fails when there is not exactly one. */
export function onlyResource(json: Json, type: string): Json {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}
