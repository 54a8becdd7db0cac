/**
 * References between blocks of one Terraform JSON document. In JSON syntax every expression is a `${...}` template, so
 * a value that is exactly `${type.name.attr}` points at one block, and any template may mention several.
 */
import { templateParts } from './values';

/** `${type.name.attr}` (or `${data.type.name.attr}`) as a whole value: the block it points at. */
export interface Reference {
  /** The block's address: `aws_lb.public` or `data.aws_caller_identity.me`. */
  readonly address: string;
  /** The first attribute named after the address (`arn` in `${aws_lb.public.arn}`). */
  readonly attribute: string;
}

const REFERENCE = /^\$\{((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)(?:\[[^\]]*\])?\}$/;

export function reference(v: unknown): Reference | undefined {
  if (typeof v !== 'string') return undefined;
  const m = REFERENCE.exec(v.trim());
  return m ? { address: m[1], attribute: m[2] } : undefined;
}

/** Every `type.name` address mentioned anywhere inside a string (for values that embed references). */
export function mentionedAddresses(v: string): string[] {
  const out = new Set<string>();
  for (const part of templateParts(v)) {
    if (part.kind !== 'expression') continue;
    for (const m of part.text.matchAll(/\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.[a-z0-9_]+/g)) out.add(m[1]);
  }
  return [...out];
}

/** Whether a value mentions the block at `address` anywhere inside it (any depth, any template). */
export function mentions(value: unknown, address: string): boolean {
  if (typeof value === 'string') return mentionedAddresses(value).includes(address);
  if (Array.isArray(value)) return value.some((v) => mentions(v, address));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => mentions(v, address));
  return false;
}
