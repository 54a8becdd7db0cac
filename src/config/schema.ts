import { z } from 'zod';
import { accountId, awsPartitions, awsRegion, tagMap } from './common';
import { datadogConfigSchema } from '../datadog/config';
import { ecsConfigSchema } from '../ecs/config';
import { sidecarConfigSchema } from '../sidecar/config';
import { keepaliveConfigSchema } from '../keepalive/config';
import { rulesConfigSchema } from '../rules/config';
import { datadogAccountFor, sitesForPartition } from '../datadog/sites';
import { partitionOfRegion, regionsOf } from '../aws/regions';

/**
 * The one source of truth for a Stackwright config file: shape, defaults and cross-field rules.
 * Every object is strict, so a misspelt key is an error rather than silently ignored.
 */

const localBackend = z.strictObject({
  type: z.literal('local'),
  /** State file path, relative to the stack's generated folder. */
  path: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/, 'must be a relative path')
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must stay inside the stack folder')
    .default('terraform.tfstate'),
});

const s3Backend = z.strictObject({
  type: z.literal('s3'),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not a valid S3 bucket name'),
  /** Each stack's state lives at `<keyPrefix>/<stack>.tfstate`. */
  keyPrefix: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/)
    .default('stackwright'),
  region: awsRegion,
  /** Customer managed KMS key for state encryption; SSE-S3 when absent. */
  kmsKeyId: z.string().min(1).optional(),
});

const hcpBackend = z.strictObject({
  type: z.literal('hcp'),
  organization: z.string().min(1),
  /** Each stack gets workspace `<workspacePrefix>-<stack>`. */
  workspacePrefix: z.string().regex(/^[A-Za-z0-9_-]+$/),
  hostname: z.string().default('app.terraform.io'),
});

export const backendSchema = z.discriminatedUnion('type', [localBackend, s3Backend, hcpBackend]);

export const stacksSchema = z
  .strictObject({
    datadog: datadogConfigSchema.optional(),
    ecs: ecsConfigSchema.optional(),
    sidecar: sidecarConfigSchema.optional(),
    keepalive: keepaliveConfigSchema.optional(),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined), 'at least one stack section is required');

export const configSchema = z
  .strictObject({
    /** Environment name: prefixes resource names and tags. */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,23}$/, 'lowercase letters, digits and dashes, starting with a letter, at most 24'),
    aws: z.strictObject({
      region: awsRegion,
      partition: z.enum(awsPartitions).default('aws'),
      /** When set, the AWS provider refuses to run against any other account. */
      accountId: accountId.optional(),
    }),
    tags: tagMap.default({}),
    backend: backendSchema.default({ type: 'local', path: 'terraform.tfstate' }),
    rules: rulesConfigSchema.default({ overrides: [] }),
    stacks: stacksSchema,
  })
  .superRefine((c, ctx) => {
    partitionProblems(c).forEach((p) =>
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message, params: { allowed: p.allowed } }),
    );
    const dd = c.stacks.datadog;
    if (dd?.externalId === 'managed' && c.aws.accountId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['aws', 'accountId'],
        message:
          'required with stacks.datadog.externalId: managed, which registers the AWS account the credentials point at with Datadog',
        params: { allowed: "the 12-digit ID of the account to integrate, quoted (e.g. '123456789012')" },
      });
    }
    if (dd && datadogAccountFor(dd.site, c.aws.partition) === undefined) {
      const sites = sitesForPartition(c.aws.partition);
      ctx.addIssue({
        code: 'custom',
        path: ['stacks', 'datadog', 'site'],
        message: `Datadog site ${dd.site} cannot integrate an AWS account in partition ${c.aws.partition}`,
        params: { allowed: sites.length ? sites.join(', ') : `no Datadog site supports partition ${c.aws.partition}` },
      });
    }
  });

/** Regions the config names that lie outside `aws.partition`: every ARN and trust would be written for the wrong one. */
function partitionProblems(c: {
  aws: { region: string; partition: string };
  stacks: { datadog?: { integration?: { regions: 'all' | string[] } } };
}): { path: (string | number)[]; message: string; allowed: string }[] {
  const { region, partition } = c.aws;
  const out: { path: (string | number)[]; message: string; allowed: string }[] = [];
  const home = partitionOfRegion(region);
  // A region of a partition Stackwright does not generate for is refused by the region's own schema.
  const supported = (p: string | undefined) => p !== undefined && (awsPartitions as readonly string[]).includes(p);
  if (supported(home) && home !== partition) {
    out.push({
      path: ['aws', 'region'],
      message: `${region} is a region of partition ${home}, but aws.partition is ${partition} (the default is aws)`,
      allowed: `aws.partition: ${home}, or a region of ${partition}`,
    });
  }
  const regions = c.stacks.datadog?.integration?.regions;
  if (Array.isArray(regions)) {
    regions.forEach((r, i) => {
      const p = partitionOfRegion(r);
      if (supported(p) && p !== partition)
        out.push({
          path: ['stacks', 'datadog', 'integration', 'regions', i],
          message: `${r} is a region of partition ${p}, not of aws.partition ${partition}`,
          allowed: `a region of ${partition}: ${regionsOf(partition).join(', ')}`,
        });
    });
  }
  return out;
}

/**
 * Where a stack's folder sits when the config has `targets:` (absent for a single-account config, whose folders are
 * `<stack>` as they always were).
 */
export interface FolderPlacement {
  /** The target's name: the first part of the folder path. */
  readonly target: string;
  /** The folder's region; undefined for a global stack (one folder per target: `<target>/global/<stack>`). */
  readonly region?: string;
  /** Every region of the target (a global stack's Datadog integration collects from these). */
  readonly regions: readonly string[];
  /** The folder under generated/, `<target>/<region>/<stack>` or `<target>/global/<stack>`. */
  readonly dir: string;
}

/**
 * The config one stack folder is built from: the file's config for a single account, or one target's view of a
 * `targets:` config (its account, partition, region and role in `aws`, its merged sections in `stacks`). Stacks and
 * constructs see only this, so they know nothing of targets.
 */
export type StackwrightConfig = z.infer<typeof configSchema> & {
  readonly aws: {
    /** The role the AWS provider assumes (`assume_role`); the ambient credentials when absent. */
    readonly assumeRoleArn?: string;
  };
  /** Set for a folder of a `targets:` config. */
  readonly folder?: FolderPlacement;
};
export type StacksConfig = z.infer<typeof stacksSchema>;
export type StackKey = keyof StacksConfig;
export type BackendConfig = z.infer<typeof backendSchema>;
