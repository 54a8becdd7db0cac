/** Graviton families carry a `g` in their attribute letters (t4g, c7gn, is4gen), plus the first one, a1. */
export function isGravitonInstanceType(instanceType: string): boolean {
  const family = instanceType.split('.')[0] ?? '';
  if (family === 'a1') return true;
  const m = /^[a-z]+\d+([a-z]*)(-[a-z]+)?$/.exec(family);
  return m !== null && (m[1] ?? '').includes('g');
}
