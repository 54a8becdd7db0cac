import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TerraformJson } from '../../src/synth/synthesize';
import { addressConfigs, addressesOf, movedOf, synthConfig } from './collect';

/**
 * Terraform addresses are a public interface: a changed address destroys and recreates the object for everyone who
 * applied. expected.json holds every address of the default config and each example; released-0.1.0.json holds the
 * addresses 0.1.0 synthesized for them (cdktf's hashed names), which the moved blocks must carry over.
 */
type AddressFile = Record<string, Record<string, string[]>>;
const expected = JSON.parse(readFileSync(join(__dirname, 'expected.json'), 'utf8')) as AddressFile;
const released = JSON.parse(readFileSync(join(__dirname, 'released-0.1.0.json'), 'utf8')) as AddressFile;

const configs = addressConfigs();
const synthesized = new Map<string, Map<string, TerraformJson>>();
async function stacksOf(file: string): Promise<Map<string, TerraformJson>> {
  if (!synthesized.has(file)) synthesized.set(file, await synthConfig(file));
  return synthesized.get(file)!;
}

const typeOf = (address: string): string => address.split('.')[0];

describe('resource addresses', () => {
  it('are held for the default config and every example', () => {
    expect(Object.keys(expected).sort()).toEqual([...configs].sort());
    expect(Object.keys(released).sort()).toEqual([...configs].sort());
  });

  describe.each(configs)('%s', (file) => {
    it('has exactly the held addresses (a change needs a moved block and `npx tsx test/addresses/record.ts`)', async () => {
      const stacks = await stacksOf(file);
      expect([...stacks.keys()].sort()).toEqual(Object.keys(expected[file]).sort());
      for (const [stack, json] of stacks) {
        const now = addressesOf(json);
        const held = expected[file][stack];
        const diff = {
          stack,
          added: now.filter((a) => !held.includes(a)),
          removed: held.filter((a) => !now.includes(a)),
        };
        expect(diff).toEqual({ stack, added: [], removed: [] });
      }
    });

    it('names every block readably: snake_case, no hash', async () => {
      for (const json of (await stacksOf(file)).values()) {
        for (const address of addressesOf(json)) expect(address).toMatch(/^(data\.)?[a-z0-9_]+\.[a-z_][a-z0-9_]*$/);
      }
    });

    // Resources deliberately retired since 0.1.0 (Terraform destroys them on upgrade), each with its reason.
    const RETIRED = new Map([
      [
        'aws_lambda_function_event_invoke_config.reconciler_async',
        'the reconciler reads an SQS FIFO queue; no async invocation',
      ],
      ['aws_lambda_permission.reconciler_invoke', 'EventBridge sends to the queue, not to the function'],
    ]);

    // Every released resource has a move, and every move comes from an address 0.1.0 really had: a resource added
    // since gets none (its 0.1.0-style name never existed, and a reviewer would read the move as a rename).
    it('moves every resource 0.1.0 released to its new address, and only those', async () => {
      for (const [stack, json] of await stacksOf(file)) {
        const now = new Set(addressesOf(json));
        const moved = movedOf(json);
        const old = released[file][stack].filter((a) => !a.startsWith('data.'));
        const from = new Map(moved.map((m) => [m.from, m.to]));
        expect(from.size).toBe(moved.length); // one move per source
        // A move from a for_each instance (`x["1"]`) accounts for its resource; its other instances retire.
        const movedResources = new Set(moved.map((m) => m.from.replace(/\[[^\]]*\]$/, '')));
        const unaccounted = old.filter(
          (a) => !now.has(a) && !movedResources.has(a) && !RETIRED.has(a.replace(/_[0-9A-F]{8}$/, '')),
        );
        expect({ stack, unaccounted }).toEqual({ stack, unaccounted: [] });
        const releasedHere = new Set(released[file][stack]);
        const neverReleased = moved.map((m) => m.from.replace(/\[[^\]]*\]$/, '')).filter((a) => !releasedHere.has(a));
        expect({ stack, neverReleased }).toEqual({ stack, neverReleased: [] });
        for (const m of moved) {
          expect({
            ...m,
            sourceFree: !now.has(m.from),
            targetExists: now.has(m.to),
            sameType: typeOf(m.from) === typeOf(m.to),
          }).toEqual({
            ...m,
            sourceFree: true,
            targetExists: true,
            sameType: true,
          });
        }
        // Data sources hold no state: Terraform rejects moved blocks for them, and none are needed.
        expect(moved.filter((m) => m.from.startsWith('data.') || m.to.startsWith('data.'))).toEqual([]);
      }
    });
  });

  it('moves each resource of the default config in cdk.tf.json as Terraform reads it', async () => {
    const json = (await stacksOf('stackwright.yaml')).get('datadog')!;
    expect(json.moved).toEqual([
      {
        from: 'datadog_integration_aws_external_id.external-id',
        to: 'datadog_integration_aws_external_id.external_id',
      },
      { from: 'aws_iam_role.delegation_role_CBBB7F21', to: 'aws_iam_role.delegation_role' },
      // 0.1.0 granted the live list through for_each resources: their first instance becomes part 1 of the snapshot.
      { from: 'aws_iam_policy.delegation_permissions_D98425A2["1"]', to: 'aws_iam_policy.delegation_permissions_1' },
      {
        from: 'aws_iam_role_policy_attachment.delegation_attach_BECBDA6D["1"]',
        to: 'aws_iam_role_policy_attachment.delegation_attach_1',
      },
      {
        from: 'datadog_integration_aws_account.integration_account_1B7A3135',
        to: 'datadog_integration_aws_account.integration_account',
      },
    ]);
  });
});
