import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
/** Runs one terraform command in a folder; resolves with its stdout, rejects with its error output. */
export type TerraformIn = (dir: string, ...args: string[]) => Promise<string>;

/** One resource change of `terraform show -json <plan>`. */
export interface ResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: {
    readonly actions: string[];
    readonly before?: Record<string, unknown> | null;
    readonly after: Record<string, unknown> | null;
    readonly after_unknown: Record<string, unknown>;
    /** Attribute paths that force a replacement (path steps: attribute names and indexes). */
    readonly replace_paths?: ReadonlyArray<ReadonlyArray<string | number>>;
  };
}

const AWS_PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';
/** The built-in provider of `terraform_data`, which stands in for resources of unmirrored providers. */
const BUILTIN_PROVIDER = 'provider["terraform.io/builtin/terraform"]';
const ACCOUNT = '123456789012';
let serial = 0;

/** Plans (no refresh: nothing is read from AWS) and returns the plan's resource changes. */
export async function plan(terraform: TerraformIn, dir: string): Promise<ResourceChange[]> {
  await terraform(dir, 'plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=plan.bin');
  const json = JSON.parse(await terraform(dir, 'show', '-json', 'plan.bin')) as { resource_changes?: ResourceChange[] };
  return json.resource_changes ?? [];
}

/**
 * A state as if the stack had been applied: every managed resource with the attributes the plan wants, computed ones
 * filled in (ids and ARNs made up), found by planning against the state until the plan has nothing left to change.
 * Returns address -> attributes; fails when some resources never settle.
 */
export async function appliedState(
  terraform: TerraformIn,
  dir: string,
  schemas: ReadonlyMap<string, ResourceSchema>,
): Promise<Map<string, Record<string, unknown>>> {
  const { state, unsettled } = await settledState(terraform, dir, schemas);
  if (unsettled.length > 0)
    throw new Error(
      `the plan still has changes after ${ROUNDS} rounds of filling in the state: ${unsettled.join(', ')}`,
    );
  return state;
}

const ROUNDS = 6;

/**
 * As appliedState, but a resource whose made-up values the provider never accepts (it keeps planning a change) does
 * not fail the whole state: the state is returned with those addresses in `unsettled`.
 */
export async function settledState(
  terraform: TerraformIn,
  dir: string,
  schemas: ReadonlyMap<string, ResourceSchema>,
): Promise<{ state: Map<string, Record<string, unknown>>; unsettled: string[] }> {
  let state = new Map<string, Record<string, unknown>>();
  let pending: ResourceChange[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const changes = (await plan(terraform, dir)).filter((c) => c.mode === 'managed');
    pending = changes.filter((c) => !(c.change.actions.length === 1 && c.change.actions[0] === 'no-op'));
    if (round > 0 && pending.length === 0) return { state, unsettled: [] };
    if (round === ROUNDS - 1) break;
    const next = new Map(state);
    for (const c of pending) next.set(c.address, withComputed(c, state.get(c.address) ?? {}, schemas.get(c.type)));
    state = next;
    writeState(dir, state, schemas);
  }
  return { state, unsettled: pending.map((c) => c.address).sort() };
}

/**
 * Values the provider checks against its own defaults when the configuration leaves them unset: a made-up string
 * would read as a change (aws_lb_target_group's `protocol_version` then forces a replacement on every plan).
 */
const REAL_DEFAULTS: Readonly<Record<string, unknown>> = {
  'aws_lb_target_group.protocol_version': 'HTTP1',
};

/** The plan's `after` values, with the values it does not know yet taken from before or made up. */
function withComputed(
  c: ResourceChange,
  before: Record<string, unknown>,
  schema: ResourceSchema | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(c.change.after ?? {}) };
  for (const [key, unknown] of Object.entries(c.change.after_unknown ?? {})) {
    if (unknown !== true) continue;
    // terraform_data's output is its input once applied (what references to a stood-in block read).
    if (c.type === 'terraform_data' && key === 'output') out[key] = out.input ?? null;
    else if (REAL_DEFAULTS[`${c.type}.${key}`] !== undefined) out[key] = REAL_DEFAULTS[`${c.type}.${key}`];
    else if (before[key] !== undefined && before[key] !== null) out[key] = before[key];
    else if (key === 'arn') out[key] = `arn:aws:${c.type.split('_')[1]}:us-east-1:${ACCOUNT}:${c.type}/${c.name}`;
    else if (key === 'id')
      out[key] = ID_PREFIXES[c.type] ? `${ID_PREFIXES[c.type]}${hexOf(c.address)}` : `${c.name}-id`;
    else out[key] = madeUp(schema?.types.get(key), `${c.name}-${key}`);
  }
  return out;
}

