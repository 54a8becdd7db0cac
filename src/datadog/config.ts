import { z } from 'zod';
import { awsRegion } from '../config/common';
import { datadogSites } from './sites';
import { snapshotPermissions } from './permissions';
import type { ConfigIssue } from '../core/config-issue';

/**
 * What Datadog collects, as `datadog_integration_aws_account` takes it (managed mode). The fields map onto
 * DatadogAwsIntegrationProps (./aws-integration.ts), which documents them; `logs` and `resourceCollection` group
 * props that stacks/datadog-props.ts flattens (and where tsc holds the two in agreement).
 */
const integrationSchema = z.strictObject({
  regions: z.union([z.literal('all'), z.array(awsRegion).min(1)]).default('all'),
  metrics: z
    .strictObject({
      enabled: z.boolean().default(true),
      excludeNamespaces: z.array(z.string().regex(/^[A-Za-z0-9/_.-]+$/)).default([]),
      collectCloudwatchAlarms: z.boolean().default(false),
      collectCustomMetrics: z.boolean().default(false),
    })
    .prefault({}),
  logs: z.strictObject({ lambdaForwarderArns: z.array(z.string().startsWith('arn:')).default([]) }).prefault({}),
  resourceCollection: z
    .strictObject({
      /** The props' `resourceCollection`; when absent, on exactly when `securityAudit` is (see the transform). */
      enabled: z.boolean().optional(),
      cloudSecurityPosture: z.boolean().default(false),
    })
    .prefault({}),
  xrayServices: z.array(z.string()).default([]),
});

/** Config section `stacks.datadog`: the IAM role Datadog assumes, and (managed mode) Datadog's side of it. */
export const datadogConfigSchema = z
  .strictObject({
    /** Datadog site the organization lives on; decides which Datadog AWS account is trusted. */
    site: z.enum(datadogSites).default('datadoghq.com'),
    /**
     * @default `<name>-DatadogIntegrationRole` (the config's name as prefix, so it never collides with the
     * `DatadogIntegrationRole` of Datadog's CloudFormation setup or of another environment)
     */
    roleName: z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, 'IAM role names are 1-64 of letters, digits and +=,.@_-')
      .optional(),
    /**
     * managed: the Datadog provider generates the external ID and registers the role (no copy-paste step).
     * manual: the external ID is a sensitive Terraform variable you set from Datadog's AWS integration page.
     */
    externalId: z.enum(['managed', 'manual']).default('managed'),
    /** Datadog's permission list to grant: standard (about 100 actions), full (about 690) or core (metrics only). */
    permissions: z.enum(['standard', 'full', 'core']).default('standard'),
    /** Needed for Datadog cloud security posture management. */
    securityAudit: z.boolean().default(false),
    /** What Datadog collects (managed mode only; set these in Datadog's UI in manual mode). */
    integration: integrationSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.externalId === 'manual' && d.integration !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['integration'],
        message: 'only used with externalId: managed (in manual mode Datadog is configured in its own UI)',
      });
    }
    collectionProblems(d).forEach((p) =>
      ctx.addIssue({ code: 'custom', path: [...p.path], message: p.message, params: { allowed: p.allowed } }),
    );
  })
  // Managed mode always registers collection settings: fill them in so the stack never falls back to settings
  // (extended collection on) the attached permissions cannot serve.
  .transform((d) => {
    if (d.externalId !== 'managed') return d;
    const integration = d.integration ?? integrationSchema.parse({});
    const rc = integration.resourceCollection;
    const enabled = rc.enabled ?? (d.securityAudit || rc.cloudSecurityPosture);
    return { ...d, integration: { ...integration, resourceCollection: { ...rc, enabled } } };
  });

export type DatadogConfig = z.infer<typeof datadogConfigSchema>;

type ParsedSection = Pick<DatadogConfig, 'externalId' | 'permissions' | 'securityAudit' | 'integration'>;

/**
 * Datadog's documentation ("AWS resource collection IAM policy"): to use resource collection you must attach AWS's
 * managed SecurityAudit policy to the Datadog role; cloud security posture management (CSPM) requires
 * `extended_collection`. X-Ray trace collection calls xray:BatchGetTraces and xray:GetTraceSummaries.
 */
