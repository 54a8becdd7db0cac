import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNodeHandler } from '../../src/lambda/bundle';
import { bundleCounts, resetBundleCache } from '../../src/lambda/bundle-cache';
import { synthesize } from '../../src/synth/synthesize';
import { testConfig } from '../helpers/synth';
import { tempDir } from '../helpers/temp-dir';

const entry = 'test/lambda/fixtures/sample-handler.ts';

/** The one entry file a build left in the disk cache, and its contents. */
function onlyEntry(dir: string): { file: string; entry: { inputs: Record<string, string>; text: string } } {
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  const file = join(dir, files[0]!);
  return { file, entry: JSON.parse(readFileSync(file, 'utf8')) as { inputs: Record<string, string>; text: string } };
}

describe('the bundle cache', () => {
  afterEach(() => resetBundleCache(undefined));

  it('builds a handler once per process, whatever the number of calls', () => {
    resetBundleCache(undefined);
    const first = bundleNodeHandler({ entry });
    expect(bundleNodeHandler({ entry })).toBe(first);
    expect(bundleNodeHandler({ entry })).toBe(first);
    expect(bundleCounts()).toEqual({ builds: 1, diskHits: 0, memoryHits: 2 });
  });

  it('keys by the options: other externals are another build', () => {
    resetBundleCache(undefined);
    const external = bundleNodeHandler({ entry });
    const full = bundleNodeHandler({ entry, external: [] });
    expect(full).not.toBe(external);
    expect(bundleCounts().builds).toBe(2);
  }, 60000);

  it('reads a later run from disk, the same text, and records every input with its hash', () => {
    const dir = tempDir('sw-bundles-');
    resetBundleCache(dir);
    const built = bundleNodeHandler({ entry });
    const { entry: onDisk } = onlyEntry(dir);
    expect(onDisk.text).toBe(built);
    // The handler itself and the dependency it bundles (zod), each by its path relative to the repository.
    expect(Object.keys(onDisk.inputs)).toContain(entry);
    expect(Object.keys(onDisk.inputs).some((p) => p.startsWith('node_modules/zod/'))).toBe(true);
    expect(Object.values(onDisk.inputs).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);

    resetBundleCache(dir); // a new run: nothing in memory
    expect(bundleNodeHandler({ entry })).toBe(built);
    expect(bundleCounts()).toEqual({ builds: 0, diskHits: 1, memoryHits: 0 });
  });

  it('builds again when an input no longer has the content it was built from', () => {
    const dir = tempDir('sw-bundles-');
    resetBundleCache(dir);
    const built = bundleNodeHandler({ entry });
    const { file, entry: onDisk } = onlyEntry(dir);
    // As if the handler's source had been edited since: its recorded hash is no longer the file's.
    writeFileSync(file, JSON.stringify({ ...onDisk, inputs: { ...onDisk.inputs, [entry]: '0'.repeat(64) } }));
    resetBundleCache(dir);
    expect(bundleNodeHandler({ entry })).toBe(built);
    expect(bundleCounts()).toEqual({ builds: 1, diskHits: 0, memoryHits: 0 });
    expect(onlyEntry(dir).entry.inputs[entry]).toBe(onDisk.inputs[entry]); // rewritten with the real hash
  });

  it('treats an unreadable entry as a miss', () => {
    const dir = tempDir('sw-bundles-');
    resetBundleCache(dir);
    const built = bundleNodeHandler({ entry });
    writeFileSync(onlyEntry(dir).file, '{ truncated');
    resetBundleCache(dir);
    expect(bundleNodeHandler({ entry })).toBe(built);
    expect(bundleCounts().builds).toBe(1);
  });

  it('builds the reconciler once for many identical ECS folders', async () => {
    resetBundleCache(undefined);
    const ecs = {
      clusters: [
        {
          name: 'main',
          capacity: { instanceType: 't3.small', scaling: 'memoryReservation', minSize: 1, maxSize: 2 },
          services: [
            {
              name: 'agent',
              oneTaskPerHost: 'reconciled',
              containers: [{ name: 'agent', image: 'public.ecr.aws/nginx/nginx:1.27', memoryReservation: 32 }],
            },
          ],
        },
      ],
    };
    const zips = [];
    for (const region of ['us-east-1', 'us-east-2', 'eu-west-1', 'eu-central-1']) {
      const [stack] = await synthesize(testConfig({ ecs }, { aws: { region } }), { hcl: false });
      zips.push([...stack!.files].filter(([path]) => path.startsWith('assets/')));
    }
    expect(bundleCounts()).toEqual({ builds: 1, diskHits: 0, memoryHits: 3 });
    expect(zips[0]!.length).toBe(1);
    for (const z of zips) expect(z).toEqual(zips[0]);
  }, 60000);
});
