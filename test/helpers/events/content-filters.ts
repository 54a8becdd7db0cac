/**
 * One element of a leaf array in an EventBridge event pattern, compiled to a test over the values found at that
 * field. Every filter except `exists: false` fails when the field is missing.
 */
export type ValueTest = (values: readonly Leaf[]) => boolean;

/** A value at the end of a path in the event: JSON scalars only (objects are not leaves). */
export type Leaf = string | number | boolean | null;

/** The pattern is not one EventBridge would accept. */
export class EventPatternError extends Error {
  constructor(path: string, message: string) {
    super(`event pattern ${path || '(root)'}: ${message}`);
    this.name = 'EventPatternError';
  }
}

const numericOperators = ['<', '<=', '=', '>', '>='] as const;
type NumericOperator = (typeof numericOperators)[number];

/** Compiles one element of a leaf array: a literal (exact match) or a content-filter object. */
export function compileValueTest(element: unknown, path: string): ValueTest {
  if (element === null || ['string', 'number', 'boolean'].includes(typeof element)) {
    return (values) => values.some((v) => v === element);
  }
  if (typeof element !== 'object' || Array.isArray(element)) {
    throw new EventPatternError(path, `array elements must be strings, numbers, booleans, null or filter objects`);
  }
  const keys = Object.keys(element);
  if (keys.length !== 1)
    throw new EventPatternError(path, `a filter object has exactly one key, got ${keys.join(', ') || 'none'}`);
  const [name] = keys;
  const arg = (element as Record<string, unknown>)[name];
  switch (name) {
    case 'prefix':
      return stringTest(arg, path, 'prefix', (v, s) => v.startsWith(s));
    case 'suffix':
      return stringTest(arg, path, 'suffix', (v, s) => v.endsWith(s));
    case 'equals-ignore-case': {
      const expected = requireString(arg, path, name);
      return (values) => values.some((v) => typeof v === 'string' && sameIgnoringCase(v, expected));
    }
    case 'wildcard': {
      const re = wildcardRegExp(requireString(arg, path, name), path);
      return (values) => values.some((v) => typeof v === 'string' && re.test(v));
    }
    case 'exists':
      if (typeof arg !== 'boolean') throw new EventPatternError(path, 'exists takes true or false');
      return (values) => values.length > 0 === arg;
    case 'numeric':
      return numericTest(arg, path);
    case 'anything-but':
      return anythingButTest(arg, path);
    default:
      throw new EventPatternError(
        path,
        `unsupported filter '${name}' (supported: prefix, suffix, equals-ignore-case, wildcard, exists, numeric, anything-but)`,
      );
  }
}

/** `prefix`/`suffix` take a string, or `{ "equals-ignore-case": string }` for a case-insensitive comparison. */
function stringTest(
  arg: unknown,
  path: string,
  name: string,
  test: (value: string, affix: string) => boolean,
): ValueTest {
  if (typeof arg === 'string') return (values) => values.some((v) => typeof v === 'string' && test(v, arg));
  if (isObject(arg) && Object.keys(arg).length === 1 && typeof arg['equals-ignore-case'] === 'string') {
    const affix = (arg['equals-ignore-case'] as string).toLowerCase();
    return (values) => values.some((v) => typeof v === 'string' && test(v.toLowerCase(), affix));
  }
  throw new EventPatternError(path, `${name} takes a string or { "equals-ignore-case": string }`);
}

function numericTest(arg: unknown, path: string): ValueTest {
  if (!Array.isArray(arg) || arg.length === 0 || arg.length % 2 !== 0) {
    throw new EventPatternError(path, 'numeric takes operator/number pairs, for example [">", 0, "<=", 5]');
  }
  const conditions: [NumericOperator, number][] = [];
  for (let i = 0; i < arg.length; i += 2) {
    const [op, n] = [arg[i], arg[i + 1]];
    if (!(numericOperators as readonly unknown[]).includes(op) || typeof n !== 'number' || !Number.isFinite(n)) {
      throw new EventPatternError(
        path,
        `numeric: '${String(op)}' ${String(n)} is not an operator (${numericOperators.join(' ')}) and a number`,
      );
    }
    conditions.push([op as NumericOperator, n]);
  }
  return (values) => values.some((v) => typeof v === 'number' && conditions.every(([op, n]) => compare(v, op, n)));
}

function compare(v: number, op: NumericOperator, n: number): boolean {
  switch (op) {
    case '<':
      return v < n;
    case '<=':
      return v <= n;
    case '=':
      return v === n;
    case '>':
      return v > n;
    case '>=':
      return v >= n;
  }
}

/**
 * `anything-but`: a literal or list of literals, or a prefix/suffix/equals-ignore-case/wildcard filter. Matches
 * when the field is present and some value is not excluded.
 */
function anythingButTest(arg: unknown, path: string): ValueTest {
  const excluded = anythingButExclusion(arg, path);
  return (values) => values.some((v) => !excluded(v));
}

function anythingButExclusion(arg: unknown, path: string): (v: Leaf) => boolean {
  const isLiteral = (x: unknown): boolean => typeof x === 'string' || typeof x === 'number';
  if (isLiteral(arg)) return (v) => v === arg;
  if (Array.isArray(arg)) {
    if (arg.length === 0 || !arg.every(isLiteral))
      throw new EventPatternError(path, 'anything-but takes a non-empty list of strings or numbers');
    return (v) => arg.includes(v);
  }
  if (isObject(arg) && Object.keys(arg).length === 1) {
    const [name] = Object.keys(arg);
    const inner = arg[name];
    switch (name) {
      case 'prefix': {
        const prefix = requireString(inner, path, 'anything-but prefix');
        return (v) => typeof v !== 'string' || v.startsWith(prefix);
      }
      case 'suffix': {
        const suffix = requireString(inner, path, 'anything-but suffix');
        return (v) => typeof v !== 'string' || v.endsWith(suffix);
      }
      case 'equals-ignore-case': {
        const list = typeof inner === 'string' ? [inner] : inner;
        if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string')) {
          throw new EventPatternError(
            path,
            'anything-but equals-ignore-case takes a string or a non-empty list of strings',
          );
        }
        return (v) => typeof v !== 'string' || list.some((s: string) => sameIgnoringCase(v, s));
      }
      case 'wildcard': {
        const re = wildcardRegExp(requireString(inner, path, 'anything-but wildcard'), path);
        return (v) => typeof v !== 'string' || re.test(v);
      }
    }
  }
  throw new EventPatternError(
    path,
    'anything-but takes a string, a number, a list of them, or a prefix/suffix/equals-ignore-case/wildcard object',
  );
}

/** `*` matches any run of characters; `\*` is a literal star and `\\` a literal backslash; `**` is rejected. */
function wildcardRegExp(pattern: string, path: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\')
        throw new EventPatternError(path, `wildcard '${pattern}': a backslash must escape '*' or '\\'`);
      source += `\\${next}`;
      i++;
    } else if (c === '*') {
      if (pattern[i + 1] === '*')
        throw new EventPatternError(path, `wildcard '${pattern}': consecutive '*' are not allowed`);
      source += '[\\s\\S]*';
    } else {
      source += c.replace(/[.+?^${}()|[\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function requireString(arg: unknown, path: string, name: string): string {
  if (typeof arg !== 'string') throw new EventPatternError(path, `${name} takes a string`);
  return arg;
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