const XRAY_ACTIONS = ['xray:BatchGetTraces', 'xray:GetTraceSummaries'] as const;

/** Combinations Datadog lacks the permissions for: the config is refused (exit 2). */
export function collectionProblems(d: ParsedSection): ConfigIssue[] {
  const rc = d.integration?.resourceCollection;
  const problems: ConfigIssue[] = [];
  const at = (...p: string[]) => ['integration', ...p];
  if (rc?.enabled === true && !d.securityAudit) {
    problems.push({
      path: at('resourceCollection', 'enabled'),
      message:
        "Datadog's resource collection (extended_collection) reads through the SecurityAudit policy, which securityAudit: false does not attach",
      allowed: 'set securityAudit: true, or resourceCollection.enabled: false',
    });
  }
  if (rc?.cloudSecurityPosture && !d.securityAudit) {
    problems.push({
      path: at('resourceCollection', 'cloudSecurityPosture'),
      message: 'needs securityAudit: true (Datadog CSPM reads through the SecurityAudit policy)',
      allowed: 'set securityAudit: true, or cloudSecurityPosture: false',
    });
  }
  if (rc?.cloudSecurityPosture && rc.enabled === false) {
    problems.push({
      path: at('resourceCollection', 'cloudSecurityPosture'),
      message:
        'Datadog CSPM requires resource collection (extended_collection), which resourceCollection.enabled: false turns off',
      allowed: 'remove resourceCollection.enabled, or set cloudSecurityPosture: false',
    });
  }
  const granted = new Set(snapshotPermissions(d.permissions));
  const missingXray = XRAY_ACTIONS.filter((a) => !granted.has(a));
  if ((d.integration?.xrayServices.length ?? 0) > 0 && missingXray.length > 0) {
    problems.push({
      path: at('xrayServices'),
      message: `X-Ray trace collection needs ${missingXray.join(', ')}, which the ${d.permissions} permission list does not grant`,
      allowed: 'permissions: standard or full, or xrayServices: []',
    });
  }
  return problems;
}

/** Combinations that work but not as well as they could, or grant access nothing uses: printed, never fatal. */
export function collectionWarnings(d: DatadogConfig): ConfigIssue[] {
  if (d.externalId !== 'managed' || d.integration === undefined) return [];
  const rc = d.integration.resourceCollection;
  const warnings: ConfigIssue[] = [];
  if (d.securityAudit && !rc.enabled && !rc.cloudSecurityPosture) {
    warnings.push({
      path: ['securityAudit'],
      message:
        'SecurityAudit is attached but resource collection and CSPM are off: Datadog gets read access it does not use',
      allowed: 'set securityAudit: false, or turn resource collection on',
    });
  }
  if (rc.enabled && d.permissions !== 'full') {
    const granted = new Set(snapshotPermissions(d.permissions));
    const missing = RESOURCE_COVERAGE_ACTIONS.filter((a) => !granted.has(a));
    if (missing.length > 0) {
      warnings.push({
        path: ['permissions'],
        message:
          `for complete resource coverage Datadog recommends ${missing.length} read permissions beyond ` +
          `SecurityAudit that the ${d.permissions} list lacks (${missing.slice(0, 3).join(', ')}, ...)`,
        allowed: 'permissions: full, or accept partial coverage',
      });
    }
  }
  return warnings;
}

/** Datadog's "AWS resource collection IAM policy": read permissions recommended in addition to SecurityAudit. */
export const RESOURCE_COVERAGE_ACTIONS: readonly string[] = [
  'backup:ListRecoveryPointsByBackupVault',
  'cassandra:Select',
  'ec2:GetSnapshotBlockPublicAccessState',
  'glacier:GetVaultNotifications',
  'glue:ListRegistries',
  'lightsail:GetInstancePortStates',
  'savingsplans:DescribeSavingsPlanRates',
  'savingsplans:DescribeSavingsPlans',
  'timestream:DescribeEndpoints',
  'waf-regional:ListRuleGroups',
  'waf-regional:ListRules',
  'waf:ListRuleGroups',
  'waf:ListRules',
  'wafv2:GetIPSet',
  'wafv2:GetRegexPatternSet',
];
