import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { snapshotTree } from '../helpers/tree';

/**
 * What a new user may type: bad arguments, bad paths and configs that pass the schema but cannot be built. Every
 * one ends in 0, 1 or 2, never 3 ("internal error" is a bug), and a failure says what is wrong where.
 */

const DATADOG_ONLY = "name: t\naws:\n  region: us-east-1\n  accountId: '123456789012'\nstacks:\n  datadog: {}\n";
const dir = tempDir('sw-corpus-');
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const config = file('config.yaml', DATADOG_ONLY);
const aFile = file('a-file', 'not a folder\n');
const userFolder = join(dir, 'my-folder');
mkdirSync(userFolder);
writeFileSync(join(userFolder, 'notes.txt'), 'mine\n');

function reconciledServices(n: number): string {
  const services = Array.from({ length: n }, (_, i) =>
    [
      `          - name: a-longer-service-name-${String(i).padStart(3, '0')}`,
      '            oneTaskPerHost: reconciled',
      '            containers:',
      '              - { name: c, image: public.ecr.aws/nginx/nginx:1.27, memoryReservation: 32 }',
    ].join('\n'),
  );
  return `name: t\naws: { region: us-east-1 }\nstacks:\n  ecs:\n    clusters:\n      - name: main\n        capacity: { scaling: memoryReservation }\n        services:\n${services.join('\n')}\n`;
}

