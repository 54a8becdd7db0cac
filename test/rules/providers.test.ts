import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AwsAccountAttributeValues from '../../src/rules/datadog/AwsAccountAttributeValues';
import AwsAccountConflicting from '../../src/rules/datadog/AwsAccountConflicting';
import AwsAccountExactlyOneOf from '../../src/rules/datadog/AwsAccountExactlyOneOf';
import AwsAccountRequiredTogether from '../../src/rules/datadog/AwsAccountRequiredTogether';
import ComputedOnly from '../../src/rules/datadog/ComputedOnly';
import ImageBuild from '../../src/rules/docker/ImageBuild';
import RegistryAuth from '../../src/rules/docker/RegistryAuth';
import ExpressionTemplate from '../../src/rules/terraform/ExpressionTemplate';
import { checkStacks } from '../../src/rules';
import { appliesTo } from '../../src/rules/rule';
import UnknownAttribute from '../../src/rules/schema/UnknownAttribute';
import { StackView } from '../../src/terraform/json';
import { judge, problems, tf } from './helpers';

/** A datadog_integration_aws_account that passes every ported validator; tests change one thing. */
function account(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aws_account_id: '${data.aws_caller_identity.caller.account_id}',
    aws_partition: 'aws',
    auth_config: {
      aws_auth_config_role: {
        role_name: 'demo-DatadogIntegrationRole',
        external_id: '${datadog_integration_aws_external_id.e.id}',
      },
    },
    aws_regions: { include_all: true },
    logs_config: { lambda_forwarder: { lambdas: [], sources: [] } },
    metrics_config: { enabled: true, namespace_filters: {} },
    resources_config: { extended_collection: true },
    traces_config: { xray_services: { include_only: [] } },
    ...over,
  };
}
const acct = (over: Record<string, unknown> = {}) => tf({ datadog_integration_aws_account: { a: account(over) } });
const A = 'datadog_integration_aws_account.a';

describe('Datadog-AwsAccountExactlyOneOf (resource_datadog_integration_aws_account.go ConfigValidators)', () => {
  it('passes every required block, namespace_filters empty', () =>
    expect(problems(AwsAccountExactlyOneOf, acct(), A)).toEqual([]));
  it('fails metrics_config without namespace_filters (the managed-mode defect)', () => {
    expect(problems(AwsAccountExactlyOneOf, acct({ metrics_config: { enabled: true } }), A)).toEqual([
      expect.stringMatching(
        /^'metrics_config\.namespace_filters' must be set .*resource_datadog_integration_aws_account\.go\]$/,
      ),
    ]);
  });
  it('fails missing aws_regions, logs_config, resources_config and xray_services, and both or neither auth block', () => {
    const missing = acct({
      aws_regions: undefined,
      logs_config: undefined,
      resources_config: undefined,
      traces_config: {},
    });
    expect(problems(AwsAccountExactlyOneOf, missing, A).map((p) => p.split(' ')[0])).toEqual([
      "'aws_regions'",
      "'logs_config'",
      "'logs_config.lambda_forwarder'",
      "'traces_config.xray_services'",
      "'resources_config'",
    ]);
    const both = acct({
      auth_config: {
        aws_auth_config_role: { role_name: 'r' },
        aws_auth_config_keys: { access_key_id: 'AKIAABCDEFGHIJKL', secret_access_key: 's' },
      },
    });
    expect(problems(AwsAccountExactlyOneOf, both, A)).toEqual([expect.stringContaining('exactly one of')]);
    expect(problems(AwsAccountExactlyOneOf, acct({ auth_config: {} }), A)).toEqual([
      expect.stringContaining('none is'),
    ]);
  });
  it('says nothing about blocks written by dynamic blocks (unknown offline)', () => {
    expect(
      problems(
        AwsAccountExactlyOneOf,
        acct({ metrics_config: { dynamic: { namespace_filters: { for_each: '${var.f}' } } } }),
        A,
      ),
    ).toEqual([]);
  });
});

describe('Datadog-AwsAccountConflicting', () => {
  it('passes one of each pair', () =>
    expect(problems(AwsAccountConflicting, acct({ aws_regions: { include_only: ['eu-west-1'] } }), A)).toEqual([]));
  it('fails include_all with include_only, and include_only with exclude_only', () => {
    const json = acct({
      aws_regions: { include_all: true, include_only: ['eu-west-1'] },
      metrics_config: { namespace_filters: { include_only: ['AWS/EC2'], exclude_only: ['AWS/SQS'] } },
    });
    expect(problems(AwsAccountConflicting, json, A)).toEqual([
      expect.stringContaining("'aws_regions.include_all', 'aws_regions.include_only' conflict"),
      expect.stringContaining(
        "'metrics_config.namespace_filters.include_only', 'metrics_config.namespace_filters.exclude_only' conflict",
      ),
    ]);
  });
});

