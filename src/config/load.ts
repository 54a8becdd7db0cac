import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter } from 'yaml';
import type { z } from 'zod';
import { InputError, type InputProblem } from '../core/errors';
import { stacksSchema } from './schema';
import { configFileSchema, type ConfigFile } from './config-file';

/** The config used when no --config is given. */
export const DEFAULT_CONFIG_FILE = 'stackwright.yaml';

/** Reads, parses and validates a config file; every problem is reported at once as an InputError. */
export function loadConfig(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
    throw InputError.single(file, '', what, 'a readable YAML config file');
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): ConfigFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file: `${file}:${pos.line}:${pos.col}`, path: '', message: `invalid YAML: ${firstLine(e.message)}` };
      }),
    );
  }
  const raw: unknown = doc.toJS();
  const result = configFileSchema.safeParse(raw ?? {});
  if (!result.success) throw new InputError(zodProblems(file, result.error, raw));
  return result.data;
}

/** Turns zod issues into `<file>: <path>: <what> (<allowed>)` problems, with paths as `configPath` writes them. */
export function zodProblems(file: string, error: z.ZodError, raw?: unknown): InputProblem[] {
  return error.issues.map((issue) => {
    const path = configPath(issue.path, raw);
    if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === null) {
      const allowed =
        path === 'stacks'
          ? `at least one stack section: ${Object.keys(stacksSchema.shape).join(', ')}`
          : `expected ${issue.expected}`;
      return { file, path, message: 'is empty (the key has no value)', allowed };
    }
    return { file, path, ...describeIssue(issue) };
  });
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const key of path)
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/**
 * A config path for messages: keys joined with dots; an array element by its `name` when it has one that is unique
 * in its list (`stacks.ecs.clusters[main].services[web].image`), otherwise by its index (`variants.1`).
 */
export function configPath(path: readonly PropertyKey[], raw?: unknown): string {
  let text = '';
  let node: unknown = raw;
  for (const key of path) {
    const element = Array.isArray(node) && typeof key === 'number' ? (node as unknown[])[key] : undefined;
    const name = (element as { name?: unknown } | undefined)?.name;
    const unique =
      typeof name === 'string' && (node as { name?: unknown }[]).filter((e) => e?.name === name).length === 1;
    if (unique) text += `[${name}]`;
    else text += `${text ? '.' : ''}${String(key)}`;
    node = valueAt(node, [key]);
  }
  return text || '(top level)';
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; allowed?: string } {
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
        allowed: 'remove or fix the spelling',
      };
    case 'invalid_value':
      return {
        message: 'value not allowed',
        allowed: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        return { message: issue.message, allowed: `check '${String(issue.discriminator)}'` };
      }
      return { message: issue.message };
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? { message: 'required field is missing', allowed: `expected ${issue.expected}` }
        : { message: issue.message };
    case 'custom': {
      const allowed = (issue.params as { allowed?: string } | undefined)?.allowed;
      return allowed ? { message: issue.message, allowed } : { message: issue.message };
    }
    default:
      return { message: issue.message };
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
