import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { snapshotTree } from '../helpers/tree';

const EXAMPLE = join(PROJECT_ROOT, 'examples/targets/datadog-organisation.yaml');

describe('the CLI on a targets: config', () => {
  it('list --json prints the folders as a CI matrix: target, region, stack, folder, account, role, state key', async () => {
    const r = await runCli(['list', '--json', '-c', EXAMPLE]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      stack: 'datadog',
      resources: 3,
      dataSources: 1,
      summary: expect.stringContaining('(the external ID is a variable)'),
      folder: 'gov-dev/global/datadog',
      target: 'gov-dev',
      region: 'us-gov-west-1',
      scope: 'global',
      accountId: '555555555555',
      roleArn: null,
      backendKey: 'org/gov-dev/global/datadog.tfstate',
    });
    expect(rows.map((row) => row.folder)).toContain('prod/eu-west-1/keepalive');
  });

  it('--target and --region narrow list, synth, diff and check; unknown ones exit 2', async () => {
    const narrow = ['--target', 'prod', '--region', 'eu-west-1'];
    const list = JSON.parse((await runCli(['list', '--json', '-c', EXAMPLE, ...narrow])).stdout) as {
      folder: string;
    }[];
    expect(list.map((row) => row.folder)).toEqual(['prod/eu-west-1/keepalive']);

    const out = join(tempDir('sw-targets-cli-'), 'generated');
    expect((await runCli(['synth', '-c', EXAMPLE, '-o', out, '--target', 'staging'])).code).toBe(0);
    expect(
      Object.keys(snapshotTree(out))
        .map((p) => p.split('/').slice(0, 3).join('/'))
        .filter((p, i, all) => all.indexOf(p) === i),
    ).toEqual(['.stackwright', 'staging/global/datadog', 'staging/us-east-1/keepalive']);
    // The staging folders are up to date; prod's are not written at all.
    expect((await runCli(['diff', '-c', EXAMPLE, '-o', out, '--target', 'staging'])).code).toBe(0);
    const all = await runCli(['diff', '--json', '-c', EXAMPLE, '-o', out]);
    expect(all.code).toBe(1);
    expect((JSON.parse(all.stdout) as { drifted: string[] }).drifted).toContain('prod/eu-west-1/keepalive/cdk.tf.json');
    // A partial synth keeps the folders it did not rewrite.
    expect((await runCli(['synth', '-c', EXAMPLE, '-o', out, '--target', 'prod', '--stack', 'datadog'])).code).toBe(0);
    expect(Object.keys(snapshotTree(out)).some((p) => p.startsWith('staging/us-east-1/keepalive/'))).toBe(true);
    expect(Object.keys(snapshotTree(out)).some((p) => p.startsWith('prod/global/datadog/'))).toBe(true);

    const check = await runCli(['check', '--json', '-c', EXAMPLE, '--region', 'us-gov-west-1']);
    expect(JSON.parse(check.stdout)).toMatchObject({ summary: { stacks: 2 } });

    const bad = await runCli(['diff', '-c', EXAMPLE, '-o', out, '--target', 'qa', '--region', 'mars-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'error: --target: qa: not a target of this config (gov-dev, gov-prod, prod, security, staging)',
    );
    expect(bad.stderr).toContain('error: --region: mars-1: not a region of this config');
  });

  it('--target on a config without targets is bad input that says so', async () => {
    const dir = tempDir('sw-targets-cli-');
    const file = join(dir, 'c.yaml');
    writeFileSync(file, "name: t\naws:\n  region: us-east-1\n  accountId: '123456789012'\nstacks:\n  datadog: {}\n");
    const r = await runCli(['list', '-c', file, '--target', 'prod']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target: prod: not a target of this config (none: the config has no targets:)');
  });

  it("prints a target's own config warnings at its override, and refuses --target with check --file", async () => {
    const dir = tempDir('sw-targets-cli-');
    const file = join(dir, 'c.yaml');
    writeFileSync(
      file,
      [
        'name: org',
        'stacks:',
        '  datadog: {}',
        'targets:',
        '  - name: prod',
        "    accountId: '111111111111'",
        '    regions: [us-east-1]',
        '    overrides:',
        '      datadog:',
        '        securityAudit: true',
        '        integration: { resourceCollection: { enabled: false } }',
        '',
      ].join('\n'),
    );
    const r = await runCli(['list', '-c', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: ${file}: targets[prod].overrides.datadog.securityAudit: SecurityAudit is attached`,
    );
    const bad = await runCli(['check', '-f', dir, '--target', 'prod']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/mutually exclusive|conflict/i);
  });
});
