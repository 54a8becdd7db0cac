/**
 * The config validators of Terraform's plugin framework and SDK (resourcevalidator.ExactlyOneOf, Conflicting,
 * RequiredTogether, AlsoRequires; stringvalidator.OneOf, RegexMatches, LengthBetween), re-expressed over synthesized
 * Terraform JSON so rules can mirror a provider's own checks offline. Paths are attribute and block names from the
 * resource's root, e.g. `metrics_config.namespace_filters`. A value only known at plan time is `unknown`: the
 * validators then say nothing, as the provider defers such checks to apply.
 */
import { blocks, hasExpression, isObj, type Obj } from '../../terraform/json';

export type Presence = 'set' | 'absent' | 'unknown';

/**
 * Whether a path is set. A nested block written as `{}` is set (present, possibly empty); a parent block that is
 * absent makes its children absent; a dynamic block or expression makes them unknown.
 */
export function presence(body: Obj, path: string): Presence {
  let current: unknown[] = [body];
  for (const name of path.split('.')) {
    const next: unknown[] = [];
    for (const item of current) {
      if (!isObj(item)) return 'unknown';
      if (isObj(item.dynamic) && item.dynamic[name] !== undefined) return 'unknown';
      const v = item[name];
      if (v === undefined || v === null) continue;
      if (typeof v === 'string' && hasExpression(v)) return 'unknown';
      if (isObj(v) || Array.isArray(v)) {
        const bs = blocks(v);
        if (bs === undefined || (Array.isArray(v) && !v.every(isObj)))
          next.push(v); // a list attribute: its value
        else next.push(...bs);
      } else next.push(v);
    }
    if (next.length === 0) return 'absent';
    current = next;
  }
  return 'set';
}

/** Literal values at a path (every block of a list visited), skipping expressions. */
export function valuesAt(body: Obj, path: string): unknown[] {
  let current: unknown[] = [body];
  for (const name of path.split('.')) {
    current = current.flatMap((item) => {
      if (!isObj(item)) return [];
      const v = item[name];
      if (v === undefined || v === null) return [];
      if (isObj(v)) return [v];
      if (Array.isArray(v) && v.length > 0 && v.every(isObj)) return v;
      return [v];
    });
  }
  return current;
}

/** ExactlyOneOf: exactly one of the paths is set (with one path: it is required, `{}` counts as set). */
export function exactlyOneOf(body: Obj, paths: readonly string[]): string[] {
  const states = paths.map((p) => presence(body, p));
  if (states.includes('unknown')) return [];
  const set = paths.filter((_, i) => states[i] === 'set');
  if (set.length === 1) return [];
  if (paths.length === 1)
    return [`'${paths[0]}' must be set (the provider requires the block; it may be empty to use defaults)`];
  return set.length === 0
    ? [`exactly one of ${list(paths)} must be set, none is`]
    : [`exactly one of ${list(paths)} must be set, not ${list(set)}`];
}

/** Conflicting: at most one of the paths is set. */
export function conflicting(body: Obj, paths: readonly string[]): string[] {
  const set = paths.filter((p) => presence(body, p) === 'set');
  return set.length > 1 ? [`${list(set)} conflict: set only one`] : [];
}

/** RequiredTogether: all of the paths are set, or none. */
export function requiredTogether(body: Obj, paths: readonly string[]): string[] {
  const states = paths.map((p) => presence(body, p));
  if (states.includes('unknown')) return [];
  const set = paths.filter((_, i) => states[i] === 'set');
  return set.length > 0 && set.length < paths.length
    ? [`${list(paths)} must be set together; missing ${list(paths.filter((p) => !set.includes(p)))}`]
    : [];
}

/** AlsoRequires: when `path` is set, every one of `required` is too. */
export function alsoRequires(body: Obj, path: string, required: readonly string[]): string[] {
  if (presence(body, path) !== 'set') return [];
  const missing = required.filter((r) => presence(body, r) === 'absent');
  return missing.length > 0 ? [`'${path}' also requires ${list(missing)}`] : [];
}

/** stringvalidator.OneOf over every literal value at the path. */
export function oneOf(body: Obj, path: string, allowed: readonly string[]): string[] {
  return literalStrings(body, path)
    .filter((v) => !allowed.includes(v))
    .map((v) => `'${path}' is '${v}', allowed: ${allowed.join(', ')}`);
}

/** stringvalidator.RegexMatches (Go's RE2 syntax, kept to what JavaScript reads the same way). */
export function regexMatches(body: Obj, path: string, re: RegExp, message: string): string[] {
  return literalStrings(body, path)
    .filter((v) => !re.test(v))
    .map((v) => `'${path}' is '${v}': ${message} (must match ${re.source})`);
}

/** stringvalidator.LengthBetween / validation.StringIsNotEmpty (min 1). */
export function lengthBetween(body: Obj, path: string, min: number, max = Infinity): string[] {
  return literalStrings(body, path)
    .filter((v) => v.length < min || v.length > max)
    .map((v) => `'${path}' is ${v.length} characters, allowed ${min}${max === Infinity ? ' or more' : `-${max}`}`);
}

/** MaxItems of a list or set block. */
export function maxItems(body: Obj, path: string, max: number): string[] {
  const parent = path.split('.').slice(0, -1).join('.');
  const name = path.split('.').pop()!;
  const holders = parent ? valuesAt(body, parent).filter(isObj) : [body];
  return holders
    .map((h) => h[name])
    .filter((v): v is unknown[] => Array.isArray(v) && v.length > max)
    .map((v) => `'${path}' has ${v.length} blocks, at most ${max} allowed`);
}

function literalStrings(body: Obj, path: string): string[] {
  return valuesAt(body, path).filter((v): v is string => typeof v === 'string' && !hasExpression(v));
}

function list(paths: readonly string[]): string {
  return paths.map((p) => `'${p}'`).join(', ');
}
