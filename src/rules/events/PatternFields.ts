import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, parseJsonAttribute, type Obj } from '../../terraform/json';
import { ENVELOPE_FIELDS, EVENT_CATALOG } from './event-catalog';

/**
 * An event pattern must match events that exist: top-level fields of the event envelope, a detail-type the source
 * emits, `detail` fields that exist for that source and detail-type, and every value a list or a nested object
 * (EventBridge rejects bare values). A field that does not exist matches nothing, silently.
 */
export default defineRule({
  id: 'Events-PatternFields',
  appliesTo: ['aws_cloudwatch_event_rule'],
  check: (rule) => {
    const pattern = parseJsonAttribute(rule.body.event_pattern);
    if (!isObj(pattern)) return notApplicable;
    const problems = [...bareValues(pattern, ''), ...alternatives(pattern).flatMap((alt) => fieldProblems(alt))];
    return verdict([...new Set(problems)]);
  },
});

/** A pattern with top-level `$or` stands for several patterns; fields outside the `$or` apply to each. */
function alternatives(pattern: Obj): Obj[] {
  const { $or, ...rest } = pattern;
  return Array.isArray($or) && $or.every(isObj) ? $or.map((alt) => ({ ...rest, ...alt })) : [pattern];
}

function fieldProblems(pattern: Obj): string[] {
  const problems = Object.keys(pattern)
    .filter((k) => k !== '$or' && !ENVELOPE_FIELDS.includes(k))
    .map((k) => `'${k}' is not a top-level field of EventBridge events`);
  const sources = literals(pattern.source);
  if (!sources || sources.length === 0 || sources.some((s) => !EVENT_CATALOG[s])) return problems;
  const types = literals(pattern['detail-type']);
  if (types === undefined) return problems;
  const fields = new Set<string>();
  for (const source of sources) {
    const catalog = EVENT_CATALOG[source];
    const wanted = types.length > 0 ? types : Object.keys(catalog);
    for (const t of wanted) {
      if (catalog[t]) catalog[t].forEach((f) => fields.add(f));
      else if (sources.length === 1)
        problems.push(`detail-type '${t}' is not an event of ${source} (${Object.keys(catalog).join(', ')})`);
    }
  }
  if (fields.size === 0 || !isObj(pattern.detail)) return problems;
  const what = `${sources.join(', ')}${types.length > 0 ? ` "${types.join('", "')}"` : ''}`;
  for (const detail of alternatives(pattern.detail)) {
    for (const k of Object.keys(detail)) {
      if (k !== '$or' && !fields.has(k)) problems.push(`detail.${k} is not a field of ${what} events`);
    }
  }
  return problems;
}

/** The literal strings of a pattern value; undefined when it uses content filters (prefix, anything-but...). */
function literals(v: unknown): string[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
  return v;
}

/** EventBridge needs every leaf of a pattern to be a list (of values or content filters). */
function bareValues(pattern: Obj, prefix: string): string[] {
  return Object.entries(pattern).flatMap(([k, v]) => {
    if (k === '$or') return Array.isArray(v) ? v.filter(isObj).flatMap((alt) => bareValues(alt, prefix)) : [];
    if (Array.isArray(v)) return [];
    if (isObj(v)) return bareValues(v, `${prefix}${k}.`);
    return [`${prefix}${k} is ${JSON.stringify(v)}, not a list of values`];
  });
}
