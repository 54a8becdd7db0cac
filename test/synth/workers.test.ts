import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../src/config/load';
import { InputError } from '../../src/core/errors';
import { synthesize, type SynthesizedStack } from '../../src/synth/synthesize';
import { configFolders } from '../../src/synth/folders';
import {
  MAX_WORKERS,
  MIN_FOLDERS_FOR_WORKERS,
  synthesizeInWorkers,
  WORKERS_ENV,
  workerCount,
} from '../../src/synth/workers';

const REPO = join(__dirname, '../..');

/** A `targets:` config of stackwright.yaml's datadog and ecs sections: `accounts` x 2 regions, 3 folders each. */
function targetsConfig(accounts: number, name = 'scale'): string {
  const base = parse(readFileSync(join(REPO, 'stackwright.yaml'), 'utf8')) as {
    stacks: Record<string, unknown>;
    rules: unknown;
  };
  return stringify({
    name,
    targets: Array.from({ length: accounts }, (_, i) => ({
      name: `account-${i + 1}`,
      accountId: String(100000000000 + i + 1),
      regions: ['us-east-1', 'eu-west-1'],
    })),
    stacks: { datadog: base.stacks.datadog, ecs: base.stacks.ecs, sidecar: base.stacks.sidecar },
  });
}

/** Everything a synthesis hands on, with the zips as plain bytes so both sides compare alike. */
function comparable(stacks: readonly SynthesizedStack[]): unknown {
  return stacks.map((s) => ({
    name: s.name,
    folder: s.folder,
    json: s.json,
    files: [...s.files].map(([path, c]) => [path, typeof c === 'string' ? c : Buffer.from(c).toString('base64')]),
  }));
}

describe('synth in worker threads', () => {
  const saved = process.env[WORKERS_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[WORKERS_ENV];
    else process.env[WORKERS_ENV] = saved;
  });

  it('uses no worker unless asked', () => {
    delete process.env[WORKERS_ENV];
    expect(workerCount(1000)).toBe(0);
    expect(workerCount(1000, 0)).toBe(0);
  });

  it('with auto, none for few folders, and for many one per core but one', () => {
    expect(workerCount(MIN_FOLDERS_FOR_WORKERS - 1, 'auto')).toBe(0);
    expect(workerCount(MIN_FOLDERS_FOR_WORKERS, 'auto')).toBe(Math.min(availableParallelism() - 1, MAX_WORKERS));
    expect(workerCount(3, 8)).toBe(3); // never more workers than folders
  });

  it('takes the number from STACKWRIGHT_SYNTH_WORKERS, and refuses one that is not a count', () => {
    process.env[WORKERS_ENV] = '2';
    expect(workerCount(5)).toBe(2);
    process.env[WORKERS_ENV] = 'auto';
    expect(workerCount(5)).toBe(0);
    process.env[WORKERS_ENV] = 'many';
    expect(() => workerCount(5)).toThrow(InputError);
    expect(() => workerCount(5)).toThrow(
      /STACKWRIGHT_SYNTH_WORKERS: not a number of workers: 'many' \(0 or more, or auto\)/,
    );
  });

  it('writes the same folders, files and bytes with workers as without', async () => {
    const config = parseConfig(targetsConfig(2), 'targets.yaml');
    const inProcess = await synthesize(config, { workers: 0 });
    const withWorkers = await synthesize(config, { workers: 2 });
    expect(inProcess.map((s) => s.name)).toEqual([
      'account-1/global/datadog',
      'account-1/eu-west-1/ecs',
      'account-1/eu-west-1/sidecar',
      'account-1/us-east-1/ecs',
      'account-1/us-east-1/sidecar',
      'account-2/global/datadog',
      'account-2/eu-west-1/ecs',
      'account-2/eu-west-1/sidecar',
      'account-2/us-east-1/ecs',
      'account-2/us-east-1/sidecar',
    ]);
    expect(comparable(withWorkers)).toEqual(comparable(inProcess));
  }, 180_000);

  it("reports a folder's bad input from a worker as the same InputError", async () => {
    // A schema-valid name the sidecar's load balancer refuses when it is built (src/sidecar/load-balancer.ts).
    const config = parseConfig(targetsConfig(2, 'internal-x'), 'targets.yaml');
    const inProcess = await synthesize(config, { workers: 0 }).catch((e: unknown) => e);
    // Only the workers build, so the error is theirs.
    const withWorkers = await synthesizeInWorkers(configFolders(config), {}, 2, false).catch((e: unknown) => e);
    expect(inProcess).toBeInstanceOf(InputError);
    expect(withWorkers).toBeInstanceOf(InputError);
    expect((withWorkers as InputError).problems).toEqual((inProcess as InputError).problems);
    expect((withWorkers as InputError).message).toMatch(/ALB name 'internal-x-.*' may not start with 'internal-'/);
  }, 180_000);
});
