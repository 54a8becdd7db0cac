import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../helpers/cli';
import { snapshotTree } from '../helpers/tree';
import { tempDir } from '../helpers/temp-dir';

const DATADOG_ONLY = "name: t\naws:\n  region: us-east-1\n  accountId: '123456789012'\nstacks:\n  datadog: {}\n";

function workspace(config = DATADOG_ONLY): { dir: string; config: string; out: string } {
  const dir = tempDir('sw-cli-');
  writeFileSync(join(dir, 'config.yaml'), config);
  return { dir, config: join(dir, 'config.yaml'), out: join(dir, 'generated') };
}

describe('stackwright CLI', () => {
  it('synth writes JSON, HCL and a README per stack', async () => {
    const ws = workspace();
    const r = await runCli(['synth', '--config', ws.config, '--out', ws.out]);
    expect(r.code).toBe(0);
    expect(Object.keys(snapshotTree(ws.out))).toEqual([
      '.stackwright',
      'datadog/README.md',
      'datadog/cdk.tf.json',
      'datadog/hcl/main.tf',
    ]);
    const readme = snapshotTree(ws.out)['datadog/README.md']!;
    const text = Buffer.from(readme, 'hex').toString();
    expect(text).toMatch(/## What it creates/);
    expect(text).toMatch(/\| `aws_iam_role` \| 1 \|/);
    expect(text).toMatch(/## Outputs[\s\S]*`external_id` \| yes/);
  });

  it('bad config: prints every problem, exits 2, leaves generated/ exactly as it was', async () => {
    const ws = workspace();
    expect((await runCli(['synth', '-c', ws.config, '-o', ws.out])).code).toBe(0);
    const before = snapshotTree(ws.out);
    writeFileSync(
      ws.config,
      'name: t\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    site: nowhere\n    permisions: full\n',
    );
    const r = await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${ws.config}: stacks.datadog.site: value not allowed (one of "datadoghq.com"`);
    expect(r.stderr).toContain(
      `error: ${ws.config}: stacks.datadog: unknown key 'permisions' (remove or fix the spelling)`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshotTree(ws.out)).toEqual(before);
    expect(readdirSync(dirname(ws.out)).filter((n) => n.startsWith('.stackwright-'))).toEqual([]);
  });

  it.each([
    ['a missing config file', (ws: { dir: string }) => join(ws.dir, 'missing.yaml'), /missing\.yaml: file not found/],
    [
      'invalid YAML',
      (ws: { config: string }) => (writeFileSync(ws.config, 'name: [t\n'), ws.config),
      /config\.yaml:\d+:\d+: invalid YAML/,
    ],
  ])('%s: exit 2 with the file named, generated/ untouched', async (_what, makeConfig, message) => {
    const ws = workspace();
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    const before = snapshotTree(ws.out);
    const r = await runCli(['synth', '-c', makeConfig(ws), '-o', ws.out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshotTree(ws.out)).toEqual(before);
  });

  it('an unknown --stack or option is bad input (exit 2)', async () => {
    const ws = workspace();
    const r = await runCli(['synth', '-c', ws.config, '-o', ws.out, '--stack', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --stack: nope: not a stack of this config (datadog)');
    expect((await runCli(['synth', '--frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('diff exits 0 on a fresh synth and 1 naming the files after a hand edit or an extra file', async () => {
    const ws = workspace();
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    const clean = await runCli(['diff', '-c', ws.config, '-o', ws.out]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('is up to date');

    appendFileSync(join(ws.out, 'datadog', 'hcl', 'main.tf'), '# hand edit\n');
    writeFileSync(join(ws.out, 'datadog', 'stray.tf'), 'resource "x" "y" {}\n');
    const drift = await runCli(['diff', '-c', ws.config, '-o', ws.out, '--json']);
    expect(drift.code).toBe(1);
    expect(JSON.parse(drift.stdout)).toEqual({
      out: ws.out,
      upToDate: false,
      drifted: ['datadog/hcl/main.tf', 'datadog/stray.tf'],
    });
  });

  it('diff notices a config change', async () => {
    const ws = workspace();
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    writeFileSync(ws.config, DATADOG_ONLY.replace('datadog: {}', 'datadog:\n    securityAudit: true'));
    const r = await runCli(['diff', '-c', ws.config, '-o', ws.out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('datadog/cdk.tf.json');
  });

  it('synth --stack rewrites only that stack and keeps the others', async () => {
    const ws = workspace();
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    writeFileSync(join(ws.out, 'keep-me.txt'), 'x');
    const r = await runCli(['synth', '-c', ws.config, '-o', ws.out, '--stack', 'datadog']);
    expect(r.code).toBe(0);
    expect(Object.keys(snapshotTree(ws.out))).toContain('keep-me.txt');
  });

  it('list shows the stacks with resource counts, as JSON on request', async () => {
    const ws = workspace();
    const r = await runCli(['list', '-c', ws.config, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ stack: 'datadog', resources: 5, dataSources: 1 })]);
    const text = await runCli(['list', '-c', ws.config]);
    expect(text.stdout).toMatch(/^datadog\s+5 resources/);
  });

  it('every command has --help', async () => {
    for (const cmd of ['synth', 'diff', 'list']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`stackwright ${cmd}`);
    }
  });

  it('--version prints the version package.json declares', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('diff --stack compares only the named stacks', async () => {
    const ws = workspace(DATADOG_ONLY.replace('datadog: {}', 'datadog: {}\n  keepalive: {}'));
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    appendFileSync(join(ws.out, 'keepalive', 'README.md'), 'hand edit\n');
    const datadog = await runCli(['diff', '-c', ws.config, '-o', ws.out, '-s', 'datadog', '--json']);
    expect(datadog.code).toBe(0);
    expect(JSON.parse(datadog.stdout)).toEqual({ out: ws.out, upToDate: true, drifted: [] });
    const keepalive = await runCli(['diff', '-c', ws.config, '-o', ws.out, '--stack', 'keepalive', '--json']);
    expect(keepalive.code).toBe(1);
    expect(JSON.parse(keepalive.stdout)).toMatchObject({ drifted: ['keepalive/README.md'] });
    const unknown = await runCli(['diff', '-c', ws.config, '-o', ws.out, '-s', 'nope']);
    expect(unknown.code).toBe(2);
  });

  it('check --list refuses --file, --stack and --config rather than ignore them', async () => {
    const r = await runCli(['check', '--list', '--file', 'generated/datadog/cdk.tf.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: command line: Arguments list and file are mutually exclusive/);
    expect(r.stdout).toBe('');
  });
});
