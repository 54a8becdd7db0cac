import { z } from 'zod';
import { accountId, awsPartitions, awsRegion } from './common';
import { partitionOfRegion, regionsOf } from '../aws/regions';
import { datadogAccountFor, sitesForPartition } from '../datadog/sites';
import type { StacksConfig } from './schema';

/** A problem at a config path, with what is allowed. */
export type Issue = { path: (string | number)[]; message: string; allowed?: string };

/**
 * The `targets:` list: one config, many AWS accounts and regions. Each target is an account in a partition, with one
 * or more regions, the way Terraform reaches it (a role to assume, or the ambient credentials), optional overrides
 * of stack sections and optionally the stacks it gets. The file-level checks that need the raw YAML (overrides are
 * merged over the shared sections before they are parsed) are in ./config-file.ts.
 */

/** The placeholders an `assumeRole` pattern may name; each is replaced per target. */
export const ROLE_PLACEHOLDERS = ['partition', 'account'] as const;

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

/**
 * How Terraform reaches a target's account: `ambient` (the credentials the environment gives the AWS provider), or
 * the ARN of a role to assume, as a pattern in which `${partition}` and `${account}` are the target's.
 */
export const assumeRoleSchema = z.string().superRefine((pattern, ctx) => {
  if (pattern === 'ambient') return;
  const unknown = [...pattern.matchAll(/\$\{([^}]*)\}/g)]
    .map((m) => m[1]!)
    .filter((p) => !(ROLE_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `\${${p}}`).join(', ')}`,
      params: { allowed: ROLE_PLACEHOLDERS.map((p) => `\${${p}}`).join(' and ') },
    });
    return;
  }
  if (!ROLE_ARN.test(roleArnFor(pattern, 'aws', '123456789012'))) {
    ctx.addIssue({
      code: 'custom',
      message: 'not an IAM role ARN pattern',
      params: { allowed: 'ambient, or a role ARN such as arn:${partition}:iam::${account}:role/terraform' },
    });
  }
});

/** The role ARN a pattern gives for one target. */
export function roleArnFor(pattern: string, partition: string, account: string): string {
  return pattern.replaceAll('${partition}', partition).replaceAll('${account}', account);
}

/** A target's name: a folder name, part of every state key and HCP workspace name. */
export const targetName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes, starting with a letter, at most 32');

/** One entry of `targets:` as the schema parses it; `overrides` stay raw until merged (./config-file.ts). */
export const targetSchema = z.strictObject({
  name: targetName,
  /** The account the target's folders plan against; the AWS provider refuses any other (`allowed_account_ids`). */
  accountId,
  partition: z.enum(awsPartitions).default('aws'),
  /**
   * The target's regions: regional stacks get one folder per region; global ones (the Datadog role) one folder,
   * whose provider uses the first region, with all of them passed in (the Datadog integration's regions).
   */
  regions: z.array(awsRegion).min(1),
  /** How Terraform reaches the account; the config's `assumeRole` when absent. */
  assumeRole: assumeRoleSchema.optional(),
  /** The stacks this target gets, by section name; every section of `stacks:` when absent. */
  stacks: z.array(z.string()).min(1).optional(),
  /** Per stack section, values merged over the shared section (objects merged key by key, lists replaced). */
  overrides: z.record(z.string(), z.unknown()).default({}),
});
export type TargetInput = z.infer<typeof targetSchema>;

/** Problems of the target list that need no stack section: duplicates, regions outside the partition, the role. */
export function targetListProblems(targets: readonly TargetInput[], defaultAssumeRole: string): Issue[] {
  const out: Issue[] = [];
  const firstWith = (key: 'name' | 'accountId', i: number) => targets.findIndex((t) => t[key] === targets[i]![key]);
  targets.forEach((t, i) => {
    for (const key of ['name', 'accountId'] as const) {
      const first = firstWith(key, i);
      if (first !== i)
        out.push({
          path: ['targets', i, key],
          message: `${key === 'name' ? 'target name' : 'account'} ${t[key]} is also targets.${first}'s`,
          allowed: `one target per ${key === 'name' ? 'name' : 'account (list its regions in one target)'}`,
        });
    }
    t.regions.forEach((r, j) => {
      const p = partitionOfRegion(r);
      if (p !== t.partition)
        out.push({
          path: ['targets', i, 'regions', j],
          message: `${r} is a region of partition ${p}, not of the target's partition ${t.partition} (the default is aws)`,
          allowed: `a region of ${t.partition}: ${regionsOf(t.partition).join(', ')}`,
        });
    });
    const dup = t.regions.findIndex((r, j) => t.regions.indexOf(r) !== j);
    if (dup >= 0)
      out.push({
        path: ['targets', i, 'regions', dup],
        message: `${t.regions[dup]} is listed twice`,
        allowed: 'each region once',
      });
    const pattern = t.assumeRole ?? defaultAssumeRole;
    const arn = pattern === 'ambient' ? undefined : ROLE_ARN.exec(roleArnFor(pattern, t.partition, t.accountId));
    if (arn && (arn[1] !== t.partition || arn[2] !== t.accountId))
      out.push({
        path: t.assumeRole === undefined ? ['assumeRole'] : ['targets', i, 'assumeRole'],
        message:
          `for target ${t.name} the role is ${arn[0]}, which is not in the target's account ${t.accountId} and ` +
          `partition ${t.partition}: Terraform would act in another account`,
        allowed: 'a role in the target account, e.g. arn:${partition}:iam::${account}:role/terraform',
      });
  });
  return out;
}

