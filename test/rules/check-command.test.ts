import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import type { CheckReport } from '../../src/rules/index';

/** One row of `check --list --json`. */
interface ListedRule {
  readonly id: string;
  readonly pack: string;
  readonly message: string;
  readonly fix: string;
}

/** Datadog in manual mode with the full list: literal policies whose write actions are suppressed in code. */
const CONFIG = `name: t
aws:
  region: us-east-1
stacks:
  datadog:
    externalId: manual
    permissions: full
rules:
  overrides:
    - rule: IAM-PolicySize
      resource: aws_iam_policy.not_there
      level: warning
      reason: kept to show stale overrides are reported
`;

function workspace(): { dir: string; config: string; out: string } {
  const dir = tempDir('sw-check-');
  writeFileSync(join(dir, 'config.yaml'), CONFIG);
  return { dir, config: join(dir, 'config.yaml'), out: join(dir, 'generated') };
}

describe('stackwright check', () => {
  it('check on a config and check --file on what synth wrote give the same answer', async () => {
    const ws = workspace();
    const fromConfig = await runCli(['check', '-c', ws.config, '--json']);
    expect(fromConfig.code).toBe(0);
    expect((await runCli(['synth', '-c', ws.config, '-o', ws.out])).code).toBe(0);
    const fromFile = await runCli([
      'check',
      '--file',
      join(ws.out, 'datadog', 'cdk.tf.json'),
      '-c',
      ws.config,
      '--json',
    ]);
    const fromFolder = await runCli(['check', '--file', ws.out, '-c', ws.config, '--json']);
    const a = JSON.parse(fromConfig.stdout) as CheckReport & { summary: object };
    const b = JSON.parse(fromFile.stdout);
    expect(a.summary).toEqual({ stacks: 1, errors: 0, warnings: 0, suppressed: 2 });
    expect(a.suppressed.map((s) => [s.ruleId, s.by])).toEqual([
      ['IAM-NoWildcardWrite', 'code'],
      ['IAM-NoWildcardWrite', 'code'],
    ]);
    expect(a.unusedOverrides).toEqual([expect.objectContaining({ resource: 'aws_iam_policy.not_there' })]);
    for (const key of ['summary', 'findings', 'suppressed', 'unusedOverrides'] as const) expect(b[key]).toEqual(a[key]);
    expect(JSON.parse(fromFolder.stdout).suppressed).toEqual(a.suppressed);
  });

  it('errors exit 1 with one line per finding; --json locates each finding in its file for CI annotations', async () => {
    const ws = workspace();
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    const file = join(ws.out, 'datadog', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.resource.aws_iam_role.delegation_role.max_session = 3600;
    writeFileSync(file, JSON.stringify(json, null, 2));
    const text = await runCli(['check', '--file', file, '-c', ws.config]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "error: [Schema-UnknownAttribute] datadog/aws_iam_role.delegation_role: Unknown argument: 'max_session' is not an argument of aws_iam_role",
    );
    expect(text.stdout).toMatch(/check: 1 error\(s\), 0 warning\(s\), 2 suppressed, in 1 stack\(s\)\n$/);
    const machine = JSON.parse((await runCli(['check', '--file', file, '-c', ws.config, '--json'])).stdout);
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"delegation_role": {')) + 1;
    expect(machine.findings).toEqual([
      expect.objectContaining({ ruleId: 'Schema-UnknownAttribute', level: 'error', file, line }),
    ]);
  });

  it('--list prints every rule of every pack; --stack narrows --file inputs by stack name', async () => {
    const list = JSON.parse((await runCli(['check', '--list', '--json'])).stdout) as ListedRule[];
    expect(list.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'ECS-FargateTaskSize',
        'IAM-NoWildcardWrite',
        'Net-NoOpenIngress',
        'Schema-UnknownAttribute',
        'Events-PatternFields',
      ]),
    );
    expect(list.every((r) => r.message && r.fix && r.pack)).toBe(true);
    const ws = workspace();
    await runCli(['synth', '-c', ws.config, '-o', ws.out]);
    const none = JSON.parse(
      (await runCli(['check', '--file', ws.out, '-c', ws.config, '--stack', 'ecs', '--json'])).stdout,
    );
    expect(none.summary.stacks).toBe(0);
  });

  it('bad input exits 2: missing file, invalid JSON, not a document, folder without cdk.tf.json', async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'broken.json'), '{"resource": ');
    writeFileSync(join(ws.dir, 'list.json'), '[]');
    const r = await runCli([
      'check',
      '-c',
      ws.config,
      '--file',
      join(ws.dir, 'nope.json'),
      join(ws.dir, 'broken.json'),
      join(ws.dir, 'list.json'),
      ws.dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${join(ws.dir, 'nope.json')}: file not found`);
    expect(r.stderr).toContain(`error: ${join(ws.dir, 'broken.json')}: invalid JSON`);
    expect(r.stderr).toContain(`error: ${join(ws.dir, 'list.json')}: not a Terraform JSON document`);
    expect(r.stderr).toContain(`error: ${ws.dir}: no cdk.tf.json in this folder or its subfolders`);
    expect((await runCli(['check', '-c', join(ws.dir, 'missing.yaml')])).code).toBe(2);
  });
});
