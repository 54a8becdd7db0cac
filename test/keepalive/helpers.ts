import { testConfig, synthStack } from '../helpers/synth';
import type { Json } from '../helpers/json';

/** Synthesizes the keep-alive stack for a `stacks.keepalive` section (environment name `test`). */
export async function synthKeepalive(section: Record<string, unknown> = {}) {
  return synthStack(testConfig({ keepalive: section }), 'keepalive');
}

/** The synthesized resource of `type` whose construct path ends with `/<variant>/<id>`. */
export function variantResource(json: Json, type: string, variant: string, id: string): Json {
  const all = Object.values((json.resource?.[type] ?? {}) as Record<string, Json>);
  const found = all.filter((r) => r['//']?.metadata?.path?.endsWith(`/${variant}/${id}`));
  if (found.length !== 1) throw new Error(`expected one ${type} for ${variant}/${id}, found ${found.length}`);
  return found[0];
}