/** The role ARN Terraform assumes for a target, or undefined for the ambient credentials. */
export function targetRoleArn(t: TargetInput, defaultAssumeRole: string): string | undefined {
  const pattern = t.assumeRole ?? defaultAssumeRole;
  return pattern === 'ambient' ? undefined : roleArnFor(pattern, t.partition, t.accountId);
}

/**
 * Deep merge for overrides: objects merge key by key, anything else (lists, scalars) replaces. Raw YAML values, so
 * the merged section is parsed by the section's own schema, defaults and all, as if the user had written it.
 */
export function mergeOverride(shared: unknown, override: unknown): unknown {
  if (!isPlainObject(shared) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...shared };
  for (const [k, v] of Object.entries(override)) out[k] = k in shared ? mergeOverride(shared[k], v) : v;
  return out;
}

/**
 * The Datadog integration of a target collects from the target's regions unless its section lists regions itself
 * (`integration.regions`). Only in managed mode, the one with an integration.
 */
export function withTargetRegions(section: unknown, regions: readonly string[]): unknown {
  if (!isPlainObject(section) || section.externalId === 'manual') return section;
  const integration = isPlainObject(section.integration) ? section.integration : {};
  if (integration.regions !== undefined) return section;
  return { ...section, integration: { ...integration, regions: [...regions] } };
}

/** The Datadog site must serve the target's partition, and listed regions must lie in it. */
export function datadogProblems(
  t: TargetInput,
  dd: NonNullable<StacksConfig['datadog']>,
  overridden: boolean,
  at: (...p: (string | number)[]) => (string | number)[],
): Issue[] {
  const out: Issue[] = [];
  const where = (...p: (string | number)[]) => (overridden ? at('overrides', 'datadog', ...p) : at('partition'));
  if (datadogAccountFor(dd.site, t.partition) === undefined) {
    const sites = sitesForPartition(t.partition);
    out.push({
      path: where('site'),
      message: `Datadog site ${dd.site} cannot integrate target ${t.name}'s account in partition ${t.partition}`,
      allowed: sites.length
        ? `an override of stacks.datadog.site for this target: ${sites.join(', ')}`
        : `no Datadog site supports partition ${t.partition}`,
    });
  }
  const regions = dd.integration?.regions;
  if (Array.isArray(regions))
    regions.forEach((r, j) => {
      const p = partitionOfRegion(r);
      if (p !== t.partition)
        out.push({
          path: where('integration', 'regions', j),
          message: `${r} is a region of partition ${p}, not of target ${t.name}'s partition ${t.partition}`,
          allowed: `regions of ${t.partition}`,
        });
    });
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
