import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadConfig, parseConfig } from '../../src/config/load';
import {
  buildFolders,
  buildStacks,
  synthesize,
  validateStack,
  type SynthesizedStack,
} from '../../src/synth/synthesize';
import { InputError } from '../../src/core/errors';
import { driftedFiles } from '../../src/synth/output-dir';
import { configFolders, regionCode } from '../../src/synth/folders';
import { runChecks } from '../../src/rules';
import { PROJECT_ROOT } from '../../src/core/project-root';
import type { Json } from '../helpers/json';

const EXAMPLE = join(PROJECT_ROOT, 'examples/targets/datadog-organisation.yaml');
const exampleText = readFileSync(EXAMPLE, 'utf8');

/** The example with its YAML edited by `edit`, synthesized without the HCL copy. */
async function synthEdited(edit: (doc: Record<string, unknown>) => void = () => {}): Promise<SynthesizedStack[]> {
  const doc = parse(exampleText) as Record<string, unknown>;
  edit(doc);
  return synthesize(parseConfig(stringify(doc), 'example.yaml'), { hcl: false });
}

const byFolder = (stacks: readonly SynthesizedStack[]) => new Map(stacks.map((s) => [s.name, s]));
const provider = (s: SynthesizedStack) => ((s.json as Json).provider.aws as Json[])[0]!;

describe('a targets: config synthesizes one folder per target and scope', () => {
  let stacks: SynthesizedStack[];
  beforeAll(async () => {
    stacks = await synthEdited();
  });

  it('regional stacks get <target>/<region>/<stack>, global ones <target>/global/<stack>, sorted by target', () => {
    expect(stacks.map((s) => s.name)).toEqual([
      'gov-dev/global/datadog',
      'gov-prod/global/datadog',
      'prod/global/datadog',
      'prod/eu-west-1/keepalive',
      'prod/us-east-1/keepalive',
      'security/global/datadog',
      'staging/global/datadog',
      'staging/us-east-1/keepalive',
    ]);
  });

  it("binds every folder's provider to its own account, region and role", () => {
    const f = byFolder(stacks);
    expect(provider(f.get('prod/eu-west-1/keepalive')!)).toMatchObject({
      region: 'eu-west-1',
      allowed_account_ids: ['111111111111'],
      assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/terraform' }],
    });
    // A global folder is built in its target's first region.
    expect(provider(f.get('gov-prod/global/datadog')!)).toMatchObject({
      region: 'us-gov-west-1',
      allowed_account_ids: ['444444444444'],
      assume_role: [{ role_arn: 'arn:aws-us-gov:iam::444444444444:role/terraform' }],
    });
    // assumeRole: ambient: no assume_role block at all.
    expect(provider(f.get('gov-dev/global/datadog')!).assume_role).toBeUndefined();
    expect(provider(f.get('gov-dev/global/datadog')!).allowed_account_ids).toEqual(['555555555555']);
  });

  it('gives every folder its own state key', () => {
    const keys = stacks.map((s) => ((s.json as Json).terraform.backend.s3 as Json).key as string);
    expect(keys).toContain('org/prod/us-east-1/keepalive.tfstate');
    expect(keys).toContain('org/gov-prod/global/datadog.tfstate');
    expect(new Set(keys).size).toBe(stacks.length);
    expect(stacks.map((s) => s.folder?.backendKey)).toEqual(keys);
  });

  it('names regional resources with the region code, so IAM names never collide between two regions of an account', () => {
    const roles = (name: string) =>
      Object.values((byFolder(stacks).get(name)!.json as Json).resource.aws_iam_role as Json).map(
        (r) => (r as Json).name as string,
      );
    const east = roles('prod/us-east-1/keepalive');
    const west = roles('prod/eu-west-1/keepalive');
    expect(east.every((n) => n.startsWith('org-use1-'))).toBe(true);
    expect(west.every((n) => n.startsWith('org-euw1-'))).toBe(true);
    expect(regionCode('us-gov-west-1')).toBe('usgw1');
  });

  it("passes the target's regions to its Datadog integration (datadog_integration_aws_account's aws_regions)", () => {
    const integration = (name: string) =>
      Object.values((byFolder(stacks).get(name)!.json as Json).resource.datadog_integration_aws_account as Json)[0];
    expect((integration('prod/global/datadog') as Json).aws_regions).toEqual({
      include_only: ['us-east-1', 'eu-west-1'],
    });
    expect((integration('gov-prod/global/datadog') as Json).aws_regions).toEqual({
      include_only: ['us-gov-west-1', 'us-gov-east-1'],
    });
  });

  it('names the target in the README', () => {
    const readme = String(byFolder(stacks).get('prod/eu-west-1/keepalive')!.files.get('README.md'));
    expect(readme).toMatch(
      /^# Stack `keepalive` \(environment `org-euw1`, target `prod`, account 111111111111, eu-west-1\)/,
    );
  });

  it('HCP: one workspace per folder, named after its path', () => {
    const config = loadConfig(EXAMPLE);
    const hcp = {
      ...config,
      backend: { type: 'hcp' as const, organization: 'acme', workspacePrefix: 'sw', hostname: 'app.terraform.io' },
    };
    expect(configFolders(hcp, { targets: ['prod'] }).map((f) => f.backendKey)).toEqual([
      'sw-prod-global-datadog',
      'sw-prod-eu-west-1-keepalive',
      'sw-prod-us-east-1-keepalive',
    ]);
  });
});

