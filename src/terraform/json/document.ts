/**
 * A synthesized stack's Terraform JSON document (`cdk.tf.json`) and its resources by type and address. Every reader of
 * Terraform JSON (the rule pack, the cost estimate, `stackwright review`, the tests) goes through this module.
 */
import { reference } from './references';
import { isObj, type Obj } from './values';

/** A resource's attributes and nested blocks, as written in the JSON (including cdktf's `//` metadata). */
export type Attributes = Record<string, unknown>;

/** The parts of a `cdk.tf.json` this reader names; any other top-level key is kept as it is. */
export interface TerraformDocument {
  readonly resource?: Record<string, Record<string, Attributes>>;
  readonly data?: Record<string, Record<string, Attributes>>;
  readonly provider?: Record<string, unknown>;
  readonly terraform?: Obj;
  readonly moved?: readonly Obj[];
  readonly [key: string]: unknown;
}

/** One managed resource of a document. */
export interface Resource {
  readonly type: string;
  readonly name: string;
  readonly attrs: Attributes;
}

/** `type.name`, the resource's Terraform address in a root module. */
export function addressOf(r: Pick<Resource, 'type' | 'name'>): string {
  return `${r.type}.${r.name}`;
}

/** The resources of one type, in the document's order. */
export function resourcesOf(doc: TerraformDocument, type: string): Resource[] {
  const byName = doc.resource?.[type];
  return isObj(byName) ? Object.entries(byName).map(([name, attrs]) => ({ type, name, attrs })) : [];
}

/** The resource types the document declares, sorted. */
export function resourceTypes(doc: TerraformDocument): string[] {
  return Object.keys(doc.resource ?? {}).sort();
}

/** Every managed resource, by address, in address order. */
export function resourcesByAddress(doc: TerraformDocument): Map<string, Resource> {
  const all = resourceTypes(doc).flatMap((t) => resourcesOf(doc, t));
  return new Map(all.map((r) => [addressOf(r), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The resource at `type.name`, when the document declares it. */
export function resourceAt(doc: TerraformDocument, address: string): Resource | undefined {
  const dot = address.indexOf('.');
  if (dot < 0 || address.startsWith('data.')) return undefined;
  const type = address.slice(0, dot);
  const name = address.slice(dot + 1);
  const attrs = doc.resource?.[type]?.[name];
  return isObj(attrs) ? { type, name, attrs } : undefined;
}

/** The resource a `${type.name.attribute}` expression points at, if it is one of this document's. */
export function resolveRef(doc: TerraformDocument, expression: unknown): Resource | undefined {
  const ref = reference(expression);
  return ref ? resourceAt(doc, ref.address) : undefined;
}

/** A readable label: the resource's own `function_name`, `name` or `Name` tag when literal, else its Terraform name. */
export function labelOf(r: Resource): string {
  const a = r.attrs;
  const name = a.function_name ?? a.name ?? (isObj(a.tags) ? a.tags.Name : undefined);
  return typeof name === 'string' && !name.includes('${') ? name : r.name;
}

/** The document's `moved` blocks as from/to address pairs (cdktf writes them as a list). */
export function movedBlocks(doc: TerraformDocument): { readonly from: string; readonly to: string }[] {
  const moved = Array.isArray(doc.moved) ? doc.moved : isObj(doc.moved) ? [doc.moved] : [];
  return moved
    .filter(isObj)
    .map((m) => ({ from: typeof m.from === 'string' ? m.from : '', to: typeof m.to === 'string' ? m.to : '' }))
    .filter((m) => m.from !== '' && m.to !== '');
}