describe('Datadog-AwsAccountRequiredTogether', () => {
  it('passes a role block with its name', () => expect(problems(AwsAccountRequiredTogether, acct(), A)).toEqual([]));
  it('fails a role block without role_name, and a log tag filter without tags', () => {
    const json = acct({
      auth_config: { aws_auth_config_role: { external_id: 'x' } },
      logs_config: { lambda_forwarder: { log_source_config: { tag_filters: [{ source: 's3' }] } } },
    });
    expect(problems(AwsAccountRequiredTogether, json, A)).toEqual([
      expect.stringContaining("missing 'auth_config.aws_auth_config_role.role_name'"),
      expect.stringContaining("missing 'logs_config.lambda_forwarder.log_source_config.tag_filters.tags'"),
    ]);
  });
});

describe('Datadog-AwsAccountAttributeValues', () => {
  it('passes a known partition and a 12-digit account, and ignores plan-time values', () => {
    expect(
      problems(AwsAccountAttributeValues, acct({ aws_account_id: '111122223333', aws_partition: 'aws-us-gov' }), A),
    ).toEqual([]);
  });
  it('fails an unknown partition, a short account ID and a malformed access key', () => {
    const json = acct({
      aws_account_id: '1234',
      aws_partition: 'aws-iso',
      auth_config: { aws_auth_config_keys: { access_key_id: 'ASIA123', secret_access_key: 'has space' } },
    });
    expect(problems(AwsAccountAttributeValues, json, A)).toEqual([
      expect.stringContaining("'aws_partition' is 'aws-iso', allowed: aws, aws-cn, aws-us-gov"),
      expect.stringContaining("'aws_account_id' is '1234': invalid aws_account_id"),
      expect.stringContaining('invalid access_key_id'),
      expect.stringContaining('secret_access_key must be non-empty and not contain whitespace'),
    ]);
  });
});

describe('Datadog-ComputedOnly', () => {
  it('passes the external ID resource and the permission data sources without arguments', () => {
    const json = tf(
      { datadog_integration_aws_external_id: { e: { '//': {} } } },
      { data: { datadog_integration_aws_iam_permissions_standard: { p: {} } } },
    );
    expect(problems(ComputedOnly, json, 'datadog_integration_aws_external_id.e')).toEqual([]);
    expect(problems(ComputedOnly, json, 'data.datadog_integration_aws_iam_permissions_standard.p')).toEqual([]);
  });
  it('fails an argument on them', () => {
    const json = tf(
      { datadog_integration_aws_external_id: { e: { id: 'fixed' } } },
      { data: { datadog_integration_aws_iam_permissions: { p: { iam_permissions: [] } } } },
    );
    expect(problems(ComputedOnly, json, 'datadog_integration_aws_external_id.e')).toEqual([
      expect.stringContaining("'id' is computed"),
    ]);
    expect(problems(ComputedOnly, json, 'data.datadog_integration_aws_iam_permissions.p')).toEqual([
      expect.stringContaining('data_source_datadog_integration_aws_iam_permissions.go'),
    ]);
  });
});

describe('Docker-ImageBuild (resource_docker_image.go)', () => {
  it('passes one build block', () =>
    expect(
      problems(ImageBuild, tf({ docker_image: { i: { name: 'x', build: { context: '.' } } } }), 'docker_image.i'),
    ).toEqual([]));
  it('fails two build blocks, and build with pull_triggers', () => {
    const json = tf({
      docker_image: { i: { name: 'x', build: [{ context: '.' }, { context: 'b' }], pull_triggers: ['d'] } },
    });
    expect(problems(ImageBuild, json, 'docker_image.i')).toEqual([
      expect.stringContaining('at most 1 allowed'),
      expect.stringContaining("'build', 'pull_triggers' conflict"),
    ]);
  });
});