/** [what, argv, expected exit code, what stderr must say] */
const corpus: [string, string[], 0 | 1 | 2, RegExp][] = [
  // arguments
  ['no command', [], 2, /Name a command: synth, diff, list, check, validate, review, datadog, bench\./],
  ['an unknown command, close to one', ['synt'], 2, /Did you mean synth\?/],
  ['an unknown flag', ['synth', '--nope'], 2, /Unknown argument: nope/],
  ['a flag without its value', ['synth', '-o', join(dir, 'out-0'), '-c'], 2, /Not enough arguments following: c/],
  ['a benchmark without target', ['bench'], 2, /Name a benchmark target: local, remote or lambda/],
  [
    'a variant that does not exist',
    ['bench', 'local', '--variants', 'udp'],
    2,
    /Choices: "tcp", "sharedvol", "combined"/,
  ],
  ['a number that is not one', ['bench', 'local', '--requests', 'many'], 2, /--requests/],
  ['a URL without a name', ['bench', 'remote', '--url', 'http://127.0.0.1:1/'], 2, /--url/],
  [
    'a negative duration',
    ['bench', 'lambda', '--url', 'a=https://abc.lambda-url.us-east-1.on.aws/', '--duration', '-1'],
    2,
    /--duration/,
  ],
  [
    'an unknown stack',
    ['synth', '-c', config, '-o', join(dir, 'out-1'), '--stack', 'datadgo'],
    2,
    /--stack: datadgo: not a stack of this config/,
  ],
  ['help', ['synth', '--help'], 0, /^$/],
  // paths
  ['a config that does not exist', ['synth', '-c', join(dir, 'missing.yaml')], 2, /missing\.yaml: file not found/],
  ['a config that is a folder', ['list', '-c', dir], 2, /is a directory/],
  ['a config that is not YAML', ['list', '-c', file('bad.yaml', 'name: [\n')], 2, /bad\.yaml:\d+:\d+: invalid YAML/],
  [
    '--out under a file (ENOTDIR)',
    ['synth', '-c', config, '-o', join(aFile, 'generated')],
    2,
    /--out: .*a-file\/generated: cannot be created: .*a-file is a file, not a folder/,
  ],
  ['--out that is a file', ['synth', '-c', config, '-o', aFile], 2, /--out: .*a-file: exists and is not a folder/],
  [
    '--out a folder synth did not write',
    ['synth', '-c', config, '-o', userFolder],
    2,
    /my-folder: is not empty and has no \.stackwright marker/,
  ],
  [
    '--out under /proc (ENOENT)',
    ['synth', '-c', config, '-o', '/proc/stackwright-out'],
    2,
    /--out: \/proc\/stackwright-out: cannot be written: .*ENOENT/,
  ],
  [
    '--out under /sys (EPERM)',
    ['synth', '-c', config, '-o', '/sys/stackwright-out'],
    2,
    /--out: \/sys\/stackwright-out: cannot be written: /,
  ],
  [
    'diff against a folder synth did not write',
    ['diff', '-c', config, '-o', '/proc'],
    2,
    /--out: \/proc: is not empty and has no \.stackwright marker/,
  ],
  [
    'check on JSON that is not Terraform',
    ['check', '--file', file('a.json', '{"a":1}')],
    2,
    /a\.json: not a Terraform JSON configuration: top-level key 'a' is not a Terraform block/,
  ],
  [
    'check on an empty JSON object',
    ['check', '--file', file('e.json', '{}')],
    2,
    /e\.json: not a Terraform JSON configuration: it has no Terraform block/,
  ],
  ['check on a file that is not JSON', ['check', '--file', file('x.json', 'resource {}')], 2, /x\.json: invalid JSON/],
  [
    'a work dir that does not exist',
    ['bench', 'local', '--work-dir', join(dir, 'nowhere')],
    2,
    /--work-dir: .*nowhere: is not an existing folder/,
  ],
  ['a report under a missing folder', ['bench', 'local', '--report', join(dir, 'no', 'r.md')], 2, /--report/],
  // schema-valid configs that cannot be built
  [
    '150 reconciled services in one cluster',
    ['synth', '-c', file('ecs150.yaml', reconciledServices(150)), '-o', join(dir, 'out-2')],
    2,
    /ecs150\.yaml: stacks\.ecs\.clusters: the reconciler's role policy for 150 managed services would be \d+ characters, over IAM's 10240 \(reconcile fewer services/,
  ],
  [
    'an environment name the ALB refuses',
    [
      'list',
      '-c',
      file(
        'internal.yaml',
        'name: internal-env\naws: { region: us-east-1 }\nstacks:\n  sidecar: { listenerCidrs: [203.0.113.10/32] }\n',
      ),
    ],
    2,
    /internal\.yaml: name: ALB name 'internal-env-sidecar' may not start with 'internal-'/,
  ],
  [
    'an empty stacks section',
    ['synth', '-c', file('empty.yaml', 'name: t\naws: { region: us-east-1 }\nstacks:\n')],
    2,
    /empty\.yaml: stacks: is empty \(the key has no value\) \(at least one stack section: datadog, ecs, sidecar, keepalive\)/,
  ],
  [
    'a region AWS does not have',
    ['synth', '-c', file('region.yaml', 'name: t\naws: { region: eu-west-9 }\nstacks:\n  sidecar: {}\n')],
    2,
    /region\.yaml: aws\.region: not an AWS region name \(did you mean eu-west-1 or eu-west-2 or eu-west-3\?\)/,
  ],
  [
    'a GovCloud region with the default partition aws',
    [
      'synth',
      '-c',
      file(
        'gov.yaml',
        "name: t\naws: { region: us-gov-west-1, accountId: '111122223333' }\nstacks:\n  datadog: { site: ddog-gov.com }\n",
      ),
    ],
    2,
    /gov\.yaml: aws\.region: us-gov-west-1 is a region of partition aws-us-gov, but aws\.partition is aws/,
  ],
  [
    'managed Datadog without the account it registers',
    ['synth', '-c', file('noaccount.yaml', 'name: t\naws: { region: us-east-1 }\nstacks:\n  datadog: {}\n')],
    2,
    /noaccount\.yaml: aws\.accountId: required with stacks\.datadog\.externalId: managed/,
  ],
  [
    'a mistyped rule id',
    [
      'list',
      '-c',
      file(
        'rule.yaml',
        `${DATADOG_ONLY}rules:\n  overrides:\n    - { rule: Net-NoPublicTaskIP, level: warning, reason: "a reason long enough" }\n`,
      ),
    ],
    2,
    /rules\.overrides\.0\.rule: unknown rule 'Net-NoPublicTaskIP' \(did you mean Net-NoPublicTaskIp\?/,
  ],
];

describe('bad input never ends in an internal error', () => {
  it.each(corpus)('%s', async (_what, argv, code, message) => {
    const before = snapshotTree(dir);
    const r = await runCli(argv);
    expect(r.stderr).not.toMatch(/internal error/);
    expect([0, 1, 2]).toContain(r.code);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: expect.stringMatching(message) });
    if (code === 2) expect(r.stderr).toMatch(/^error: /);
    // A failed run leaves the files it was pointed at as they were.
    if (code === 2) expect(snapshotTree(dir)).toEqual(before);
  });

  it('with --json, bad input is also a JSON error object on stdout', async () => {
    const r = await runCli(['check', '--json', '--file', join(dir, 'a.json')]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: {
        exitCode: 2,
        problems: [
          expect.objectContaining({
            file: join(dir, 'a.json'),
            message: "not a Terraform JSON configuration: top-level key 'a' is not a Terraform block",
          }),
        ],
      },
    });
  });

  it('names list entries by their name in error paths, and by index when the name is missing or repeated', async () => {
    const text = [
      'name: t',
      'aws: { region: us-east-1 }',
      'stacks:',
      '  ecs:',
      '    clusters:',
      '      - name: main',
      '        services:',
      '          - name: web',
      '            containers:',
      '              - { name: nginx, memoryReservation: 32 }',
      '          - name: api',
      '            containers:',
      '              - { image: x, memoryReservation: 32 }',
    ].join('\n');
    const r = await runCli(['list', '-c', file('paths.yaml', `${text}\n`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'stacks.ecs.clusters[main].services[web].containers[nginx].image: required field is missing',
    );
    expect(r.stderr).toContain('stacks.ecs.clusters[main].services[api].containers.0.name: required field is missing');
    // A repeated name cannot tell the entries apart: the index does.
    const twice = await runCli([
      'list',
      '-c',
      file(
        'twice.yaml',
        `${text.replace('name: api', 'name: web').replace('{ image: x,', '{ name: c, image: x,').replace('{ name: nginx,', '{ name: nginx, image: x,')}\n`,
      ),
    ]);
    expect(twice.stderr).toContain("stacks.ecs.clusters[main].services.1.name: duplicate service name 'web'");
  });

  it('keeps the content of a folder synth refused to replace', () => {
    expect(readFileSync(join(userFolder, 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});
