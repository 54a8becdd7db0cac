import { createHash } from 'node:crypto';

/**
 * A name of at most `max` characters: the name itself when it fits, else its head plus a short stable hash of the
 * whole, so two long environment names that share a prefix still get different names.
 */
export function boundedName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${name.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
