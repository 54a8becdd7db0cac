import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundleNodeHandler } from '../../src/lambda/bundle';
import { bundleCounts, resetBundleCache } from '../../src/lambda/bundle-cache';

const entry = 'test/lambda/fixtures/sample-handler.ts';

describe('bundleNodeHandler', () => {
  const code = bundleNodeHandler({ entry });

  it('produces the same text on every build', () => {
    // No cache, in memory or on disk: esbuild builds it again.
    resetBundleCache(undefined);
    expect(bundleNodeHandler({ entry })).toBe(code);
    expect(bundleCounts().builds).toBe(1);
  });

  it('leaves no absolute path of this machine in the bundle', () => {
    const root = resolve(__dirname, '../..');
    expect(code).not.toContain(root);
    expect(code).not.toContain(homedir());
    expect(code).not.toContain(process.cwd());
  });

  it('keeps the AWS SDK external and bundles other dependencies', () => {
    expect(code).toMatch(/require\("@aws-sdk\/client-ecs"\)/);
    expect(code).not.toMatch(/require\("zod"\)/);
  });

  it('bundles everything when nothing is external', () => {
    const full = bundleNodeHandler({ entry, external: [] });
    expect(full).not.toMatch(/require\("@aws-sdk\/client-ecs"\)/);
    expect(full.length).toBeGreaterThan(code.length);
  }, 60000);

  it('emits a CommonJS module exporting the handler, with class names kept', async () => {
    const module = { exports: {} as { handler: (event: unknown) => Promise<unknown> } };
    const fakeEcs = {
      ECSClient: class {
        send = (): void => undefined;
      },
    };
    const require = (id: string): unknown => {
      if (id === '@aws-sdk/client-ecs') return fakeEcs;
      throw new Error(`unexpected require ${id}`);
    };
    runInNewContext(code, { module, exports: module.exports, require });
    await expect(module.exports.handler({ name: 'x' })).resolves.toBe('x via function');
    await expect(module.exports.handler({})).rejects.toHaveProperty('constructor.name', 'SampleError');
  });

  it('rejects an absolute or escaping entry, and a missing one', () => {
    expect(() => bundleNodeHandler({ entry: resolve(entry) })).toThrow(/relative to the repository root/);
    expect(() => bundleNodeHandler({ entry: '../outside.ts' })).toThrow(/relative to the repository root/);
    expect(() => bundleNodeHandler({ entry: 'test/lambda/fixtures/nope.ts' })).toThrow(/does not exist/);
  });
});
