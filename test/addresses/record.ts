/**
 * Rewrites test/addresses/expected.json, the addresses the address test holds, from what the code synthesizes now.
 * Only for a deliberate address change, which also needs a moved block from the old address (see
 * src/core/addresses.ts). Run from the repository root: `npx tsx test/addresses/record.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { addressConfigs, addressesOf, synthConfig } from './collect';

export const EXPECTED_FILE = join(PROJECT_ROOT, 'test/addresses/expected.json');

async function main(): Promise<void> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const file of addressConfigs()) {
    const stacks = await synthConfig(file);
    out[file] = Object.fromEntries([...stacks].map(([name, json]) => [name, addressesOf(json)]));
  }
  writeFileSync(EXPECTED_FILE, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${EXPECTED_FILE}: ${Object.keys(out).length} configs`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
