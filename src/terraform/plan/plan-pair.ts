import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TerraformDocument } from '../json/document';
import type { AwsStandIn } from './aws-stand-in';
import { planCopy } from './plan-copy';
import { LOCK_FILE, terraform, type TerraformSetup } from './setup';
import { plan, resourceSchemas, settledState, writeState, type ResourceSchema, type TerraformIn } from './state';

/** What the real Terraform plans for one resource when the head's configuration meets the base's state. */
export interface PlannedChange {
  /** The address in the head's configuration (or the base's, for a destroy). */
  readonly address: string;
  /** The address in the base's state, when a `moved` block moved it. */
  readonly previousAddress?: string;
  /** Terraform's actions: `no-op`, `create`, `update`, `delete`, or a replacement (`delete`+`create` either order). */
  readonly actions: readonly string[];
  /** Top-level attributes whose value changes (before and after differ, or after is known only after apply). */
  readonly changed: readonly string[];
  /** The attribute paths that force a replacement (`replace_paths`), dot-joined. */
  readonly replacePaths: readonly string[];
  /** Set when the resource belongs to a provider the plan stands in for (planned as `terraform_data`). */
  readonly standIn?: string;
}

/** The plan of one stack pair. */
export interface PairPlan {
  readonly changes: readonly PlannedChange[];
  /**
   * Resources the base's state could not be settled for (the provider kept planning a change to their made-up
   * values): their planned actions say nothing about this change.
   */
  readonly unsettled: readonly string[];
}

/** One stack folder of each side, as written by synth (cdk.tf.json plus its assets). */
export interface StackPair {
  readonly stack: string;
  readonly baseDir: string;
  readonly base: TerraformDocument;
  readonly headDir: string;
  readonly head: TerraformDocument;
}

/** The shared pieces of every plan of one review: the Terraform set-up, its provider lock, the stand-in. */
export interface PlanContext {
  readonly setup: TerraformSetup;
  readonly lockFile: string;
  readonly standIn: AwsStandIn;
  /** Terraform binary. @default 'terraform' */
  readonly bin?: string;
}

/**
 * Values for input variables without a default: the plan copy gets them as `TF_VAR_*`. They satisfy the variables'
 * own validation rules; a variable not listed gets `stand-in`.
 */
const VARIABLE_VALUES: Readonly<Record<string, string>> = {
  datadog_external_id: 'stand-in+external=id/0123456789',
};

/**
 * Plans the head's configuration of one stack against a state made from the base's planned values: the base is
 * planned against its own state until nothing is left to change (computed values made up), then the head is planned
 * against that state with `-refresh=false`. The provider talks only to the loopback stand-in, with dummy keys.
 */
export async function planPair(pair: StackPair, ctx: PlanContext): Promise<PairPlan> {
  const dir = mkdtempSync(join(tmpdir(), `stackwright-review-${pair.stack}-`));
  try {
    const env = { ...ctx.setup.env, ...variableValues(pair.base), ...variableValues(pair.head) };
    const tf: TerraformIn = async (cwd, ...args) => {
      const r = await terraform(args, cwd, env, ctx.bin);
      if (r.code !== 0)
        throw new Error(`terraform ${args[0]} failed: ${(r.spawnError ?? `${r.stderr}${r.stdout}`).trim()}`);
      return r.stdout;
    };
    // One folder, one init: the head's files are copied over the base's once the base's state is made.
    const baseCopy = prepare(dir, pair.baseDir, pair.base, ctx);
    await tf(dir, 'init', '-backend=false', '-input=false', '-no-color');
    const schemas = await cached(SCHEMAS, ctx.setup.awsVersion, () => resourceSchemas(tf, dir));
    // Keyed by the base's own JSON, not the copy: the copy names this run's stand-in port.
    const key = createHash('sha256').update(ctx.setup.awsVersion).update(JSON.stringify(pair.base)).digest('hex');
    const { state, unsettled } = await cached(STATES, key, () => settledState(tf, dir, schemas));
    const headCopy = prepare(dir, pair.headDir, pair.head, ctx);
    writeState(dir, state, schemas);
    const original = new Map([...baseCopy, ...headCopy].map(([from, to]) => [to, from] as const));
    const back = (a: string) => original.get(a) ?? a;
    const changes = (await plan(tf, dir))
      .filter((c) => c.mode === 'managed')
      .map((c) => {
        const standIn = original.get(c.address);
        const previous = c.previous_address ? (original.get(c.previous_address) ?? c.previous_address) : undefined;
        return {
          address: standIn ?? c.address,
          ...(previous && previous !== (standIn ?? c.address) ? { previousAddress: previous } : {}),
          actions: c.change.actions,
          changed: changedAttributes(c.change.before ?? {}, c.change.after ?? {}, c.change.after_unknown ?? {}),
          replacePaths: (c.change.replace_paths ?? []).map((p) => p.join('.')),
          ...(standIn ? { standIn: c.address } : {}),
        };
      });
    return { changes, unsettled: unsettled.map(back) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Provider schemas by provider version, and applied states by plan copy: a base planned once per process is reused
 * (the scenario tests share one base; each state takes several plans of tens of seconds).
 */
const SCHEMAS = new Map<string, Promise<Map<string, ResourceSchema>>>();
const STATES = new Map<string, Promise<{ state: Map<string, Record<string, unknown>>; unsettled: string[] }>>();

function cached<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

/** Writes the plan copy of a stack folder; returns its stand-in addresses (original -> `terraform_data.*`). */
function prepare(dir: string, from: string, doc: TerraformDocument, ctx: PlanContext): Map<string, string> {
  cpSync(from, dir, { recursive: true, filter: (src) => !/\/(hcl|\.terraform)$/.test(src) });
  // The stand-in answers one made-up account: a pin to the user's account would refuse it, and says nothing here.
  const unpinned = JSON.parse(JSON.stringify(doc)) as { provider?: { aws?: unknown } };
  const aws = unpinned.provider?.aws;
  for (const p of Array.isArray(aws) ? aws : aws ? [aws] : [])
    if (p && typeof p === 'object') delete (p as Record<string, unknown>).allowed_account_ids;
  const copy = planCopy(unpinned, {
    awsVersion: ctx.setup.awsVersion,
    endpoint: ctx.standIn.url,
    standInValues: { iam_permissions: ['sts:GetCallerIdentity'] },
  });
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(copy.json, null, 1));
  writeFileSync(join(dir, LOCK_FILE), ctx.lockFile);
  rmSync(join(dir, 'terraform.tfstate'), { force: true });
  return new Map([...copy.standIns].filter(([, to]) => to.startsWith('terraform_data.')));
}

function changedAttributes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  unknown: Record<string, unknown>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]);
  const unknownInside = (v: unknown): boolean =>
    v === true || (v !== null && typeof v === 'object' && Object.values(v).some(unknownInside));
  return [...keys]
    .filter((k) => unknownInside(unknown[k]) || JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .sort();
}

function variableValues(doc: TerraformDocument): Record<string, string> {
  const variables = (doc.variable ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(
    Object.entries(variables)
      .filter(([, v]) => v.default === undefined)
      .map(([name]) => [`TF_VAR_${name}`, VARIABLE_VALUES[name] ?? 'stand-in']),
  );
}
