/**
 * Reading attribute values of synthesized Terraform JSON. A value may be a literal, or hold a Terraform expression
 * (`${...}` or a `%{...}` directive) that is only known at plan time; rules treat such values as unknown, never as
 * wrong. `$${` is Terraform's escape for a literal `${`.
 */

/** One piece of a Terraform template string: literal text or an interpolated expression. */
export interface TemplatePart {
  readonly kind: 'literal' | 'expression';
  readonly text: string;
}

/** Splits a template string into literal text and `${...}`/`%{...}` expressions (nested braces and quotes allowed). */
export function templateParts(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < s.length) {
    const opens = (s[i] === '$' || s[i] === '%') && s[i + 1] === '{';
    if (opens && s[i - 1] === s[i]) {
      literal = `${literal.slice(0, -1)}${s[i]}{`; // `$${` / `%%{` escape
      i += 2;
      continue;
    }
    if (!opens) {
      literal += s[i];
      i += 1;
      continue;
    }
    const end = closingBrace(s, i + 2);
    if (literal) parts.push({ kind: 'literal', text: literal });
    literal = '';
    parts.push({ kind: 'expression', text: s.slice(i + 2, end) });
    i = end + 1;
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return parts;
}

function closingBrace(s: string, from: number): number {
  let depth = 1;
  let quote = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i;
  }
  return s.length; // unterminated: treat the rest as expression
}

export function hasExpression(s: string): boolean {
  return /[$%]\{/.test(s) && templateParts(s).some((p) => p.kind === 'expression');
}

/** True when the value, at any depth, contains no Terraform expression. */
export function isKnown(v: unknown): boolean {
  if (typeof v === 'string') return !hasExpression(v);
  if (Array.isArray(v)) return v.every(isKnown);
  if (v !== null && typeof v === 'object') return Object.values(v).every(isKnown);
  return true;
}

/** A literal string, or undefined when absent or only known at plan time. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && !hasExpression(v) ? v : undefined;
}

/** A literal number (Terraform accepts numbers as strings too). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/** A literal list; a single value counts as a one-element list; undefined when the list itself is an expression. */
export function list(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v as unknown[];
  if (typeof v === 'string' && hasExpression(v)) return undefined;
  return [v];
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A nested block as a list of objects: Terraform JSON writes a block as one object or a list of objects. Absent
 * gives []; undefined means the block is produced by an expression (unknown).
 */
export function blocks(v: unknown): Obj[] | undefined {
  if (v === undefined || v === null) return [];
  if (isObj(v)) return [v];
  if (Array.isArray(v)) return v.every(isObj) ? v : undefined;
  return undefined;
}

/** The first block, or undefined when absent or unknown. */
export function block(v: unknown): Obj | undefined {
  return blocks(v)?.[0];
}

/**
 * Parses a JSON document held in a string attribute (policies, container definitions, event patterns). Terraform
 * references inside JSON string values are fine; a document produced by an expression (`${jsonencode(...)}`) or
 * with expressions outside string values is unknown.
 */
export function parseJsonAttribute(v: unknown): unknown {
  if (typeof v !== 'string') return undefined;
  const trimmed = v.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}
