/** Small SVG helpers shared by the benchmark charts. */

/** The smallest 1, 2 or 5 times a power of ten that is at least v: axis maxima and tick steps. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * power >= v - 1e-9) return m * power;
  return 10 * power;
}

/** Distinct, print-safe series colours (matplotlib's tab10 order). */
export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
] as const;

/** One decimal: coordinates stay short and the output byte-stable. */
export function f1(v: number): string {
  return v.toFixed(1);
}

/** A tick label without float noise (0.30000000000000004 -> 0.3). */
export function trimNumber(v: number): string {
  return String(Number(v.toFixed(6)));
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A plot area and its value ranges; `x`/`y` map values to SVG coordinates. */
export interface PanelSpec {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly xLabel: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMax: number;
  /** A dashed horizontal line with a label, e.g. a threshold. */
  readonly reference?: { readonly value: number; readonly label: string };
}

export interface Panel {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
}

/** Draws a panel's title, grid, tick labels, x-axis label, frame and optional reference line into `out`. */
export function drawPanel(p: PanelSpec, out: string[]): Panel {
  const span = p.xMax - p.xMin || 1;
  const x = (v: number) => p.left + ((v - p.xMin) / span) * p.width;
  const y = (v: number) => p.top + p.height - (v / p.yMax) * p.height;
  out.push(`<text x="${p.left}" y="${p.top - 14}" font-weight="bold">${escapeXml(p.title)}</text>`);
  const yStep = niceCeil(p.yMax / 5);
  for (let v = 0; v <= p.yMax + 1e-9; v += yStep) {
    out.push(`<line x1="${p.left}" x2="${p.left + p.width}" y1="${f1(y(v))}" y2="${f1(y(v))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${p.left - 6}" y="${f1(y(v) + 4)}" text-anchor="end">${trimNumber(v)}</text>`);
  }
  const xStep = niceCeil(span / 6);
  for (let v = Math.ceil(p.xMin / xStep) * xStep; v <= p.xMax + 1e-9; v += xStep) {
    out.push(`<text x="${f1(x(v))}" y="${p.top + p.height + 16}" text-anchor="middle">${trimNumber(v)}</text>`);
  }
  out.push(
    `<text x="${p.left + p.width / 2}" y="${p.top + p.height + 34}" text-anchor="middle">${escapeXml(p.xLabel)}</text>`,
  );
  out.push(`<rect x="${p.left}" y="${p.top}" width="${p.width}" height="${p.height}" fill="none" stroke="#555555"/>`);
  if (p.reference && p.reference.value <= p.yMax) {
    const ry = f1(y(p.reference.value));
    out.push(
      `<line x1="${p.left}" x2="${p.left + p.width}" y1="${ry}" y2="${ry}" stroke="#888888" stroke-dasharray="4 3"/>`,
    );
    out.push(
      `<text x="${p.left + p.width - 4}" y="${f1(y(p.reference.value) - 4)}" text-anchor="end" fill="#666666">${escapeXml(p.reference.label)}</text>`,
    );
  }
  return { x, y };
}

/** A dot at (x, value), or for a value above the axis a triangle on the panel's top edge. */
export function marker(
  x: number,
  value: number,
  yMax: number,
  y: (v: number) => number,
  color: string,
  radius = 2.5,
): string {
  if (value <= yMax) return `<circle cx="${f1(x)}" cy="${f1(y(value))}" r="${radius}" fill="${color}"/>`;
  const top = y(yMax);
  return `<path d="M${f1(x - 4)},${f1(top + 7)} L${f1(x + 4)},${f1(top + 7)} L${f1(x)},${f1(top)} Z" fill="${color}"/>`;
}
