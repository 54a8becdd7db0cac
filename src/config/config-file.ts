import { z } from 'zod';
import { configSchema, stacksSchema, type StackKey, type StacksConfig, type StackwrightConfig } from './schema';
import {
  assumeRoleSchema,
  datadogProblems,
  mergeOverride,
  targetListProblems,
  targetRoleArn,
  targetSchema,
  type Issue as TargetIssue,
  type TargetInput,
  withTargetRegions,
} from './targets';
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

/** The name's 24 characters less a regional folder's `-<region code>` (./synth/folders.ts `regionCode`). */
const TARGETS_NAME_MAX = 18;

/** A problem found here, or a section schema's own zod issue (kept whole, so `load.ts` describes it as usual). */
type Issue = TargetIssue | z.core.$ZodIssue;

/**
 * The config file schema: `configSchema` for a single account, or the `targets:` form, whose overrides are merged
 * over the shared sections as raw YAML and then parsed by each section's own schema. Errors in a merged section are
 * reported at `targets.<i>.overrides.<stack>.<path>`.
 */
export const configFileSchema = z.unknown().transform((raw, ctx): ConfigFile => {
  const add = (i: Issue) =>
    'code' in i
      ? ctx.addIssue(i as never)
      : ctx.addIssue({ code: 'custom', path: i.path, message: i.message, params: { allowed: i.allowed } });
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
  if (base.data.name.length > TARGETS_NAME_MAX)
    issues.push({
      path: ['name'],
      message: `is ${base.data.name.length} characters; with targets: at most ${TARGETS_NAME_MAX}`,
      allowed: 'a shorter name: a regional folder names its resources <name>-<region code> (use1, apse2: up to 5)',
    });
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
      // The section's own issues, codes and all, so they read as the shared section's would.
      const prefix = overridden ? at('overrides', k) : at('regions');
      for (const issue of parsed.error.issues)
        issues.push({ ...issue, path: [...prefix, ...(overridden ? (issue.path as (string | number)[]) : [])] });
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
