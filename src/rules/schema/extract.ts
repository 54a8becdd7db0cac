/**
 * Extracts what the schema rules need from a cdktf provider package's jsii assembly (`.jsii`, large for AWS): per
 * resource and data source type, its attribute and block names and which are required. The result is far smaller;
 * it is built once per provider version and cached (see provider-schema.ts).
 */

/** A field of a resource or block: `r` when required, `b` with the nested block's (or object's) fields. */
export interface FieldSchema {
  readonly r?: 1;
  readonly b?: BlockSchema;
}
export type BlockSchema = Readonly<Record<string, FieldSchema>>;

export interface ProviderSchema {
  /** Registry source, lower case: `hashicorp/aws`. */
  readonly source: string;
  /** The Terraform provider version the bindings were generated from. */
  readonly version: string;
  /** The npm package and version it was extracted from (the cache key). */
  readonly package: string;
  readonly packageVersion: string;
  readonly resource: Readonly<Record<string, BlockSchema>>;
  readonly data: Readonly<Record<string, BlockSchema>>;
}

interface JsiiType {
  readonly kind?: string;
  readonly base?: string;
  readonly datatype?: boolean;
  readonly docs?: { readonly summary?: string; readonly remarks?: string };
  readonly initializer?: { readonly parameters?: ReadonlyArray<{ readonly name: string; readonly type: JsiiTypeRef }> };
  readonly properties?: ReadonlyArray<{
    readonly name: string;
    readonly optional?: boolean;
    readonly docs?: JsiiType['docs'];
    readonly type: JsiiTypeRef;
  }>;
}
interface JsiiTypeRef {
  readonly fqn?: string;
  readonly union?: { readonly types: readonly JsiiTypeRef[] };
  readonly collection?: { readonly kind: string; readonly elementtype: JsiiTypeRef };
}

/** `{@link https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/ecs_service aws_ecs_service}` */
const TYPE_LINK =
  /\{@link https:\/\/registry\.terraform\.io\/providers\/([^/]+\/[^/]+)\/([^/]+)\/docs\/(resources|data-sources)\/\S+ ([a-z0-9_]+)\}/;
/** A property's Terraform name, from its doc link: `...ecs_service#network_configuration EcsService#network_configuration}` */
const FIELD_LINK = /#([A-Za-z0-9_]+) [A-Za-z0-9]+#[A-Za-z0-9_]+\}/;

export function extractProviderSchema(
  assembly: { types: Record<string, JsiiType> },
  pkg: string,
  pkgVersion: string,
): ProviderSchema {
  const resource: Record<string, BlockSchema> = {};
  const data: Record<string, BlockSchema> = {};
  let source = '';
  let version = '';
  for (const t of Object.values(assembly.types)) {
    if (t.kind !== 'class' || (t.base !== 'cdktf.TerraformResource' && t.base !== 'cdktf.TerraformDataSource'))
      continue;
    const m = TYPE_LINK.exec(t.docs?.summary ?? '');
    if (!m) continue;
    source = m[1].toLowerCase();
    version = m[2];
    const config = t.initializer?.parameters?.find((p) => p.name === 'config');
    const fields = config ? structFields(assembly.types, config.type.fqn) : {};
    (m[3] === 'resources' ? resource : data)[m[4]] = fields ?? {};
  }
  if (!source) throw new Error(`${pkg}: no Terraform resources found in its jsii assembly`);
  return { source, version, package: pkg, packageVersion: pkgVersion, resource: sorted(resource), data: sorted(data) };
}

function structFields(types: Record<string, JsiiType>, fqn: string | undefined, depth = 0): BlockSchema | undefined {
  const t = fqn ? types[fqn] : undefined;
  if (!t?.datatype || depth > 32) return undefined;
  const fields: Record<string, FieldSchema> = {};
  for (const p of t.properties ?? []) {
    const name = FIELD_LINK.exec(`${p.docs?.summary ?? ''} ${p.docs?.remarks ?? ''}`)?.[1];
    if (!name) continue; // inherited meta-arguments (count, for_each...) have no registry link
    const nested = structFields(types, structRef(p.type), depth + 1);
    fields[name] = { ...(p.optional ? {} : { r: 1 as const }), ...(nested ? { b: nested } : {}) };
  }
  return fields;
}

/** The struct a property holds: itself, one of a union (besides IResolvable), or a list's element. */
function structRef(ref: JsiiTypeRef): string | undefined {
  if (ref.fqn) return ref.fqn;
  if (ref.collection) return structRef(ref.collection.elementtype);
  return ref.union?.types.map(structRef).find((f) => f !== undefined && f !== 'cdktf.IResolvable');
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