describe('Docker-RegistryAuth (provider.go, authentication_helpers.go)', () => {
  const push = (provider: unknown, over: Record<string, unknown> = {}) =>
    tf({ docker_registry_image: { p: { name: 'x', ...over } } }, { provider: { docker: [provider] } });
  it('passes a registry_auth with an address (even one known at plan time)', () => {
    expect(
      problems(
        RegistryAuth,
        push({ registry_auth: [{ address: '${data.aws_ecr_authorization_token.t.proxy_endpoint}' }] }),
        'docker_registry_image.p',
      ),
    ).toEqual([]);
  });
  it('passes a push with no docker provider block, a provider without registry_auth, or one provider as an object', () => {
    expect(
      problems(RegistryAuth, tf({ docker_registry_image: { p: { name: 'x' } } }), 'docker_registry_image.p'),
    ).toEqual([]);
    expect(problems(RegistryAuth, push({ host: 'unix:///var/run/docker.sock' }), 'docker_registry_image.p')).toEqual(
      [],
    );
    const single = tf(
      { docker_registry_image: { p: { name: 'x' } } },
      { provider: { docker: { registry_auth: [{ address: '' }] } } },
    );
    expect(problems(RegistryAuth, single, 'docker_registry_image.p')).toEqual([
      expect.stringContaining("registry_auth 'address' is 0 characters"),
    ]);
  });
  it('fails an empty or missing address, and two auth_config blocks', () => {
    const json = push(
      { registry_auth: [{ address: '' }, { username: 'u' }] },
      { auth_config: [{ address: 'a' }, { address: 'b' }] },
    );
    expect(problems(RegistryAuth, json, 'docker_registry_image.p')).toEqual([
      expect.stringContaining("'auth_config' has 2 blocks"),
      expect.stringContaining("registry_auth 'address' is 0 characters"),
      expect.stringContaining("registry_auth 'address' is required"),
    ]);
  });
});

describe('Terraform-ExpressionTemplate (JSON syntax)', () => {
  const variable = (condition: unknown) =>
    tf({}, { variable: { v: { type: 'string', validation: [{ condition, error_message: 'bad' }] } } });
  it('passes a condition written as one ${...} template, in variables, checks, outputs and lifecycles', () => {
    expect(problems(ExpressionTemplate, variable('${length(var.v) > 2}'), 'var.v')).toEqual([]);
    const json = tf(
      {
        aws_s3_bucket: {
          b: { count: '${var.n}', lifecycle: { precondition: [{ condition: '${var.n > 0}', error_message: 'x' }] } },
        },
      },
      {
        check: { c: { assert: [{ condition: '${true}', error_message: 'x' }] } },
        output: { o: { value: 1, precondition: [{ condition: '${var.n > 0}', error_message: 'x' }] } },
      },
    );
    for (const a of ['aws_s3_bucket.b', 'check.c', 'output.o'])
      expect(problems(ExpressionTemplate, json, a)).toEqual([]);
  });
  it('fails a plain-string condition (the manual-mode defect) and a half-template', () => {
    expect(problems(ExpressionTemplate, variable('can(regex("^a+$", var.v))'), 'var.v')).toEqual([
      expect.stringMatching(/^'validation\[0\]\.condition' is the literal string "can\(regex/),
    ]);
    expect(problems(ExpressionTemplate, variable('x ${var.v}'), 'var.v')).toEqual([
      expect.stringContaining('mixes literal text'),
    ]);
    const json = tf({
      aws_s3_bucket: {
        b: { count: 'var.n', lifecycle: { postcondition: [{ condition: 'self.id != ""', error_message: 'x' }] } },
      },
    });
    expect(problems(ExpressionTemplate, json, 'aws_s3_bucket.b')).toHaveLength(2);
  });
  it('reaches variables only because it names them: rules for every resource (*) never see variables', () => {
    expect(judge(ExpressionTemplate, variable('${true}'), 'var.v').compliance).toBe('compliant');
    const view = new StackView('t', variable('${true}'));
    expect(appliesTo(UnknownAttribute, view.get('var.v')!)).toBe(false);
    expect(appliesTo(ExpressionTemplate, view.get('var.v')!)).toBe(true);
  });
});

describe('the rule pack on the output from before issue 10', () => {
  const fixture = (name: string) =>
    JSON.parse(readFileSync(join(__dirname, 'fixtures', 'before-issue-10', name), 'utf8'));
  it('flags both defects: no namespace_filters (managed mode) and a literal validation condition (manual mode)', () => {
    const report = checkStacks([
      { stack: 'datadog', json: fixture('datadog.cdk.tf.json') },
      { stack: 'datadog-eu', json: fixture('datadog-eu.cdk.tf.json') },
    ]);
    const found = report.findings.map((f) => `${f.stack} ${f.ruleId} ${f.resource.replace(/\..*$/, '')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'datadog Datadog-AwsAccountExactlyOneOf datadog_integration_aws_account',
        'datadog-eu Terraform-ExpressionTemplate var',
      ]),
    );
    expect(report.findings.find((f) => f.ruleId === 'Datadog-AwsAccountExactlyOneOf')?.message).toContain(
      'metrics_config.namespace_filters',
    );
  });
});
