import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load';
import { hasTargets, type TargetsConfig } from '../../src/config/config-file';
import { InputError } from '../../src/core/errors';
import { formatProblem } from '../../src/core/errors';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { writeFileSync } from 'node:fs';

const EXAMPLE = join(__dirname, '../../examples/targets/datadog-organisation.yaml');

/** A targets config: shared datadog and keepalive sections, then the given `targets:` YAML. */
const config = (targets: string, extra = '') =>
  [
    'name: org',
    extra,
    'stacks:',
    '  datadog:',
    '    site: datadoghq.com',
    '  keepalive:',
    '    variants: [python-on]',
    'targets:',
    targets,
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';

const prod = "  - name: prod\n    accountId: '111111111111'\n    regions: [us-east-1]";

function problems(text: string): string[] {
  try {
    parseConfig(text, 'cfg.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

function parsed(text: string): TargetsConfig {
  const c = parseConfig(text, 'cfg.yaml');
  if (!hasTargets(c)) throw new Error('expected a targets config');
  return c;
}

describe('targets: in the config', () => {
  it('parses the committed five-account example: GovCloud targets on ddog-gov.com, their own roles and modes', () => {
    const c = parsed(readFileSync(EXAMPLE, 'utf8'));
    expect(c.targets.map((t) => [t.name, t.partition, t.roleArn ?? 'ambient'])).toEqual([
      ['prod', 'aws', 'arn:aws:iam::111111111111:role/terraform'],
      ['staging', 'aws', 'arn:aws:iam::222222222222:role/terraform'],
      ['security', 'aws', 'arn:aws:iam::333333333333:role/terraform'],
      ['gov-prod', 'aws-us-gov', 'arn:aws-us-gov:iam::444444444444:role/terraform'],
      ['gov-dev', 'aws-us-gov', 'ambient'],
    ]);
    const dd = Object.fromEntries(c.targets.map((t) => [t.name, t.stacks.datadog!]));
    expect(dd['gov-prod']!.site).toBe('ddog-gov.com');
    expect(dd['gov-prod']!.permissions).toBe('core');
    expect(dd.security!.externalId).toBe('manual');
    expect(dd.security!.securityAudit).toBe(true);
    // The shared section is untouched by the overrides.
    expect(c.stacks.datadog!.site).toBe('datadoghq.com');
    // Managed mode collects from the target's own regions; manual mode has no integration block at all.
    expect(dd['gov-prod']!.integration?.regions).toEqual(['us-gov-west-1', 'us-gov-east-1']);
    expect(dd.prod!.integration?.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(dd.security!.integration).toBeUndefined();
    expect(Object.keys(c.targets.find((t) => t.name === 'security')!.stacks)).toEqual(['datadog']);
  });

  it('merges an override deeply: objects key by key, lists replaced; the merged section gets the schema defaults', () => {
    const c = parsed(
      config(
        `${prod}\n    overrides:\n      keepalive:\n        variants: [node-off]\n      datadog:\n        integration:\n          regions: [eu-west-1]`,
      ),
    );
    const t = c.targets[0]!;
    expect(t.stacks.keepalive!.variants).toEqual(['node-off']);
    expect(t.stacks.keepalive!.logRetentionDays).toBe(c.stacks.keepalive!.logRetentionDays);
    expect(t.stacks.datadog!.integration!.regions).toEqual(['eu-west-1']);
    expect(t.stacks.datadog!.site).toBe('datadoghq.com');
  });

  it('refuses a duplicate target name and a duplicate account, at the second entry', () => {
    const text = config(`${prod}\n  - name: prod\n    accountId: '111111111111'\n    regions: [eu-west-1]`);
    expect(problems(text)).toEqual([
      "cfg.yaml: targets.1.name: target name prod is also targets.0's (one target per name)",
      "cfg.yaml: targets.1.accountId: account 111111111111 is also targets.0's (one target per account (list its regions in one target))",
    ]);
  });

  it("refuses a region that is not in the target's partition", () => {
    const text = config(
      "  - name: gov\n    accountId: '111111111111'\n    partition: aws-us-gov\n    regions: [us-east-1]",
    );
    expect(problems(text)[0]).toMatch(
      /^cfg\.yaml: targets\[gov\]\.regions\.0: us-east-1 is a region of partition aws, not of the target's partition aws-us-gov .*\(a region of aws-us-gov: us-gov-east-1, us-gov-west-1\)$/,
    );
  });

  it('refuses an override of an unknown key, at its path under the override', () => {
    const text = config(`${prod}\n    overrides:\n      datadog:\n        sitte: ddog-gov.com`);
    expect(problems(text)).toEqual([
      "cfg.yaml: targets[prod].overrides.datadog: unknown key 'sitte' (remove or fix the spelling)",
    ]);
  });

  it('refuses a bad value in an override like the shared section would, at the override', () => {
    const text = config(`${prod}\n    overrides:\n      datadog:\n        permissions: most`);
    expect(problems(text)[0]).toMatch(
      /^cfg\.yaml: targets\[prod\]\.overrides\.datadog\.permissions: value not allowed \(one of "standard"/,
    );
  });

  it('refuses an override of a section the config does not define, or one the target does not get', () => {
    const none = config(`${prod}\n    overrides:\n      ecs:\n        clusters: []`);
    expect(problems(none)).toEqual([
      'cfg.yaml: targets[prod].overrides.ecs: overrides ecs, which is not a section under stacks: (datadog, keepalive)',
    ]);
    const excluded = config(
      `${prod}\n    stacks: [datadog]\n    overrides:\n      keepalive:\n        variants: [node-on]`,
    );
    expect(problems(excluded)).toEqual([
      'cfg.yaml: targets[prod].overrides.keepalive: overrides keepalive, which this target does not get (its stacks: list) (datadog)',
    ]);
  });

  it('refuses a stack that a target names but the config does not define', () => {
    expect(problems(config(`${prod}\n    stacks: [datadog, ecs, sidecars]`))).toEqual([
      'cfg.yaml: targets[prod].stacks.1: ecs is not a stack of this config (datadog, keepalive)',
      'cfg.yaml: targets[prod].stacks.2: sidecars is not a stack of this config (datadog, keepalive)',
    ]);
  });

  it('refuses a Datadog site that cannot integrate the target partition, naming the sites that can', () => {
    const text = config(
      "  - name: gov\n    accountId: '111111111111'\n    partition: aws-us-gov\n    regions: [us-gov-west-1]",
    );
    expect(problems(text)).toEqual([
      "cfg.yaml: targets[gov].partition: Datadog site datadoghq.com cannot integrate target gov's account in partition aws-us-gov (an override of stacks.datadog.site for this target: ddog-gov.com, us2.ddog-gov.com)",
    ]);
  });

  it('checks the assumeRole pattern: its placeholders, its shape and that the role is in the target account', () => {
    expect(problems(config(prod, 'assumeRole: arn:${partition}:iam::${acount}:role/terraform'))).toEqual([
      'cfg.yaml: assumeRole: unknown placeholder ${acount} (${partition} and ${account})',
    ]);
    expect(problems(config(prod, 'assumeRole: terraform'))[0]).toMatch(/^cfg\.yaml: assumeRole: not an IAM role ARN/);
    expect(problems(config(prod, 'assumeRole: arn:aws:iam::999999999999:role/terraform'))[0]).toMatch(
      /^cfg\.yaml: assumeRole: for target prod the role is arn:aws:iam::999999999999:role\/terraform, which is not in the target's account 111111111111/,
    );
    expect(problems(config(`${prod}\n    assumeRole: arn:aws-us-gov:iam::\${account}:role/tf`))[0]).toMatch(
      /^cfg\.yaml: targets\[prod\]\.assumeRole: .*not in the target's account 111111111111 and partition aws/,
    );
  });

  it('refuses aws: beside targets:, and a name too long for regional folders', () => {
    const text = config(prod, 'aws:\n  region: us-east-1').replace('name: org', 'name: a-very-long-org-name-x');
    expect(problems(text)).toEqual([
      'cfg.yaml: aws: is not used with targets: (each target names its account, partition and regions) (remove aws:, or targets: for a single account)',
      'cfg.yaml: name: is 22 characters; with targets: at most 18 (a shorter name: a regional folder names its resources <name>-<region code> (use1, apse2: up to 5))',
    ]);
  });

  it('a bad config exits 2 from the CLI, printing the problem at its path', async () => {
    const dir = tempDir('sw-targets-');
    const file = join(dir, 'cfg.yaml');
    writeFileSync(file, config(`${prod}\n  - name: prod\n    accountId: '222222222222'\n    regions: [us-east-1]`));
    const r = await runCli(['list', '-c', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}: targets.1.name: target name prod is also targets.0's`);
  });
});
