/**
 * Records test/addresses/fixtures/keepalive-0.1.0.tfstate: the state a user of 0.1.0 has after applying the keepalive
 * stack of the default config, its resources at the addresses 0.1.0 gave them. Made by planning the stack against
 * its own state until nothing changes (ids and ARNs made up), then moving each resource back to its 0.1.0 address.
 * It is in the terms of the offline copy (provider 5.100.0, so Lambda runtimes one older; see terraform.ts).
 * Run from the repository root: `npx tsx test/addresses/record-state.ts` (takes a few minutes).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { synthConfig } from './collect';
import { offlineCopy, terraform } from './terraform';
import { appliedState, resourceSchemas, writeState } from '../../src/terraform/plan/state';
import { removeTempDirs } from '../helpers/temp-dir';
import type { Json } from '../helpers/json';

export const STATE_FIXTURE = join(PROJECT_ROOT, 'test/addresses/fixtures/keepalive-0.1.0.tfstate');

async function main(): Promise<void> {
  const json = (await synthConfig('stackwright.yaml')).get('keepalive') as Record<string, Json>;
  const dir = offlineCopy(json, join(PROJECT_ROOT, 'generated/keepalive'));
  await terraform(dir, 'init', '-input=false');
  const schemas = await resourceSchemas(terraform, dir);
  const state = await appliedState(terraform, dir, schemas);
  const released = new Map<string, string>((json.moved ?? []).map((m: { from: string; to: string }) => [m.to, m.from]));
  writeState(dir, state, schemas, (address) => released.get(address) ?? address);
  copyFileSync(join(dir, 'terraform.tfstate'), STATE_FIXTURE);
  console.log(`${STATE_FIXTURE}: ${state.size} resources`);
}

if (require.main === module) {
  main()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(removeTempDirs);
}
