/**
 * The test's own copy of a stack's Terraform JSON, adjusted so the real AWS provider from the mirror can init,
 * validate and plan it offline. Every adjustment is made here, never in generated/:
 * - the AWS provider version is pinned to the one the suite plans with (the mirror has 5.100.0; generated/ pins the
 *   version the cdktf bindings come from);
 * - Lambda runtimes that version does not know yet become the closest one it knows, and arguments it does not know
 *   yet are dropped (newer-arguments.ts);
 * - the provider talks to the loopback AWS stand-in with dummy credentials, and never asks anything else;
 * - the backend (or HCP Terraform `cloud` block) is dropped (state stays in the scratch folder);
 * - resources and data sources of providers that are not mirrored (DataDog/datadog, kreuzwerker/docker) become
 *   stand-ins with the same attribute references: `terraform_data` for resources (their arguments become its input,
 *   so every reference inside them is still checked), locals for data sources and provider blocks. Their own
 *   validators are checked by the rule pack (src/rules/datadog, src/rules/docker).
 */
import { STAND_IN_SERVICES } from './aws-stand-in';
import { dropNewerArguments } from './newer-arguments';

/**
 * A Terraform JSON document being rewritten: schemaless by nature (any provider's blocks), read and written by path.
 * Each rewrite below checks the shape it relies on (arrays, objects) before it changes anything.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless Terraform JSON rewritten by path
type Json = Record<string, any>;
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- the Json above: every read is of a path the synthesized document has, checked by the plan tests */

/** Runtimes newer than the provider the suite plans with, and the closest one it knows. */
export const RUNTIME_STAND_INS: Readonly<Record<string, string>> = {
  'nodejs24.x': 'nodejs22.x',
  'python3.14': 'python3.13',
};

export interface PlanCopyOptions {
  /** hashicorp/aws version to pin. */
  readonly awsVersion: string;
  /** Base URL of the AWS stand-in (every AWS endpoint points at it). */
  readonly endpoint: string;
  /** Values for attributes of stood-in blocks that other blocks read (e.g. `iam_permissions`); else a string. */
  readonly standInValues?: Readonly<Record<string, unknown>>;
}

export interface PlanCopy {
  readonly json: Json;
  /** Addresses replaced by stand-ins, e.g. `docker_image.app` -> `terraform_data.docker_image__app`. */
  readonly standIns: ReadonlyMap<string, string>;
  readonly runtimes: ReadonlyMap<string, string>;
  /** Arguments the planning provider does not know, dropped: `address -> block.argument, ...`. */
  readonly dropped: ReadonlyMap<string, string>;
}

const META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);

export function planCopy(original: Json, options: PlanCopyOptions): PlanCopy {
  const json = JSON.parse(JSON.stringify(original)) as Json;
  const terraform = (json.terraform ??= {});
  const required: Json = terraform.required_providers ?? {};
  const others = Object.keys(required).filter((p) => p !== 'aws');
  terraform.required_providers = { aws: { source: 'hashicorp/aws', version: options.awsVersion } };
  delete terraform.backend;
  delete terraform.cloud;

  const providers: Json = json.provider ?? {};
  const awsProviders = Array.isArray(providers.aws) ? providers.aws : providers.aws ? [providers.aws] : [{}];
  // A provider pinned to accounts must learn its account: it asks the stand-in's STS, which answers the pinned one.
  providers.aws = awsProviders.map((p: Json) => ({
    ...p,
    ...offlineAwsSettings(options.endpoint, Array.isArray(p.allowed_account_ids)),
  }));
  json.provider = providers;

  const runtimes = new Map<string, string>();
  for (const [name, fn] of Object.entries<Json>(json.resource?.aws_lambda_function ?? {})) {
    const replacement = RUNTIME_STAND_INS[fn.runtime as string];
    if (replacement) {
      runtimes.set(`aws_lambda_function.${name}`, `${fn.runtime} -> ${replacement}`);
      fn.runtime = replacement;
    }
  }

  const dropped = dropNewerArguments(json);

  const standIns = new Map<string, string>();
  const isOther = (type: string) => others.some((p) => type.startsWith(`${p}_`));
  const referenced = referencedAttributes(json);
  const locals: Json = (json.locals ??= {});
  const standInValue = (address: string) =>
    Object.fromEntries(
      [...(referenced.get(address) ?? [])].map((a) => [a, options.standInValues?.[a] ?? `stand-in-${a}`]),
    );

  // Data sources, at the top level and inside check blocks, become locals holding the attributes read.
  const dataSections: Json[] = [json.data ?? {}, ...Object.values<Json>(json.check ?? {}).map((c) => c.data ?? {})];
  for (const section of dataSections) {
    for (const type of Object.keys(section).filter(isOther)) {
      for (const [name, body] of Object.entries<Json>(section[type])) {
        const local = `${type}__${name}`;
        standIns.set(`data.${type}.${name}`, `local.${local}`);
        locals[local] = { ...argumentsOf(body), ...standInValue(`data.${type}.${name}`) };
      }
      delete section[type];
    }
  }
  for (const c of Object.values<Json>(json.check ?? {})) if (c.data && Object.keys(c.data).length === 0) delete c.data;
  if (json.data && Object.keys(json.data).length === 0) delete json.data;

  for (const type of Object.keys(json.resource ?? {}).filter(isOther)) {
    for (const [name, body] of Object.entries<Json>(json.resource[type])) {
      const standIn = `${type}__${name}`;
      standIns.set(`${type}.${name}`, `terraform_data.${standIn}`);
      const meta = Object.fromEntries(
        Object.entries(body).filter(([k]) => META.has(k) && k !== 'provider' && k !== 'lifecycle'),
      );
      ((json.resource.terraform_data ??= {}) as Json)[standIn] = {
        ...meta,
        input: { ...argumentsOf(body), ...standInValue(`${type}.${name}`) },
      };
    }
    delete json.resource[type];
  }
  for (const p of others) {
    if (providers[p] !== undefined) locals[`provider_${p}`] = providers[p];
    delete providers[p];
  }
  if (Object.keys(locals).length === 0) delete json.locals;
  // A move into a stood-in block would name a resource of another type: Terraform checks only the AWS moves.
  if (Array.isArray(json.moved)) {
    json.moved = json.moved.filter((m: { to: string }) => !standIns.has(m.to));
    if (json.moved.length === 0) delete json.moved;
  }

  return { json: rewriteReferences(json, standIns), standIns, runtimes, dropped };
}

