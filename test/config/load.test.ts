import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../../src/config/load';
import { singleAccount } from '../../src/config/config-file';
import { InputError, formatProblem } from '../../src/core/errors';
import { tempDir } from '../helpers/temp-dir';

const minimal = (datadog = 'site: datadoghq.com') =>
  `name: t\naws:\n  region: us-east-1\n  accountId: '123456789012'\nstacks:\n  datadog:\n    ${datadog}\n`;

function problems(text: string): string[] {
  try {
    parseConfig(text, 'cfg.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  throw new Error('expected the config to be rejected');
}

describe('config loading', () => {
  it('fills defaults: local backend, aws partition, standard managed Datadog on US1', () => {
    const c = parseConfig(
      "name: t\naws:\n  region: us-east-1\n  accountId: '123456789012'\nstacks:\n  datadog: {}\n",
      'cfg.yaml',
    );
    expect(c.backend).toEqual({ type: 'local', path: 'terraform.tfstate' });
    expect(singleAccount(c).aws.partition).toBe('aws');
    expect(c.stacks.datadog).toMatchObject({
      site: 'datadoghq.com',
      externalId: 'managed',
      permissions: 'standard',
      securityAudit: false,
    });
    // No fixed default: the stack names the role `<name>-DatadogIntegrationRole` (test/datadog/stack.test.ts).
    expect(c.stacks.datadog?.roleName).toBeUndefined();
  });

  it('names the file, the field, what is wrong and what is allowed for an unknown key', () => {
    expect(problems(minimal('site: datadoghq.com\n    sitte: x'))).toEqual([
      "cfg.yaml: stacks.datadog: unknown key 'sitte' (remove or fix the spelling)",
    ]);
  });

  it('lists the allowed values of an enum', () => {
    const [p] = problems(minimal('site: datadoghq.moon'));
    expect(p).toMatch(
      /^cfg\.yaml: stacks\.datadog\.site: value not allowed \(one of "datadoghq\.com", "datadoghq\.eu", /,
    );
  });

  it('reports every problem at once', () => {
    const text = 'name: Bad_Name\naws:\n  region: mars-1\nstacks:\n  datadog:\n    permissions: most\n    typo: 1\n';
    const all = problems(text);
    expect(all).toHaveLength(4);
    expect(all.join('\n')).toMatch(/cfg\.yaml: name: lowercase letters/);
    expect(all.join('\n')).toMatch(/cfg\.yaml: aws\.region: not an AWS region name/);
    expect(all.join('\n')).toMatch(
      /cfg\.yaml: stacks\.datadog\.permissions: value not allowed \(one of "standard", "full", "core"\)/,
    );
    expect(all.join('\n')).toMatch(/unknown key 'typo'/);
  });

  it('reports a missing required field', () => {
    expect(problems('name: t\nstacks:\n  datadog: {}\n')).toEqual([
      'cfg.yaml: aws: required field is missing (expected object)',
    ]);
  });

  it('requires at least one stack', () => {
    expect(problems('name: t\naws:\n  region: us-east-1\nstacks: {}\n')[0]).toMatch(
      /stacks: at least one stack section is required/,
    );
  });

  it('rejects a Datadog site that cannot trust the partition, naming the sites that can', () => {
    const text =
      "name: t\naws:\n  region: us-gov-west-1\n  partition: aws-us-gov\n  accountId: '123456789012'\nstacks:\n  datadog:\n    site: datadoghq.eu\n";
    expect(problems(text)).toEqual([
      'cfg.yaml: stacks.datadog.site: Datadog site datadoghq.eu cannot integrate an AWS account in partition aws-us-gov (ddog-gov.com, us2.ddog-gov.com)',
    ]);
  });

  it('rejects AWS China, which no Datadog site integrates', () => {
    const text =
      "name: t\naws:\n  region: cn-north-1\n  partition: aws-cn\n  accountId: '123456789012'\nstacks:\n  datadog: {}\n";
    expect(problems(text)[0]).toMatch(/\(no Datadog site supports partition aws-cn\)$/);
  });

  // The regions are AWS's partition data as the AWS SDK for JavaScript ships it (src/aws/regions.ts), not a pattern.
  it('refuses a region name AWS does not have, exit 2 at aws.region', () => {
    expect(problems(minimal().replace('us-east-1', 'eu-west-9'))).toEqual([
      'cfg.yaml: aws.region: not an AWS region name (did you mean eu-west-1 or eu-west-2 or eu-west-3?)',
    ]);
    expect(problems(minimal().replace('us-east-1', 'us-iso-east-1'))).toEqual([
      'cfg.yaml: aws.region: us-iso-east-1 is a region of partition aws-iso, which Stackwright does not generate for (a region of aws, aws-us-gov, aws-cn)',
    ]);
  });

  it('refuses a GovCloud region with the default partition aws (arn:aws: ARNs, commercial Datadog trust)', () => {
    const text =
      "name: t\naws:\n  region: us-gov-west-1\n  accountId: '123456789012'\nstacks:\n  datadog:\n    site: ddog-gov.com\n";
    expect(problems(text)).toEqual([
      'cfg.yaml: aws.region: us-gov-west-1 is a region of partition aws-us-gov, but aws.partition is aws (the default is aws) (aws.partition: aws-us-gov, or a region of aws)',
    ]);
    expect(() => parseConfig(text.replace('\nstacks', '\n  partition: aws-us-gov\nstacks'), 'cfg.yaml')).not.toThrow();
  });

  it('refuses Datadog integration regions outside the partition', () => {
    expect(problems(minimal('integration:\n      regions: [us-east-1, us-gov-east-1]'))[0]).toMatch(
      /^cfg\.yaml: stacks\.datadog\.integration\.regions\.1: us-gov-east-1 is a region of partition aws-us-gov, not of aws\.partition aws/,
    );
  });

  it('requires aws.accountId in managed mode, which registers the account the credentials point at', () => {
    const text = 'name: t\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: managed\n';
    expect(problems(text)).toEqual([
      expect.stringMatching(/^cfg\.yaml: aws\.accountId: required with stacks\.datadog\.externalId: managed/),
    ]);
    expect(() => parseConfig(text.replace('managed', 'manual'), 'cfg.yaml')).not.toThrow();
  });

  it('rejects integration settings in manual mode and CSPM without SecurityAudit', () => {
    expect(problems(minimal('externalId: manual\n    integration: {}'))[0]).toMatch(
      /stacks\.datadog\.integration: only used with externalId: managed/,
    );
    expect(problems(minimal('integration:\n      resourceCollection:\n        cloudSecurityPosture: true'))[0]).toMatch(
      /stacks\.datadog\.integration\.resourceCollection\.cloudSecurityPosture: needs securityAudit: true/,
    );
  });

  it('rejects a backend of an unknown type and a local path that leaves the folder', () => {
    expect(problems(`${minimal()}backend:\n  type: ftp\n`)[0]).toMatch(/^cfg\.yaml: backend\.type: /);
    expect(problems(`${minimal()}backend:\n  type: local\n  path: ../state.tfstate\n`)[0]).toMatch(
      /backend\.path: must stay inside the stack folder/,
    );
  });

  it('reports invalid YAML with its line and column', () => {
    expect(problems('name: t\naws:\n  region: [us-east-1\nstacks: {}\n')[0]).toMatch(
      /^cfg\.yaml:\d+:\d+: invalid YAML: /,
    );
  });

  it('reports a missing file and a directory', () => {
    const dir = tempDir('sw-cfg-');
    expect(() => loadConfig(join(dir, 'nope.yaml'))).toThrow(
      /nope\.yaml: file not found \(a readable YAML config file\)/,
    );
    mkdirSync(join(dir, 'd.yaml'));
    expect(() => loadConfig(join(dir, 'd.yaml'))).toThrow(/d\.yaml: is a directory/);
    writeFileSync(join(dir, 'ok.yaml'), minimal());
    expect(loadConfig(join(dir, 'ok.yaml')).name).toBe('t');
  });
});