/**
 * EC2 ids by resource type: the provider checks the format of ids that other resources reference (e.g. an Auto
 * Scaling group's `launch_template.id` "must begin with 'lt-' and be comprised of only alphanumeric characters").
 */
const ID_PREFIXES: Readonly<Record<string, string>> = {
  aws_launch_template: 'lt-',
  aws_security_group: 'sg-',
  aws_subnet: 'subnet-',
  aws_vpc: 'vpc-',
  aws_internet_gateway: 'igw-',
  aws_nat_gateway: 'nat-',
  aws_route_table: 'rtb-',
  aws_eip: 'eipalloc-',
  aws_vpc_endpoint: 'vpce-',
  aws_network_acl: 'acl-',
  aws_instance: 'i-',
};

/** 17 hex digits from an address: a made-up id that stays the same for the same resource. */
function hexOf(address: string): string {
  return createHash('sha256').update(address).digest('hex').slice(0, 17);
}

/** A value of a Terraform type (as the provider schema writes it: "string", ["set", "string"], ...). */
function madeUp(type: unknown, text: string): unknown {
  if (type === undefined) return []; // a nested block (list or set); attributes all have a type
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type)) return type[0] === 'map' || type[0] === 'object' ? {} : [];
  return text;
}

/** Writes the state file Terraform reads (format version 4), each resource at `rename(address)`. */
export function writeState(
  dir: string,
  resources: ReadonlyMap<string, Record<string, unknown>>,
  schemas: ReadonlyMap<string, ResourceSchema>,
  rename: (address: string) => string = (a) => a,
): void {
  const entries = [...resources].map(([address, attributes]) => {
    const [type, name] = rename(address).split('.');
    return {
      mode: 'managed',
      type,
      name,
      provider: type === 'terraform_data' ? BUILTIN_PROVIDER : AWS_PROVIDER,
      instances: [
        {
          schema_version: schemas.get(type)?.version ?? 0,
          attributes: type === 'terraform_data' ? withDynamicTypes(attributes) : attributes,
          sensitive_attributes: [],
        },
      ],
    };
  });
  const state = {
    version: 4,
    terraform_version: '1.1.0',
    serial: ++serial,
    lineage: 'stackwright-address-test',
    outputs: {},
    resources: entries,
  };
  writeFileSync(join(dir, 'terraform.tfstate'), `${JSON.stringify(state, null, 1)}\n`);
}

/** terraform_data's dynamically typed attributes, which the state holds as `{ value, type }` (cty's JSON). */
const DYNAMIC = ['input', 'output', 'triggers_replace'];

function withDynamicTypes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out = { ...attributes };
  for (const k of DYNAMIC)
    if (out[k] !== undefined && out[k] !== null) out[k] = { value: out[k], type: ctyType(out[k]) };
  return out;
}

/** The cty type JSON a plain JSON value implies: objects and tuples of their parts' types. */
function ctyType(v: unknown): unknown {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map(ctyType)];
  if (v !== null && typeof v === 'object')
    return ['object', Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ctyType(x)]))];
  return 'dynamic';
}

/** What the state needs to know of a resource type: its schema version and its attributes' types. */
export interface ResourceSchema {
  readonly version: number;
  readonly types: ReadonlyMap<string, unknown>;
}

/** Resource type -> schema of the mirrored AWS provider (state written with another version would be upgraded). */
export async function resourceSchemas(terraform: TerraformIn, dir: string): Promise<Map<string, ResourceSchema>> {
  const json = JSON.parse(await terraform(dir, 'providers', 'schema', '-json')) as {
    provider_schemas: Record<
      string,
      {
        resource_schemas: Record<
          string,
          { version: number; block: { attributes?: Record<string, { type?: unknown }> } }
        >;
      }
    >;
  };
  const aws = Object.entries(json.provider_schemas).find(([k]) => k.endsWith('hashicorp/aws'))?.[1];
  return new Map(
    Object.entries(aws?.resource_schemas ?? {}).map(([type, s]) => [
      type,
      { version: s.version, types: new Map(Object.entries(s.block.attributes ?? {}).map(([k, a]) => [k, a.type])) },
    ]),
  );
}