/** Provider settings for an offline plan: dummy keys, no account lookup, every endpoint on the stand-in. */
function offlineAwsSettings(endpoint: string, needsAccountId: boolean): Json {
  return {
    access_key: 'AKIASTANDIN000000000',
    secret_key: 'stand-in-secret-key',
    skip_credentials_validation: true,
    skip_requesting_account_id: !needsAccountId,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    endpoints: [Object.fromEntries(STAND_IN_SERVICES.map((s) => [s, endpoint]))],
  };
}

function argumentsOf(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !META.has(k)));
}

const ADDRESS = /(?<![\w.-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)(?:\.([a-z_][a-z0-9_]*))?/g;

/** Every `address -> attributes read` in expressions of the document. */
function referencedAttributes(json: Json): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  walkStrings(json, (s) => {
    if (!s.includes('${')) return s;
    for (const m of s.matchAll(ADDRESS)) if (m[2]) out.set(m[1], (out.get(m[1]) ?? new Set()).add(m[2]));
    return s;
  });
  return out;
}

function rewriteReferences(json: Json, standIns: ReadonlyMap<string, string>): Json {
  const rewrite = (s: string, whole: boolean): string =>
    whole
      ? (standIns.get(s) ?? s)
      : s.replace(ADDRESS, (m: string, address: string, attr?: string) => {
          const to = standIns.get(address);
          if (!to) return m;
          if (to.startsWith('local.')) return attr ? `${to}.${attr}` : to;
          return attr ? `${to}.output.${attr}` : to;
        });
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return v.includes('${') ? rewrite(v, false) : v;
    if (Array.isArray(v)) {
      if (key === 'depends_on') return v.map((d) => rewrite(String(d), true)).filter((d) => !d.startsWith('local.'));
      return v.map((x) => walk(x));
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(json) as Json;
}

function walkStrings(v: unknown, f: (s: string) => string): void {
  if (typeof v === 'string') f(v);
  else if (Array.isArray(v)) v.forEach((x) => walkStrings(x, f));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => walkStrings(x, f));
}

/**
 * Turns a plan copy into a child module of one root that plans every stack in a single Terraform run: its AWS
 * provider block moves to the root (stacks with the same settings share one provider instance; each instance costs
 * Terraform seconds of CPU to load the provider schema), without `default_tags` (tags are not what plan proves).
 */
export function asModule(json: Json): { module: Json; provider: Json } {
  const module = JSON.parse(JSON.stringify(json)) as Json;
  const [provider] = module.provider.aws as Json[];
  delete module.provider.aws;
  if (Object.keys(module.provider).length === 0) delete module.provider;
  const { default_tags: _tags, ...settings } = provider;
  return { module, provider: settings };
}
/* eslint-enable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- end of the file: the Json rewrites above */
