/**
 * `stackwright review` end to end through git: a scratch repository whose first commit holds a config and the
 * generated/ synth wrote for it, and a working tree with a changed config. Configuration diff only (`--no-plan`):
 * the planned resource changes are the scenario files' (test/review/*-plan.test.ts). Runs git as a child process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load';
import { writeOutDir } from '../../src/synth/output-dir';
import { synthesize } from '../../src/synth/synthesize';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const BASE = `name: demo
aws: { region: us-east-1, accountId: "111122223333" }
stacks:
  datadog: { site: datadoghq.com, externalId: managed, permissions: standard }
  keepalive: { variants: [python-on], logRetentionDays: 14 }
`;
const WITHOUT_KEEPALIVE = `name: demo
aws: { region: us-east-1, accountId: "111122223333" }
stacks:
  datadog: { site: datadoghq.com, externalId: managed, permissions: standard }
`;

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();

beforeAll(async () => {
  repo = tempDir('sw-review-repo-');
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'review@example.com');
  git('config', 'user.name', 'review test');
  writeFileSync(join(repo, 'stackwright.yaml'), BASE);
  writeOutDir(join(repo, 'generated'), await synthesize(parseConfig(BASE, 'stackwright.yaml'), { hcl: false }));
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  writeFileSync(join(repo, 'README.md'), 'a commit without generated/ changes\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'readme');
}, 120_000);

const review = (...args: string[]) =>
  runCli([
    'review',
    '-c',
    join(repo, 'stackwright.yaml'),
    '--generated',
    join(repo, 'generated'),
    '--no-plan',
    ...args,
  ]);

describe('stackwright review through git', () => {
  it('the same config as the base: "No changes", exit 0', async () => {
    const r = await review('--base', 'HEAD~1');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('<!-- stackwright-review -->');
    expect(r.stdout).toContain('**No changes**: generated/ is the same on both sides.');
  });

  it('a removed stack: every resource destroyed, flagged; --fail-on destroy exits 1; the work tree untouched', async () => {
    writeFileSync(join(repo, 'stackwright.yaml'), WITHOUT_KEEPALIVE);
    const before = git('status', '--porcelain');
    try {
      const out = join(tempDir('sw-review-out-'), 'review.json');
      const r = await review('--base', 'main', '--format', 'json', '--out', out, '--fail-on', 'destroy', 'replace');
      expect(r).toEqual({ code: 1, stdout: '', stderr: 'review: --fail-on matched: destroy\n' });
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        stacks: Array<{ stack: string; status: string; changes: Array<{ kind: string }>; flags: string[] }>;
        flags: string[];
      };
      expect(report.stacks.map((s) => [s.stack, s.status])).toEqual([
        ['datadog', 'unchanged'],
        ['keepalive', 'removed'],
      ]);
      const keepalive = report.stacks[1];
      expect(keepalive.changes.length).toBeGreaterThan(0);
      expect(new Set(keepalive.changes.map((c) => c.kind))).toEqual(new Set(['destroy']));
      expect(report.flags).toEqual(['destroy']);
      // git read the base from its object store: nothing in the work tree or the index changed.
      expect(git('status', '--porcelain')).toBe(before);
    } finally {
      writeFileSync(join(repo, 'stackwright.yaml'), BASE);
    }
  });

  it('exit 2 for a ref that names no commit, and for a base without generated/', async () => {
    const unknown = await review('--base', 'no-such-ref');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--base: no-such-ref: not a commit in this repository');
    const empty = tempDir('sw-review-empty-');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: empty });
    execFileSync(
      'git',
      ['-c', 'user.email=r@example.com', '-c', 'user.name=r', 'commit', '-q', '--allow-empty', '-m', 'x'],
      {
        cwd: empty,
      },
    );
    writeFileSync(join(empty, 'stackwright.yaml'), BASE);
    const none = await runCli([
      'review',
      '-c',
      join(empty, 'stackwright.yaml'),
      '--generated',
      join(empty, 'generated'),
      '--no-plan',
      '--base',
      'HEAD',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--base: HEAD: has no generated/ folder');
  });
});

const TARGETS_BASE = `name: org
assumeRole: arn:\${partition}:iam::\${account}:role/terraform
stacks:
  datadog: { site: datadoghq.com, externalId: managed, permissions: standard }
targets:
  - { name: prod, accountId: "111111111111", regions: [us-east-1] }
`;
const TARGETS_HEAD = `${TARGETS_BASE}  - { name: staging, accountId: "222222222222", regions: [us-east-1] }
`;

describe('stackwright review of a targets: config', () => {
  let org: string;
  beforeAll(async () => {
    org = tempDir('sw-review-targets-');
    const run = (...args: string[]) => execFileSync('git', args, { cwd: org, stdio: ['ignore', 'pipe', 'pipe'] });
    run('init', '-q', '-b', 'main');
    writeFileSync(join(org, 'stackwright.yaml'), TARGETS_BASE);
    writeOutDir(
      join(org, 'generated'),
      await synthesize(parseConfig(TARGETS_BASE, 'stackwright.yaml'), { hcl: false }),
    );
    run('add', '-A');
    run('-c', 'user.email=r@example.com', '-c', 'user.name=r', 'commit', '-q', '-m', 'base');
    writeFileSync(join(org, 'stackwright.yaml'), TARGETS_HEAD);
  }, 120_000);

  const reviewOrg = async (...args: string[]) => {
    const out = join(tempDir('sw-review-out-'), 'review.json');
    const r = await runCli([
      'review',
      '-c',
      join(org, 'stackwright.yaml'),
      '--generated',
      join(org, 'generated'),
      '--no-plan',
      '--base',
      'main',
      '--format',
      'json',
      '--out',
      out,
      ...args,
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    return (JSON.parse(readFileSync(out, 'utf8')) as { stacks: Array<{ stack: string; status: string }> }).stacks;
  };

  it('compares every nested folder: the new target is added, the other unchanged', async () => {
    expect((await reviewOrg()).map((s) => [s.stack, s.status])).toEqual([
      ['prod/global/datadog', 'unchanged'],
      ['staging/global/datadog', 'added'],
    ]);
  });

  it('--target narrows both sides alike', async () => {
    expect((await reviewOrg('--target', 'prod')).map((s) => [s.stack, s.status])).toEqual([
      ['prod/global/datadog', 'unchanged'],
    ]);
  });
});
