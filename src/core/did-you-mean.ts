/** Edit distance (insertions, deletions, substitutions), ignoring case: how far a typo is from a known name. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The known names closest to `given`, when any is close enough to be the intended one: within a third of the
 * name's length (at least 2 edits), or containing it / contained in it (a missing prefix or suffix).
 */
export function closestNames(given: string, known: readonly string[]): string[] {
  const lower = given.toLowerCase();
  const scored = known.map((name) => {
    const other = name.toLowerCase();
    const contains = lower.length >= 4 && (other.includes(lower) || lower.includes(other));
    return { name, distance: contains ? 0 : editDistance(given, name) };
  });
  const limit = Math.max(2, Math.floor(given.length / 3));
  const best = Math.min(...scored.map((s) => s.distance));
  if (!(best <= limit)) return [];
  return scored.filter((s) => s.distance === best).map((s) => s.name);
}

/** `did you mean X?` (or `X or Y`), or undefined when nothing is close. */
export function didYouMean(given: string, known: readonly string[]): string | undefined {
  const names = closestNames(given, known);
  return names.length > 0 ? `did you mean ${names.join(' or ')}?` : undefined;
}