describe('stability', () => {
  let base: Map<string, SynthesizedStack>;
  beforeAll(async () => {
    base = byFolder(await synthEdited());
  });

  const same = (a: SynthesizedStack, b: SynthesizedStack) =>
    expect([a.name, [...a.files].map(([p, c]) => [p, Buffer.from(c).toString('hex')])]).toEqual([
      b.name,
      [...b.files].map(([p, c]) => [p, Buffer.from(c).toString('hex')]),
    ]);

  it('adding a target adds its folders and leaves every other folder byte-identical', async () => {
    const after = byFolder(
      await synthEdited((doc) => {
        (doc.targets as unknown[]).splice(1, 0, {
          name: 'analytics',
          accountId: '666666666666',
          regions: ['eu-central-1'],
        });
      }),
    );
    expect([...after.keys()].filter((k) => !base.has(k))).toEqual([
      'analytics/global/datadog',
      'analytics/eu-central-1/keepalive',
    ]);
    for (const [name, stack] of base) same(after.get(name)!, stack);
  });

  it('reordering or removing targets changes no remaining folder', async () => {
    const reordered = byFolder(await synthEdited((doc) => (doc.targets as unknown[]).reverse()));
    expect([...reordered.keys()]).toEqual([...base.keys()]);
    for (const [name, stack] of base) same(reordered.get(name)!, stack);
    const removed = byFolder(await synthEdited((doc) => (doc.targets as unknown[]).splice(0, 1)));
    expect([...removed.keys()].some((k) => k.startsWith('prod/'))).toBe(false);
    for (const [name, stack] of removed) same(stack, base.get(name)!);
  });

  it('a config without targets: synthesizes exactly the committed generated/', async () => {
    const config = loadConfig(join(PROJECT_ROOT, 'stackwright.yaml'));
    const stacks = await synthesize(config, { configFile: 'stackwright.yaml' });
    expect(stacks.map((s) => s.name)).toEqual(['datadog', 'ecs', 'sidecar', 'keepalive']);
    expect(driftedFiles(join(PROJECT_ROOT, 'generated'), stacks)).toEqual([]);
  });
});

describe('every stack of the default config, per target', () => {
  it("synthesizes in two regions of one account with distinct IAM names, and the config's rule overrides apply in each folder", async () => {
    const doc = parse(readFileSync(join(PROJECT_ROOT, 'stackwright.yaml'), 'utf8')) as Record<string, unknown>;
    delete doc.aws;
    doc.targets = [{ name: 'prod', accountId: '111111111111', regions: ['ap-southeast-2', 'us-east-1'] }];
    const config = parseConfig(stringify(doc), 'targets.yaml');
    const stacks = await synthesize(config, { hcl: false });
    expect(stacks.map((s) => s.name)).toEqual([
      'prod/global/datadog',
      'prod/ap-southeast-2/ecs',
      'prod/ap-southeast-2/sidecar',
      'prod/ap-southeast-2/keepalive',
      'prod/us-east-1/ecs',
      'prod/us-east-1/sidecar',
      'prod/us-east-1/keepalive',
    ]);
    // The default config suppresses ECS-ReadonlyRootFilesystem for `ecs/<address>`: it holds in every target's folder.
    const errors = runChecks(
      stacks.map((s) => ({ stack: s.name, json: s.json })),
      config.rules,
    ).filter((f) => f.level === 'error');
    expect(errors).toEqual([]);
    const names = stacks.flatMap((s) =>
      Object.values(((s.json as Json).resource?.aws_iam_role ?? {}) as Json).map((r) => (r as Json).name as string),
    );
    expect(names.length).toBeGreaterThan(4);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('building the folders of a targets: config', () => {
  it('a construct problem in a target folder names the target and region', () => {
    const [first] = buildFolders(loadConfig(EXAMPLE), {
      targets: ['prod'],
      only: ['keepalive'],
      regions: ['eu-west-1'],
    });
    first!.stack.node.addValidation({ validate: () => ['a problem a construct found'] });
    expect(() => validateStack(first!.stack, 'org.yaml')).toThrow(
      /^org\.yaml: stacks\.keepalive \(target prod, eu-west-1\): [\s\S]*a problem a construct found/,
    );
  });

  it('npx cdktf synth (one app) refuses a targets: config as bad input', () => {
    expect(() => buildStacks(loadConfig(EXAMPLE), { configFile: 'org.yaml' })).toThrow(InputError);
    expect(() => buildStacks(loadConfig(EXAMPLE), { configFile: 'org.yaml' })).toThrow(
      /^org\.yaml: targets: a config with targets:/,
    );
  });

  it("a global folder's README says where its provider runs", async () => {
    const [dd] = await synthesize(loadConfig(EXAMPLE), { targets: ['gov-prod'], hcl: false });
    expect(String(dd!.files.get('README.md'))).toMatch(
      /^# Stack `datadog` \(environment `org`, target `gov-prod`, account 444444444444, global, provider in us-gov-west-1\)/,
    );
  });
});
