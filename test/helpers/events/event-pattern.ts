// EventBridge pattern matching, for tests only: shows that the rules Stackwright emits match the events they should
// (no matcher library is on the registry).
import { compileValueTest, EventPatternError, isObject, type Leaf, type ValueTest } from './content-filters';

export { EventPatternError } from './content-filters';

/** An EventBridge event pattern, as JSON. */
export type EventPattern = Record<string, unknown>;

/** A compiled pattern: test an event against it as often as needed. */
export type EventMatcher = (event: unknown) => boolean;

/**
 * Compiles an EventBridge event pattern, rejecting patterns EventBridge would reject. Semantics:
 * - every field of the pattern must match (AND); nested objects match nested fields;
 * - a leaf is an array of alternatives (OR): literals match exactly (type included), filter objects match by
 *   content (prefix, suffix, equals-ignore-case, wildcard, exists, numeric, anything-but);
 * - where the event holds an array, the field matches if any element matches;
 * - `$or: [pattern, ...]` at any level matches if any of its sub-patterns does.
 */
export function compileEventPattern(pattern: unknown): EventMatcher {
  if (!isObject(pattern)) throw new EventPatternError('', 'a pattern is a JSON object');
  if (Object.keys(pattern).length === 0) throw new EventPatternError('', 'a pattern needs at least one field');
  return compileObject(pattern, []);
}

/** Parses a pattern from its JSON text (for example a synthesized `event_pattern`) and compiles it. */
export function parseEventPattern(json: string): EventMatcher {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new EventPatternError('', `not JSON: ${(err as Error).message}`);
  }
  return compileEventPattern(parsed);
}

/** One-off convenience: does `event` match `pattern`? */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  return compileEventPattern(pattern)(event);
}

function compileObject(pattern: Record<string, unknown>, path: readonly string[]): EventMatcher {
  const parts: EventMatcher[] = Object.entries(pattern).map(([key, value]) => {
    const where = [...path, key].join('.');
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2 || !value.every((p) => isObject(p) && Object.keys(p).length > 0)) {
        throw new EventPatternError(where, '$or takes a list of at least two non-empty patterns');
      }
      const alternatives = value.map((p) => compileObject(p as Record<string, unknown>, path));
      return (event) => alternatives.some((alt) => alt(event));
    }
    if (isObject(value)) {
      if (Object.keys(value).length === 0)
        throw new EventPatternError(where, 'a nested pattern needs at least one field');
      return compileObject(value, [...path, key]);
    }
    if (!Array.isArray(value) || value.length === 0) {
      throw new EventPatternError(
        where,
        'a leaf must be a non-empty array of values or filters, for example ["ACTIVE"]',
      );
    }
    const tests: ValueTest[] = value.map((element) => compileValueTest(element, where));
    const fieldPath = [...path, key];
    return (event) => {
      const values = leavesAt(event, fieldPath);
      return tests.some((test) => test(values));
    };
  });
  return (event) => parts.every((part) => part(event));
}

/** The scalar values at `path` in the event; arrays at any level are searched element by element. */
function leavesAt(event: unknown, path: readonly string[]): Leaf[] {
  let current: unknown[] = [event];
  for (const key of path) {
    const next: unknown[] = [];
    for (const node of flatten(current)) {
      if (isObject(node) && Object.prototype.hasOwnProperty.call(node, key)) next.push(node[key]);
    }
    current = next;
  }
  return flatten(current).filter((v): v is Leaf => !isObject(v));
}

function flatten(values: readonly unknown[]): unknown[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}
