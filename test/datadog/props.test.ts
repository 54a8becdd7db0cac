import { App, Testing } from 'cdktf';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { DatadogAwsIntegration } from '../../src/datadog/aws-integration';
import { reviewedActions, snapshotPermissions } from '../../src/datadog/permissions';
import { awsIntegrationProps, delegationRoleProps, driftCheckProps } from '../../stacks/datadog-props';
import { refreshCommandFor } from '../../src/datadog/refresh-permissions';
import { onlyResource, testConfig } from '../helpers/synth';

const section = (d: Record<string, unknown>) => {
  const config = testConfig({ datadog: d });
  if (!config.stacks.datadog) throw new Error('no datadog section');
  return config.stacks.datadog;
};
const ctx = {
  environment: 'demo',
  partition: 'aws' as const,
  datadogAccountId: '464622532012',
  externalId: '${ext.id}',
};
const refs = {
  awsAccountId: '${caller.id}',
  partition: 'aws' as const,
  roleName: 'r',
  externalId: '${ext.id}',
  dependsOn: [],
};

describe('datadog config -> DatadogDelegationRole props', () => {
  test('defaults: the environment-prefixed role name, the standard snapshot, no SecurityAudit, released as the live list', () => {
    expect(delegationRoleProps(section({}), ctx)).toEqual({
      roleName: 'demo-DatadogIntegrationRole',
      partition: 'aws',
      datadogAccountId: '464622532012',
      externalId: '${ext.id}',
      actions: snapshotPermissions('standard'),
      reviewedWriteActions: reviewedActions(),
      securityAudit: false,
      releasedAsLiveList: true,
    });
  });

  test('a configured role name, permission list and SecurityAudit; manual mode and core were never a live list', () => {
    const manual = delegationRoleProps(
      section({ roleName: 'Reader', permissions: 'full', securityAudit: true, externalId: 'manual' }),
      ctx,
    );
    expect(manual).toMatchObject({
      roleName: 'Reader',
      actions: snapshotPermissions('full'),
      securityAudit: true,
      releasedAsLiveList: false,
    });
    expect(delegationRoleProps(section({ permissions: 'core' }), ctx)).toMatchObject({
      releasedAsLiveList: false,
      reviewedWriteActions: [],
    });
  });
});

describe('datadog config -> DatadogAwsIntegration props', () => {
  test('managed mode without an integration block: the collection settings the schema fills in', () => {
    expect(awsIntegrationProps(section({}), refs)).toEqual({
      ...refs,
      regions: 'all',
      metrics: { enabled: true, excludeNamespaces: [], collectCloudwatchAlarms: false, collectCustomMetrics: false },
      lambdaForwarderArns: [],
      resourceCollection: false,
      cloudSecurityPosture: false,
      xrayServices: [],
    });
  });

  test('every configured setting reaches its prop; resource collection follows SecurityAudit', () => {
    const d = section({
      securityAudit: true,
      permissions: 'full',
      integration: {
        regions: ['eu-west-1'],
        metrics: { excludeNamespaces: ['AWS/SQS'], collectCustomMetrics: true },
        logs: { lambdaForwarderArns: ['arn:aws:lambda:eu-west-1:123456789012:function:fwd'] },
        resourceCollection: { cloudSecurityPosture: true },
        xrayServices: ['api'],
      },
    });
    expect(awsIntegrationProps(d, refs)).toEqual({
      ...refs,
      regions: ['eu-west-1'],
      metrics: {
        enabled: true,
        excludeNamespaces: ['AWS/SQS'],
        collectCloudwatchAlarms: false,
        collectCustomMetrics: true,
      },
      lambdaForwarderArns: ['arn:aws:lambda:eu-west-1:123456789012:function:fwd'],
      resourceCollection: true,
      cloudSecurityPosture: true,
      xrayServices: ['api'],
    });
  });

  test('manual mode has no collection settings: only the references', () => {
    expect(awsIntegrationProps(section({ externalId: 'manual' }), refs)).toEqual(refs);
  });
});

describe('datadog config -> permission drift check props', () => {
  test('managed mode checks the standard and full lists; manual mode and core have no check', () => {
    expect(driftCheckProps(section({}), [])).toEqual({
      set: 'standard',
      policies: [],
      refreshCommand: refreshCommandFor('standard'),
    });
    expect(driftCheckProps(section({ permissions: 'full' }), [])?.set).toBe('full');
    expect(driftCheckProps(section({ permissions: 'core' }), [])).toBeUndefined();
    expect(driftCheckProps(section({ externalId: 'manual' }), [])).toBeUndefined();
  });
});

describe('DatadogAwsIntegration used without the config', () => {
  const stack = () =>
    new StackwrightStack(new App(), 'datadog', { config: testConfig({ datadog: {} }), description: 'test' });

  test('the documented defaults: every region, metrics on, nothing else collected', () => {
    const s = stack();
    new DatadogAwsIntegration(s, 'integration', refs);
    const account = onlyResource(JSON.parse(Testing.synth(s)), 'datadog_integration_aws_account');
    expect(account.aws_regions).toEqual({ include_all: true });
    expect(account.metrics_config).toMatchObject({
      enabled: true,
      collect_cloudwatch_alarms: false,
      collect_custom_metrics: false,
      namespace_filters: {},
    });
    expect(account.resources_config).toEqual({
      extended_collection: false,
      cloud_security_posture_management_collection: false,
    });
    expect(account.logs_config.lambda_forwarder).toMatchObject({ lambdas: [] });
  });

  test('an empty region list names the prop to change', () => {
    expect(() => new DatadogAwsIntegration(stack(), 'integration', { ...refs, regions: [] })).toThrow(
      "DatadogAwsIntegration: regions is an empty list; name at least one region, or use 'all'",
    );
  });
});
