/**
 * Aligns rows of cells into columns separated by two spaces: the first `leftColumns` columns left-aligned (names),
 * the rest right-aligned (numbers). A rule of dashes follows the first `headerRows` rows.
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  options: { leftColumns?: number; headerRows?: number } = {},
): string {
  const left = options.leftColumns ?? 1;
  const headerRows = options.headerRows ?? 1;
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    widths
      .map((w, c) => (c < left ? (r[c] ?? '').padEnd(w) : (r[c] ?? '').padStart(w)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = rows.map(line);
  if (headerRows > 0 && headerRows <= out.length) out.splice(headerRows, 0, rule);
  return out.join('\n') + '\n';
}
