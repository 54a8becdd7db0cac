import { App } from 'cdktf';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { testConfig } from '../helpers/synth';
import type { Json } from '../helpers/json';

function synthBase(extra: Record<string, unknown>): Json {
  const stack = new StackwrightStack(new App({ skipValidation: true }), 'probe', {
    config: testConfig({ datadog: {} }, extra),
    description: 'probe',
  });
  return stack.toTerraform();
}

describe('StackwrightStack', () => {
  it('declares a local backend with a relative path by default (cdktf would embed an absolute one)', () => {
    expect(synthBase({}).terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
  });

  it('declares an S3 backend with a per-stack key, encryption and S3-native locking', () => {
    const json = synthBase({
      backend: {
        type: 's3',
        bucket: 'acme-state',
        keyPrefix: 'team/env',
        region: 'eu-west-1',
        kmsKeyId: 'alias/state',
      },
    });
    expect(json.terraform.backend).toEqual({
      s3: {
        bucket: 'acme-state',
        key: 'team/env/probe.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        kms_key_id: 'alias/state',
        use_lockfile: true,
      },
    });
  });

  it('declares HCP Terraform with a workspace per stack', () => {
    const json = synthBase({ backend: { type: 'hcp', organization: 'acme', workspacePrefix: 'sw' } });
    expect(json.terraform.cloud).toEqual({
      hostname: 'app.terraform.io',
      organization: 'acme',
      workspaces: { name: 'sw-probe' },
    });
  });

  it('sets region, allowed account and default tags on the AWS provider', () => {
    const json = synthBase({ aws: { region: 'eu-central-1', accountId: '111122223333' }, tags: { team: 'x' } });
    expect(json.provider.aws[0]).toEqual({
      region: 'eu-central-1',
      allowed_account_ids: ['111122223333'],
      default_tags: [{ tags: { team: 'x', 'stackwright:environment': 'test', 'stackwright:stack': 'probe' } }],
    });
  });

  it('keeps stack files inside the stack folder and lists them sorted', () => {
    const stack = new StackwrightStack(new App({ skipValidation: true }), 'probe', {
      config: testConfig({ datadog: {} }),
      description: 'd',
    });
    stack.addFile({ path: 'b/x.txt', contents: '1' });
    stack.addFile({ path: 'a.zip', contents: new Uint8Array([1]) });
    expect(stack.stackFiles().map((f) => f.path)).toEqual(['a.zip', 'b/x.txt']);
    expect(() => stack.addFile({ path: '../escape', contents: '' })).toThrow(/inside the stack folder/);
    expect(() => stack.addFile({ path: '/abs', contents: '' })).toThrow(/relative/);
  });
});
