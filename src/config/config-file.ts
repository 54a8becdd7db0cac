import { z } from 'zod';
import { configSchema, stacksSchema, type StackKey, type StacksConfig, type StackwrightConfig } from './schema';
import {
  assumeRoleSchema,
  mergeOverride,
  targetListProblems,
  targetRoleArn,
  targetSchema,
  type TargetInput,
} from './targets';
import { datadogAccountFor, sitesForPartition } from '../datadog/sites';
import { partitionOfRegion } from '../aws/regions';
import type { AwsPartition } from '../aws/partition';
import { InputError } from '../core/errors';

/**
 * A config file as it is written: one account and region (`aws:`), or many (`targets:`). A file without `targets:`
 * is parsed by `configSchema` exactly as before, with the same errors.
 */
export type ConfigFile = StackwrightConfig | TargetsConfig;

/** One target, resolved: its account, regions, role, and its stack sections merged and parsed. */
export interface Target {
  readonly name: string;
  readonly accountId: string;
  readonly partition: AwsPartition;
  /** As listed; the first is the region of the target's global folders. */
  readonly regions: readonly string[];
  /** The role Terraform assumes in the account; the ambient credentials when absent. */
  readonly roleArn?: string;
  /** The sections of the stacks this target gets, each the shared section with the target's overrides merged over. */
  readonly stacks: StacksConfig;
}

/** A config with `targets:`. */
export type TargetsConfig = Omit<StackwrightConfig, 'aws' | 'stacks' | 'folder'> & {
  /** The shared sections, as written under `stacks:`. */
  readonly stacks: StacksConfig;
  readonly targets: readonly Target[];
};

export function hasTargets(config: ConfigFile): config is TargetsConfig {
  return 'targets' in config;
}

const { name, tags, backend, rules } = configSchema.shape;

/** The keys a `targets:` config has; `overrides` stay raw here and are merged in `resolveTarget`. */
const targetsFileSchema = z.strictObject({
  name,
  tags,
  backend,
  rules,
  /** The default of each target's `assumeRole`. */
  assumeRole: assumeRoleSchema.default('ambient'),
  targets: z.array(targetSchema).min(1),
  stacks: stacksSchema,
});

type Issue = { path: (string | number)[]; message: string; allowed?: string };

/**
 * The config file schema: `configSchema` for a single account, or the `targets:` form, whose overrides are merged
 * over the shared sections as raw YAML and then parsed by each section's own schema. Errors in a merged section are
 * reported at `targets.<i>.overrides.<stack>.<path>`.
 */
export const configFileSchema = z.unknown().transform((raw, ctx): ConfigFile => {
  const add = (i: Issue) =>
    ctx.addIssue({ code: 'custom', path: i.path, message: i.message, params: { allowed: i.allowed } });
  if (!isObject(raw) || raw.targets === undefined) return forward(configSchema.safeParse(raw), ctx);
  const { aws, ...rest } = raw;
  if (aws !== undefined)
    add({
      path: ['aws'],
      message: 'is not used with targets: (each target names its account, partition and regions)',
      allowed: 'remove aws:, or targets: for a single account',
    });
  const base = targetsFileSchema.safeParse(rest);
  if (!base.success) {
    forward(base, ctx);
    return z.NEVER;
  }
  const issues: Issue[] = targetListProblems(base.data.targets, base.data.assumeRole);
  const rawStacks = isObject(raw.stacks) ? raw.stacks : {};
  const targets = base.data.targets.map((t, i) => resolveTarget(t, i, rawStacks, base.data, issues));
  issues.forEach(add);
  if (issues.length > 0) return z.NEVER;
  const { assumeRole: _default, ...shared } = base.data;
  return { ...shared, targets };
});

function resolveTarget(
  t: TargetInput,
  i: number,
  rawStacks: Record<string, unknown>,
  file: z.infer<typeof targetsFileSchema>,
  issues: Issue[],
): Target {
  const defined = (Object.keys(stacksSchema.shape) as StackKey[]).filter((k) => file.stacks[k] !== undefined);
  const at = (...p: (string | number)[]) => ['targets', i, ...p];
  (t.stacks ?? []).forEach((s, j) => {
    if (!(defined as string[]).includes(s))
      issues.push({
        path: at('stacks', j),
        message: `${s} is not a stack of this config`,
        allowed: defined.join(', '),
      });
  });
  const keys = defined.filter((k) => t.stacks === undefined || t.stacks.includes(k));
  for (const k of Object.keys(t.overrides)) {
    const problem = !(defined as string[]).includes(k)
      ? `overrides ${k}, which is not a section under stacks:`
      : !(keys as string[]).includes(k)
        ? `overrides ${k}, which this target does not get (its stacks: list)`
        : undefined;
    if (problem) issues.push({ path: at('overrides', k), message: problem, allowed: keys.join(', ') });
  }
  const stacks: Record<string, unknown> = {};
  for (const k of keys) {
    const overridden = k in t.overrides;
    let merged = overridden ? mergeOverride(rawStacks[k], t.overrides[k]) : rawStacks[k];
    if (k === 'datadog') merged = withTargetRegions(merged, t.regions);
    const parsed = stacksSchema.shape[k].safeParse(merged);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({
          path: overridden ? at('overrides', k, ...(issue.path as (string | number)[])) : at('regions'),
          message: issue.message,
          allowed: (issue as { params?: { allowed?: string } }).params?.allowed,
        });
      continue;
    }
    stacks[k] = parsed.data;
  }
  const dd = stacks.datadog as StacksConfig['datadog'];
  if (dd) issues.push(...datadogProblems(t, dd, 'datadog' in t.overrides, at));
  return {
    name: t.name,
    accountId: t.accountId,
    partition: t.partition,
    regions: t.regions,
    roleArn: targetRoleArn(t, file.assumeRole),
    stacks: stacks as StacksConfig,
  };
}

/**
 * The Datadog integration of a target collects from the target's regions unless its section lists regions itself
 * (`integration.regions`). Only in managed mode, the one with an integration.
 */
function withTargetRegions(section: unknown, regions: readonly string[]): unknown {
  if (!isObject(section) || section.externalId === 'manual') return section;
  const integration = isObject(section.integration) ? section.integration : {};
  if (integration.regions !== undefined) return section;
  return { ...section, integration: { ...integration, regions: [...regions] } };
}

/** The Datadog site must serve the target's partition, and listed regions must lie in it. */
function datadogProblems(
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

function forward<T>(result: z.ZodSafeParseResult<T>, ctx: z.core.$RefinementCtx): T {
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue(issue as never);
  return z.NEVER;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The config of a file that must describe one account (no `targets:`); bad input naming `file` otherwise. */
export function singleAccount(config: ConfigFile, file = 'config'): StackwrightConfig {
  if (!hasTargets(config)) return config;
  throw InputError.single(file, 'targets', 'this use takes a single-account config', 'aws: instead of targets:');
}
