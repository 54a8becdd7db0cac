import { z } from 'zod';
import { awsRegion } from '../config/common';
import { datadogSites } from './sites';

/** Config section `stacks.datadog`: the IAM role Datadog assumes, and (managed mode) Datadog's side of it. */
export const datadogConfigSchema = z
  .strictObject({
    /** Datadog site the organization lives on; decides which Datadog AWS account is trusted. */
    site: z.enum(datadogSites).default('datadoghq.com'),
    /**
     * IAM role name.
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
    /** Attach AWS's SecurityAudit managed policy (needed for Datadog cloud security posture management). */
    securityAudit: z.boolean().default(false),
    /** What Datadog collects (managed mode only; set these in Datadog's UI in manual mode). */
    integration: z
      .strictObject({
        regions: z.union([z.literal('all'), z.array(awsRegion).min(1)]).default('all'),
        metrics: z
          .strictObject({
            enabled: z.boolean().default(true),
            /** Skip these CloudWatch namespaces (e.g. AWS/SQS). */
            excludeNamespaces: z.array(z.string().regex(/^[A-Za-z0-9/_.-]+$/)).default([]),
            collectCloudwatchAlarms: z.boolean().default(false),
            collectCustomMetrics: z.boolean().default(false),
          })
          .prefault({}),
        logs: z.strictObject({ lambdaForwarderArns: z.array(z.string().startsWith('arn:')).default([]) }).prefault({}),
        resourceCollection: z
          .strictObject({ enabled: z.boolean().default(true), cloudSecurityPosture: z.boolean().default(false) })
          .prefault({}),
        xrayServices: z.array(z.string()).default([]),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.externalId === 'manual' && d.integration !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['integration'],
        message: 'only used with externalId: managed (in manual mode Datadog is configured in its own UI)',
      });
    }
    if (d.integration?.resourceCollection.cloudSecurityPosture && !d.securityAudit) {
      ctx.addIssue({
        code: 'custom',
        path: ['integration', 'resourceCollection', 'cloudSecurityPosture'],
        message: 'needs securityAudit: true (Datadog CSPM reads through the SecurityAudit policy)',
      });
    }
  });

export type DatadogConfig = z.infer<typeof datadogConfigSchema>;
