import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdktfApp } from '../../src/cli/cdktf-app';
import { runCli } from '../helpers/cli';
import { snapshotTree } from '../helpers/tree';
import { tempDir } from '../helpers/temp-dir';

// One extra rule that fails on every IAM role, so a real config produces an error finding.
jest.mock('../../src/rules/packs', () => {
  const actual = jest.requireActual('../../src/rules/packs');
  const entry = {
    rule: {
      id: 'Test-AlwaysFails',
      appliesTo: ['aws_iam_role'],
      check: () => ({ compliance: 'non-compliant', problems: ['fixture'] }),
    },
    message: 'Always fails',
    fix: 'Nothing to fix.',
  };
  return { ...actual, ENTRIES: [...actual.ENTRIES, entry], RULE_IDS: [...actual.RULE_IDS, entry.rule.id] };
});

// Config validation reads the light id list, so the extra rule's id is added there too.
jest.mock('../../src/rules/ids', () => {
  const actual = jest.requireActual('../../src/rules/ids');
  return { ...actual, RULE_IDS: [...actual.RULE_IDS, 'Test-AlwaysFails'] };
});

const CONFIG = 'name: t\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: manual\n';

describe('rule errors block synth and fail check', () => {
  it('synth exits 1 and writes nothing; check exits 1', async () => {
    const dir = tempDir('sw-block-');
    writeFileSync(join(dir, 'c.yaml'), CONFIG);
    const synth = await runCli(['synth', '-c', join(dir, 'c.yaml'), '-o', join(dir, 'out')]);
    expect(synth.code).toBe(1);
    expect(synth.stderr).toContain(
      'error: [Test-AlwaysFails] datadog/aws_iam_role.delegation_role: Always fails: fixture Fix: Nothing to fix.',
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect((await runCli(['check', '-c', join(dir, 'c.yaml')])).code).toBe(1);
  });

  it('the cdktf app entry (npx cdktf synth) refuses the same way: exit 1, the finding, no file written', async () => {
    const dir = tempDir('sw-block-');
    writeFileSync(join(dir, 'c.yaml'), CONFIG);
    let stderr = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    let code: number;
    try {
      code = await cdktfApp({ CDKTF_OUTDIR: join(dir, 'out'), STACKWRIGHT_CONFIG: join(dir, 'c.yaml') });
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(1);
    expect(stderr).toContain(
      'error: [Test-AlwaysFails] datadog/aws_iam_role.delegation_role: Always fails: fixture Fix: Nothing to fix.',
    );
    expect(stderr).toContain('cdktf app: 1 rule error(s); nothing written');
    expect(Object.keys(snapshotTree(join(dir, 'out')))).toEqual([]);
  });

  it('a config override lowering the rule to a warning lets synth write, printing the warning', async () => {
    const dir = tempDir('sw-block-');
    const override =
      'rules:\n  overrides:\n    - rule: Test-AlwaysFails\n      level: warning\n      reason: testing that warnings do not block\n';
    writeFileSync(join(dir, 'c.yaml'), CONFIG + override);
    const synth = await runCli(['synth', '-c', join(dir, 'c.yaml'), '-o', join(dir, 'out')]);
    expect(synth.code).toBe(0);
    expect(synth.stderr).toContain('warning: [Test-AlwaysFails]');
    expect(existsSync(join(dir, 'out', 'datadog', 'cdk.tf.json'))).toBe(true);
    const check = await runCli(['check', '-c', join(dir, 'c.yaml')]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('check: 0 error(s), 1 warning(s), 1 suppressed, in 1 stack(s)');
  });
});
