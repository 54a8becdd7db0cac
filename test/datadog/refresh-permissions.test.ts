import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEWED_FILE, reviewedActions, snapshotFile, snapshotPermissions } from '../../src/datadog/permissions';
import { SNAPSHOT_DIR } from '../../src/datadog/refresh-permissions';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

/** A loopback stand-in for Datadog's API: the two permission lists, behind the API and application keys. */
function datadogStandIn(
  lists: Record<string, string[]>,
): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.headers['dd-api-key'] !== 'api-key' || req.headers['dd-application-key'] !== 'app-key') {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"errors":["Forbidden"]}');
      return;
    }
    const list = lists[req.url ?? ''];
    if (!list) return void res.writeHead(404).end('{"errors":["Not found"]}');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { id: 'permissions', type: 'permissions', attributes: { permissions: list } } }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

const standard = [...snapshotPermissions('standard')];
const live = [...standard.filter((a) => a !== standard[0]), 'sns:ListTopics'];

describe('stackwright datadog refresh-permissions', () => {
  let api: Awaited<ReturnType<typeof datadogStandIn>>;
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    api = await datadogStandIn({
      '/api/v2/integration/aws/iam_permissions/standard': live,
      '/api/v2/integration/aws/iam_permissions': ['ec2:DescribeInstances'],
    });
  });
  beforeEach(() => {
    dir = tempDir('stackwright-dd-snapshot-');
    for (const file of [...(['standard', 'full'] as const).map(snapshotFile), REVIEWED_FILE])
      copyFileSync(join(SNAPSHOT_DIR, file), join(dir, file));
    process.env.DD_API_KEY = 'api-key';
    process.env.DD_APP_KEY = 'app-key';
  });
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(() => api.close());

  const refresh = (...args: string[]) => runCli(['datadog', 'refresh-permissions', '--snapshot-dir', dir, ...args]);
  const written = (set: 'standard' | 'full') =>
    JSON.parse(readFileSync(join(dir, snapshotFile(set)), 'utf8')) as string[];

  it("reads Datadog's current list from the API with the user's keys, reports what it adds and drops, and writes the snapshot", async () => {
    const r = await refresh('--from-api', '--api-url', api.url);
    expect(r.code).toBe(0);
    expect(api.seen).toEqual(['GET /api/v2/integration/aws/iam_permissions/standard']);
    expect(r.stdout).toContain(`standard: ${live.length} actions; adds 1, drops 1`);
    expect(r.stdout).toContain('  + sns:ListTopics');
    expect(r.stdout).toContain(`  - ${standard[0]}`);
    expect(written('standard')).toEqual([...live].sort());
  });

  it('asks for the full list at its own path', async () => {
    const r = await refresh('--set', 'full', '--from-api', '--api-url', api.url, '--json');
    expect(r.code).toBe(0);
    expect(api.seen.at(-1)).toBe('GET /api/v2/integration/aws/iam_permissions');
    expect(JSON.parse(r.stdout)).toMatchObject({ set: 'full', total: 1, changed: true, written: true });
    expect(written('full')).toEqual(['ec2:DescribeInstances']);
  });

  it('with --check only compares: exit 1 when the snapshot is out of date, 0 when it is current', async () => {
    const before = readFileSync(join(dir, snapshotFile('standard')), 'utf8');
    const stale = await refresh('--from-api', '--api-url', api.url, '--check');
    expect(stale.code).toBe(1);
    expect(readFileSync(join(dir, snapshotFile('standard')), 'utf8')).toBe(before);
    const file = join(dir, 'same.json');
    writeFileSync(file, JSON.stringify(standard));
    const current = await refresh('--from-file', file, '--check');
    expect(current.code).toBe(0);
    expect(current.stdout).toContain('up to date');
  });

  it('reads a saved API response from a file', async () => {
    const file = join(dir, 'response.json');
    writeFileSync(file, JSON.stringify({ data: { attributes: { permissions: live } } }));
    expect((await refresh('--from-file', file)).code).toBe(0);
    expect(written('standard')).toEqual([...live].sort());
  });

  it('refuses --site or --api-url with --from-file, and a --snapshot-dir that does not exist (exit 2)', async () => {
    const file = join(dir, 'response.json');
    writeFileSync(file, JSON.stringify(live));
    const site = await refresh('--from-file', file, '--site', 'datadoghq.eu');
    expect(site).toMatchObject({ code: 2, stdout: '' });
    expect(site.stderr).toBe(
      'error: command line: --site: applies to --from-api only (drop --site with --from-file)\n',
    );
    expect((await refresh('--from-file', file, '--api-url', 'http://127.0.0.1:9')).code).toBe(2);
    const missing = join(dir, 'no-such-folder');
    const r = await runCli(['datadog', 'refresh-permissions', '--from-file', file, '--snapshot-dir', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --snapshot-dir: ${missing}: is not an existing folder (the folder of the committed snapshots)\n`,
    );
  });

  it('flags added write, wildcard, iam: and * actions and writes nothing (exit 1) until each is accepted by name', async () => {
    const file = join(dir, 'widened.json');
    writeFileSync(file, JSON.stringify([...standard, 'iam:*', 's3:PutBucketPolicy', 'kafka:List*', 'sns:ListTopics']));
    const before = readFileSync(join(dir, snapshotFile('standard')), 'utf8');
    const refused = await refresh('--from-file', file);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('  + iam:*   <- REVIEW: a wildcard, an IAM action, a write action');
    expect(refused.stdout).toContain('  + s3:PutBucketPolicy   <- REVIEW: a write action');
    expect(refused.stdout).toContain('  + kafka:List*   <- REVIEW: a wildcard');
    expect(refused.stdout).toContain('  + sns:ListTopics\n');
    expect(refused.stdout).toContain('--accept iam:* kafka:List* s3:PutBucketPolicy');
    expect(readFileSync(join(dir, snapshotFile('standard')), 'utf8')).toBe(before);

    const partly = await refresh('--from-file', file, '--accept', 'iam:*', 's3:PutBucketPolicy');
    expect(partly.code).toBe(1);
    expect(readFileSync(join(dir, snapshotFile('standard')), 'utf8')).toBe(before);

    const accepted = await refresh('--from-file', file, '--accept', 'iam:*', 's3:PutBucketPolicy', 'kafka:List*');
    expect(accepted.code).toBe(0);
    expect(written('standard')).toContain('s3:PutBucketPolicy');
    // Accepted actions join the reviewed list the policies' wildcard-write suppression covers.
    expect(reviewedActions(dir)).toEqual(expect.arrayContaining(['iam:*', 's3:PutBucketPolicy', 'kafka:List*']));
  });

  it('refuses --accept of an action that is not flagged (a typo must not pass)', async () => {
    const file = join(dir, 'one.json');
    writeFileSync(file, JSON.stringify([...standard, 's3:PutBucketPolicy']));
    const r = await refresh('--from-file', file, '--accept', 's3:PutBucketPolicyy');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--accept: s3:PutBucketPolicyy is not among the flagged additions \(s3:PutBucketPolicy\)/);
  });

  it("keeps the snapshot's formatting, so the diff shows only the changed actions", async () => {
    const path = join(dir, snapshotFile('standard'));
    const before = readFileSync(path, 'utf8').split('\n');
    const file = join(dir, 'plus-one.json');
    writeFileSync(file, JSON.stringify([...standard, 'sns:ListTopics']));
    expect((await refresh('--from-file', file)).code).toBe(0);
    const after = readFileSync(path, 'utf8').split('\n');
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((l) => !before.includes(l))).toEqual(['  "sns:ListTopics",']);
    // A one-line snapshot stays one line.
    writeFileSync(path, `${JSON.stringify(standard).replace(/","/g, '", "')}\n`);
    expect((await refresh('--from-file', file)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      `${JSON.stringify([...standard, 'sns:ListTopics'].sort()).replace(/","/g, '", "')}\n`,
    );
  });

  it('synth reads the snapshot as data at run time: the refreshed file, no rebuild', async () => {
    const file = join(dir, 'plus-one.json');
    writeFileSync(file, JSON.stringify([...standard, 'sns:ListTopics']));
    expect((await refresh('--from-file', file)).code).toBe(0);
    expect(snapshotPermissions('standard', dir)).toContain('sns:ListTopics');
    // The build bundles no snapshot: dist/ records the sources it bundled, and none is under src/datadog/data.
    const info = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'build-info.json'), 'utf8')) as {
      sources: Record<string, unknown>;
    };
    expect(Object.keys(info.sources).filter((f) => f.startsWith('src/datadog/'))).not.toHaveLength(0);
    expect(Object.keys(info.sources).filter((f) => f.startsWith('src/datadog/data/'))).toEqual([]);
  });

  it.each([
    [['--from-api', '--api-url', 'URL'], { DD_APP_KEY: undefined }, /environment: DD_APP_KEY: not set/],
    [['--from-api', '--api-url', 'URL'], { DD_API_KEY: 'wrong' }, /HTTP 403.*DD_API_KEY and DD_APP_KEY/],
    [['--from-file', 'BAD'], {}, /\[1\]: 'not an action' is not an IAM action/],
    [['--from-file', '/nonexistent.json'], {}, /nonexistent\.json: file not found/],
    [[], {}, /name exactly one source/],
  ])('exits 2 with a clear message on bad input %#', async (args, env, message) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(['ec2:DescribeInstances', 'not an action']));
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const r = await refresh(...args.map((a) => (a === 'URL' ? api.url : a === 'BAD' ? bad : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(written('standard')).toEqual(standard);
  });
});
