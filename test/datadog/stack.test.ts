import { datadogSites } from '../../src/datadog/sites';
import { reviewedActions, snapshotPermissions } from '../../src/datadog/permissions';
import { resourcesOf, onlyResource } from '../helpers/synth';
import { parsePolicy, synthDatadog } from './helpers';
import type { Json } from '../helpers/json';

const trustOf = (json: Json) => parsePolicy(onlyResource(json, 'aws_iam_role').assume_role_policy).Statement[0];

const expectedAccount: Record<string, string> = {
  'datadoghq.com': '464622532012',
  'datadoghq.eu': '464622532012',
  'us3.datadoghq.com': '464622532012',
  'us5.datadoghq.com': '464622532012',
  'ap1.datadoghq.com': '417141415827',
  'ap2.datadoghq.com': '412381753143',
  'uk1.datadoghq.com': '117348461845',
  'ddog-gov.com': '392588925713',
  'us2.ddog-gov.com': '382742775718',
};

describe('Datadog delegation stack', () => {
  it.each(datadogSites)('trusts Datadog account for site %s in the aws partition', async (site) => {
    const trust = trustOf(await synthDatadog({ site }));
    expect(trust.Principal).toEqual({ AWS: `arn:aws:iam::${expectedAccount[site]}:root` });
    expect(trust.Action).toBe('sts:AssumeRole');
    expect(Object.keys(trust.Condition)).toEqual(['StringEquals']);
  });

  it.each([
    ['ddog-gov.com', '065115117704'],
    ['us2.ddog-gov.com', '486737091498'],
  ])(
    'trusts Datadog GovCloud account for %s in aws-us-gov, with every ARN in that partition',
    async (site, account) => {
      const json = await synthDatadog(
        { site, securityAudit: true },
        { region: 'us-gov-west-1', partition: 'aws-us-gov' },
      );
      expect(trustOf(json).Principal).toEqual({ AWS: `arn:aws-us-gov:iam::${account}:root` });
      const arns = JSON.stringify(json).match(/arn:[a-z-]+:/g) ?? [];
      expect(arns.length).toBeGreaterThan(1);
      expect(new Set(arns)).toEqual(new Set(['arn:aws-us-gov:']));
      expect(onlyResource(json, 'datadog_integration_aws_account').aws_partition).toBe('aws-us-gov');
    },
  );

  describe('managed mode (default)', () => {
    it('generates the external ID with the Datadog provider and registers the role', async () => {
      const json = await synthDatadog({});
      expect(Object.keys(resourcesOf(json, 'datadog_integration_aws_external_id'))).toHaveLength(1);
      expect(trustOf(json).Condition.StringEquals['sts:ExternalId']).toBe(
        '${datadog_integration_aws_external_id.external_id.id}',
      );
      const account = onlyResource(json, 'datadog_integration_aws_account');
      expect(account.aws_account_id).toBe('${data.aws_caller_identity.caller.account_id}');
      expect(account.auth_config.aws_auth_config_role).toEqual({
        role_name: 'test-DatadogIntegrationRole',
        external_id: '${datadog_integration_aws_external_id.external_id.id}',
      });
      expect(account.aws_regions).toEqual({ include_all: true });
      expect(account.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]);
      expect(json.provider.datadog[0]).toEqual({ api_url: 'https://api.datadoghq.com/' });
      expect(json.variable).toBeUndefined();
    });

    it('passes regions, metrics, logs and resource collection from config', async () => {
      const json = await synthDatadog({
        securityAudit: true,
        integration: {
          regions: ['eu-west-1'],
          metrics: { excludeNamespaces: ['AWS/SQS'], collectCustomMetrics: true },
          logs: { lambdaForwarderArns: ['arn:aws:lambda:eu-west-1:111122223333:function:forwarder'] },
          resourceCollection: { cloudSecurityPosture: true },
        },
      });
      const account = onlyResource(json, 'datadog_integration_aws_account');
      expect(account.aws_regions).toEqual({ include_only: ['eu-west-1'] });
      expect(account.metrics_config).toMatchObject({
        enabled: true,
        collect_custom_metrics: true,
        namespace_filters: { exclude_only: ['AWS/SQS'] },
      });
      expect(account.logs_config.lambda_forwarder.lambdas).toEqual([
        'arn:aws:lambda:eu-west-1:111122223333:function:forwarder',
      ]);
      expect(account.resources_config).toEqual({
        extended_collection: true,
        cloud_security_posture_management_collection: true,
      });
    });

    it("always writes metrics_config.namespace_filters (the provider requires it; empty takes Datadog's defaults)", async () => {
      const account = onlyResource(await synthDatadog({}), 'datadog_integration_aws_account');
      expect(account.metrics_config.namespace_filters).toEqual({});
      const excluding = onlyResource(
        await synthDatadog({ integration: { metrics: { excludeNamespaces: ['AWS/SQS'] } } }),
        'datadog_integration_aws_account',
      );
      expect(excluding.metrics_config.namespace_filters).toEqual({ exclude_only: ['AWS/SQS'] });
    });

    it.each([
      ['standard', 'datadog_integration_aws_iam_permissions_standard'],
      ['full', 'datadog_integration_aws_iam_permissions'],
    ] as const)(
      "grants the committed %s snapshot and only warns about Datadog's live list in a check block",
      async (permissions, dataSource) => {
        const json = await synthDatadog({ permissions });
        // Nothing reads the live list outside the check: IAM never changes without a diff of the snapshot.
        expect(json.data?.[dataSource]).toBeUndefined();
        expect(JSON.stringify(json.resource)).not.toContain(dataSource);
        const granted = Object.values(resourcesOf(json, 'aws_iam_policy')).flatMap(
          (p: Json) => parsePolicy(p.policy).Statement[0].Action,
        );
        expect(granted).toEqual(snapshotPermissions(permissions));
        // The check compares Datadog's list with what the policies grant: the list is written once, in the policies.
        expect(json.locals?.datadog_permission_snapshot).toBeUndefined();
        const check = json.check.datadog_permissions_match_snapshot;
        expect(check.data).toEqual({ [dataSource]: { live: {} } });
        expect(check.assert).toHaveLength(1);
        expect(check.assert[0].condition).toMatch(/^\$\{length\(.*setsubtract.*\) == 0 && length\(.*\) == 0\}$/);
        expect(check.assert[0].condition).toContain(`data.${dataSource}.live.iam_permissions`);
        expect(check.assert[0].error_message).toContain(`refresh-permissions --set ${permissions}`);
      },
    );

    it('names the role after the config and lets the config override it', async () => {
      expect(onlyResource(await synthDatadog({}), 'aws_iam_role').name).toBe('test-DatadogIntegrationRole');
      const json = await synthDatadog({ roleName: 'DatadogIntegrationRole' });
      expect(onlyResource(json, 'aws_iam_role').name).toBe('DatadogIntegrationRole');
      expect(onlyResource(json, 'datadog_integration_aws_account').auth_config.aws_auth_config_role.role_name).toBe(
        'DatadogIntegrationRole',
      );
      expect(Object.values(resourcesOf(json, 'aws_iam_policy')).map((p: Json) => p.name)).toEqual([
        'DatadogIntegrationRolePolicy1',
      ]);
    });

    it('grants the core list literally even in managed mode', async () => {
      const json = await synthDatadog({ permissions: 'core' });
      expect(json.check).toBeUndefined();
      const actions = Object.values(resourcesOf(json, 'aws_iam_policy')).flatMap(
        (p: Json) => parsePolicy(p.policy).Statement[0].Action,
      );
      expect(actions).toEqual(snapshotPermissions('core'));
    });
  });

  describe('manual mode', () => {
    it('takes the external ID as a sensitive, validated variable with no default', async () => {
      const json = await synthDatadog({ externalId: 'manual' });
      const variable = json.variable.datadog_external_id;
      expect(variable.sensitive).toBe(true);
      expect(variable.default).toBeUndefined();
      // JSON syntax: a plain string would be a literal and Terraform refuses to initialise (the issue-10 defect).
      expect(variable.validation[0].condition).toMatch(/^\$\{.*\}$/);
      expect(variable.validation[0].condition).toContain('regex(');
      expect(variable.validation[0].condition).toContain('var.datadog_external_id');
      // RE2 rejects repeat counts over 1000: a {2,1224} in the regex would make every value fail.
      for (const m of variable.validation[0].condition.matchAll(/\{(\d+),(\d+)\}/g))
        expect(Number(m[2])).toBeLessThanOrEqual(1000);
      expect(trustOf(json).Condition.StringEquals['sts:ExternalId']).toBe('${var.datadog_external_id}');
      expect(resourcesOf(json, 'datadog_integration_aws_account')).toEqual({});
      expect(json.provider.datadog).toBeUndefined();
      expect(json.check).toBeUndefined(); // no Datadog provider to read the live list with
      expect(json.output.external_id).toMatchObject({ sensitive: true, value: '${var.datadog_external_id}' });
    });

    it.each(['standard', 'full', 'core'] as const)(
      'grants the %s snapshot split into policies under 6,144 characters',
      async (permissions) => {
        const json = await synthDatadog({ externalId: 'manual', permissions });
        const policies = Object.values(resourcesOf(json, 'aws_iam_policy')) as Json[];
        const sizes = policies.map((p) => p.policy.replace(/\s/g, '').length);
        for (const size of sizes) expect(size).toBeLessThan(6144);
        const expectedCount = { standard: 1, full: 4, core: 1 }[permissions];
        expect(policies).toHaveLength(expectedCount);
        const granted = policies.flatMap((p) => parsePolicy(p.policy).Statement[0].Action);
        expect(granted).toEqual(snapshotPermissions(permissions));
        expect(Object.keys(resourcesOf(json, 'aws_iam_role_policy_attachment'))).toHaveLength(expectedCount);
      },
    );
  });

  it.each([true, false])('attaches SecurityAudit only when asked (%s)', async (securityAudit) => {
    const json = await synthDatadog({ externalId: 'manual', securityAudit });
    const arns = Object.values(resourcesOf(json, 'aws_iam_role_policy_attachment')).map((a: Json) => a.policy_arn);
    expect(arns.includes('arn:aws:iam::aws:policy/SecurityAudit')).toBe(securityAudit);
  });

  it('outputs the role ARN and name, the account ID and the external ID (sensitive)', async () => {
    const json = await synthDatadog({});
    expect(Object.keys(json.output).sort()).toEqual(['aws_account_id', 'external_id', 'role_arn', 'role_name']);
    expect(json.output.aws_account_id.value).toBe('${data.aws_caller_identity.caller.account_id}');
    expect(json.output.external_id.sensitive).toBe(true);
    expect(json.output.role_arn.sensitive).toBeUndefined();
  });

  it('binds managed mode to the configured account: the AWS provider refuses any other', async () => {
    // Terraform AWS provider docs, "allowed_account_ids": "List of allowed AWS account IDs to prevent you from
    // mistakenly using an incorrect one (and potentially end up destroying a live environment)."
    const json = await synthDatadog({ externalId: 'managed' }, { region: 'us-east-1', accountId: '210987654321' });
    expect(json.provider.aws[0].allowed_account_ids).toEqual(['210987654321']);
  });

  it('replaces the role, its policies and attachments create-before-destroy (a new name never leaves Datadog without a role)', async () => {
    // developer.hashicorp.com/terraform/language/meta-arguments/lifecycle: "The create_before_destroy meta-argument
    // changes this behavior so that the new replacement object is created first, and the prior object is destroyed
    // after the replacement is created."
    const json = await synthDatadog({ securityAudit: true, integration: { resourceCollection: { enabled: true } } });
    const replaced = ['aws_iam_role', 'aws_iam_policy', 'aws_iam_role_policy_attachment'].flatMap((t) =>
      Object.values(resourcesOf(json, t)),
    );
    expect(replaced.length).toBeGreaterThanOrEqual(4);
    for (const r of replaced) expect(r.lifecycle).toEqual({ create_before_destroy: true });
    const account = onlyResource(json, 'datadog_integration_aws_account');
    expect(account.depends_on.length).toBe(Object.keys(resourcesOf(json, 'aws_iam_role_policy_attachment')).length);
  });

  it('suppresses IAM-NoWildcardWrite on the permission policies for the reviewed write actions only', async () => {
    const json = await synthDatadog({ permissions: 'full' });
    const policies = Object.values(resourcesOf(json, 'aws_iam_policy'));
    expect(policies.length).toBeGreaterThan(1);
    for (const p of policies) {
      const [s] = p['//'].stackwright.suppressions;
      expect(s).toMatchObject({ rule: 'IAM-NoWildcardWrite', only: reviewedActions() });
      expect(s.reason).toContain(reviewedActions().join(', '));
    }
    const core = await synthDatadog({ permissions: 'core' });
    expect(onlyResource(core, 'aws_iam_policy')['//']?.stackwright).toBeUndefined();
  });

  it('never writes a literal external ID: only references', async () => {
    for (const externalId of ['managed', 'manual']) {
      const json = await synthDatadog({ externalId });
      const values = JSON.stringify(json).match(/"sts:ExternalId\\": \\"([^\\]*)\\"/g) ?? [];
      expect(values.length).toBe(1);
      expect(values[0]).toMatch(/\$\{(var\.datadog_external_id|datadog_integration_aws_external_id\.[\w-]+\.id)\}/);
    }
  });
});
