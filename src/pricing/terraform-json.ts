/** Reading synthesized Terraform JSON for the cost estimate: resources by type, and `${type.name.attr}` references. */
export type Attributes = Record<string, unknown>;
export interface TerraformResources {
  readonly resource?: Record<string, Record<string, Attributes>>;
}

export interface Resource {
  readonly type: string;
  readonly name: string;
  readonly attrs: Attributes;
}

export function resourcesOf(json: TerraformResources, type: string): Resource[] {
  return Object.entries(json.resource?.[type] ?? {}).map(([name, attrs]) => ({ type, name, attrs }));
}

export function resourceTypes(json: TerraformResources): string[] {
  return Object.keys(json.resource ?? {}).sort();
}

/** The resource a `${type.name.attribute}` expression points at, if it is one of this stack's. */
export function resolveRef(json: TerraformResources, expression: unknown): Resource | undefined {
  const m = typeof expression === 'string' ? /^\$\{([a-z0-9_]+)\.([^.}]+)\.[^}]+\}$/.exec(expression) : null;
  if (!m) return undefined;
  const attrs = json.resource?.[m[1]]?.[m[2]];
  return attrs ? { type: m[1], name: m[2], attrs } : undefined;
}

/** Whether an expression (or any string inside a value) refers to the given resource. */
export function refersTo(value: unknown, target: Resource): boolean {
  return JSON.stringify(value ?? null).includes(`${target.type}.${target.name}.`);
}

/** A readable label: the resource's own `name`/`function_name` attribute, else its Terraform name. */
export function labelOf(r: Resource): string {
  const a = r.attrs;
  const name = a.function_name ?? a.name ?? (a.tags as Attributes | undefined)?.Name;
  return typeof name === 'string' && !name.includes('${') ? name : r.name;
}

export function num(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}
