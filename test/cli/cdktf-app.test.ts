import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cdktfApp } from '../../src/cli/cdktf-app';
import { loadConfig } from '../../src/config/load';
import { synthesize } from '../../src/synth/synthesize';
import { runCli } from '../helpers/cli';
import { snapshotTree } from '../helpers/tree';
import { tempDir } from '../helpers/temp-dir';
import { synthStack, testConfig } from '../helpers/synth';
import type { Json } from '../helpers/json';

const ROOT = join(__dirname, '..', '..');
const DEFAULT_CONFIG = join(ROOT, 'stackwright.yaml');

/** A config file in a fresh folder, and the outdir the cdktf CLI would name beside it. */
function workspace(configYaml: string): { config: string; outdir: string } {
  const dir = tempDir('sw-cdktf-');
  writeFileSync(join(dir, 'c.yaml'), configYaml);
  return { config: join(dir, 'c.yaml'), outdir: join(dir, 'out') };
}

/** Runs the cdktf app entry in-process, as `npx cdktf synth` would (outdir and config from the environment). */
async function synthViaCdktf(configYaml: string): Promise<string> {
  const ws = workspace(configYaml);
  const { code, stderr } = await captured(() => cdktfApp({ CDKTF_OUTDIR: ws.outdir, STACKWRIGHT_CONFIG: ws.config }));
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return ws.outdir;
}

/** Runs `fn` with stderr captured. */
async function captured(fn: () => Promise<number>): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await fn(), stderr };
  } finally {
    spy.mockRestore();
  }
}

/** `node bin/cdktf-app.js`, exactly as cdktf.json's `app` is run by the cdktf CLI, with CDKTF_OUTDIR set. */
async function runAppEntry(config: string, outdir: string): Promise<{ code: number; stderr: string }> {
  const env = { ...process.env, CDKTF_OUTDIR: outdir, STACKWRIGHT_CONFIG: config };
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['bin/cdktf-app.js'], {
      cwd: ROOT,
      env,
      timeout: 120_000,
    });
    return { code: 0, stderr };
  } catch (err) {
    const failed = err as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

const MANUAL_DATADOG = 'name: test\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: manual\n';

describe('cdktf app entry (npx cdktf synth)', () => {
  it('builds the same stacks into the outdir the cdktf CLI gives it', async () => {
    const file = join(await synthViaCdktf(MANUAL_DATADOG), 'stacks', 'datadog', 'cdk.tf.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).variable.datadog_external_id.sensitive).toBe(true);
  });

  it('gives the readable addresses, with the same moved blocks as stackwright synth', async () => {
    const viaCdktf = JSON.parse(
      readFileSync(join(await synthViaCdktf(MANUAL_DATADOG), 'stacks', 'datadog', 'cdk.tf.json'), 'utf8'),
    );
    const viaStackwright = (await synthStack(testConfig({ datadog: { externalId: 'manual' } }), 'datadog'))
      .json as Record<string, Json>;
    expect(Object.keys(viaCdktf.resource.aws_iam_role)).toEqual(['delegation_role']);
    expect(viaCdktf.moved).toEqual(viaStackwright.moved);
    expect(viaCdktf.moved).toContainEqual({
      from: 'aws_iam_role.delegation_role_CBBB7F21',
      to: 'aws_iam_role.delegation_role',
    });
  });

  it('node bin/cdktf-app.js writes every stack of the default config as stackwright synth builds it', async () => {
    const outdir = join(tempDir('sw-cdktf-'), 'out');
    expect(await runAppEntry(DEFAULT_CONFIG, outdir)).toEqual({ code: 0, stderr: '' });
    const expected = await synthesize(loadConfig(DEFAULT_CONFIG), { hcl: false, configFile: DEFAULT_CONFIG });
    expect(expected.map((s) => s.name)).toEqual(['datadog', 'ecs', 'sidecar', 'keepalive']);
    // The cdktf CLI finds the stacks through the manifest app.synth() writes.
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, unknown>;
    };
    expect(Object.keys(manifest.stacks).sort()).toEqual(expected.map((s) => s.name).sort());
    expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(expected.map((s) => s.name).sort());
    for (const stack of expected) {
      const dir = join(outdir, 'stacks', stack.name);
      expect(JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8'))).toEqual(stack.json);
      // The files a stack carries beside its Terraform (Lambda bundles, image contexts), byte for byte.
      for (const [path, contents] of stack.files) {
        if (path === 'cdk.tf.json' || path === 'README.md') continue;
        expect({ path, same: Buffer.from(contents).equals(readFileSync(join(dir, path))) }).toEqual({
          path,
          same: true,
        });
      }
    }
  });

  it.each([
    ['a config the schema rejects', 'name: t\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    site: nowhere\n'],
    [
      'a config a construct rejects',
      'name: internal-env\naws:\n  region: us-east-1\nstacks:\n  sidecar: { listenerCidrs: [203.0.113.10/32] }\n',
    ],
  ])('%s: the same error lines as stackwright synth, exit 2, no file written', async (_what, yaml) => {
    const ws = workspace(yaml);
    const viaSynth = await runCli(['synth', '-c', ws.config, '-o', join(ws.outdir, '..', 'generated')]);
    expect(viaSynth.code).toBe(2);
    expect(viaSynth.stderr).toMatch(new RegExp(`^error: ${ws.config}: `));
    expect(await captured(() => cdktfApp({ CDKTF_OUTDIR: ws.outdir, STACKWRIGHT_CONFIG: ws.config }))).toEqual({
      code: 2,
      stderr: viaSynth.stderr,
    });
    // cdktf's App makes the (empty) folders when it is created; no file is written.
    expect(Object.keys(snapshotTree(ws.outdir))).toEqual([]);
  });

  it('bad input through node bin/cdktf-app.js: exit 2 with the error lines and no stack trace', async () => {
    const ws = workspace(
      "name: t\naws:\n  region: us-east-1\n  accountId: '111122223333'\nstacks:\n  datadog:\n    permisions: full\n",
    );
    const r = await runAppEntry(ws.config, ws.outdir);
    expect(r).toEqual({
      code: 2,
      stderr: `error: ${ws.config}: stacks.datadog: unknown key 'permisions' (remove or fix the spelling)\n`,
    });
  });
});
