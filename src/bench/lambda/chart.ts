import type { LambdaBenchReport } from './report';
import { SLOW_CALL_MS } from './stats';

/**
 * An SVG in the spirit of the post's before/after figures: left, each call's PutItem latency over the run (spiky
 * without keep-alive, flat with it); right, the same calls sorted (the distribution). One colour per function, one
 * shared latency axis. Cold starts usually dwarf warm calls, so the axis is scaled to the warm calls and taller
 * values are drawn as triangles on the top edge; the legend gives each function's tallest such value. The output
 * depends only on the report.
 */
export function renderChart(report: LambdaBenchReport): string {
  const series = report.functions.map((f, i) => ({
    name: f.name,
    color: PALETTE[i % PALETTE.length],
    points: f.calls.filter((c) => c.ms !== undefined).map((c) => ({ t: c.offsetMs / 1000, ms: c.ms as number, cold: c.coldStart === true })),
  }));
  const warm = series.flatMap((s) => s.points.filter((p) => !p.cold).map((p) => p.ms));
  const yMax = niceCeil(Math.max(SLOW_CALL_MS * 1.5, ...warm.map((v) => v * 1.1)));
  const tMax = Math.max(report.durationSeconds, ...series.flatMap((s) => s.points.map((p) => p.t)));
  const legendRows = Math.ceil(series.length / LEGEND_PER_ROW);
  const H = LEGEND_TOP + legendRows * LEGEND_ROW_H + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
  ];

  const left = panel(PANEL_LEFT_X, 'PutItem latency per call (ms)', 'seconds since start', tMax, yMax, out);
  const right = panel(PANEL_RIGHT_X, 'Sorted: share of calls at or below (ms)', '% of calls', 100, yMax, out);
  for (const s of series) {
    const overTime = s.points.map((p) => ({ x: left.x(p.t), ms: p.ms }));
    const sorted = [...s.points].sort((a, b) => a.ms - b.ms);
    const dist = sorted.map((p, i) => ({ x: right.x(((i + 1) / sorted.length) * 100), ms: p.ms }));
    for (const [pts, p] of [[overTime, left], [dist, right]] as const) {
      if (pts.length > 1) out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${pts.map((q) => `${f1(q.x)},${f1(p.y(Math.min(q.ms, yMax)))}`).join(' ')}"/>`);
      for (const q of pts) out.push(marker(q.x, q.ms, yMax, p.y, s.color));
    }
  }
  series.forEach((s, i) => {
    const x = PANEL_LEFT_X + (i % LEGEND_PER_ROW) * LEGEND_STEP;
    const y = LEGEND_TOP + Math.floor(i / LEGEND_PER_ROW) * LEGEND_ROW_H;
    const offScale = Math.max(...s.points.map((p) => p.ms).filter((ms) => ms > yMax));
    const note = Number.isFinite(offScale) ? ` \u25B2 ${trim(Math.round(offScale))} ms` : '';
    out.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${s.color}"/>`);
    out.push(`<text x="${x + 18}" y="${y + 10}">${escapeXml(s.name)}${note}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

const W = 1000;
const TOP = 40;
const PLOT_W = 420;
const PLOT_H = 320;
const PANEL_LEFT_X = 60;
const PANEL_RIGHT_X = 560;
const LEGEND_STEP = 220;
const LEGEND_PER_ROW = 4;
const LEGEND_ROW_H = 20;
const LEGEND_TOP = TOP + PLOT_H + 46;
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

interface Panel {
  x(v: number): number;
  y(ms: number): number;
}

/** Draws a panel's frame, grid, axis labels and the 10 ms reference line; returns its scales. */
function panel(x0: number, title: string, xLabel: string, xMax: number, yMax: number, out: string[]): Panel {
  const x = (v: number) => x0 + (v / (xMax || 1)) * PLOT_W;
  const y = (ms: number) => TOP + PLOT_H - (ms / yMax) * PLOT_H;
  out.push(`<text x="${x0}" y="${TOP - 14}" font-weight="bold">${escapeXml(title)}</text>`);
  const yStep = niceCeil(yMax / 5);
  for (let v = 0; v <= yMax + 1e-9; v += yStep) {
    out.push(`<line x1="${x0}" x2="${x0 + PLOT_W}" y1="${f1(y(v))}" y2="${f1(y(v))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${x0 - 6}" y="${f1(y(v) + 4)}" text-anchor="end">${trim(v)}</text>`);
  }
  const xStep = niceCeil(xMax / 6);
  for (let v = 0; v <= xMax + 1e-9; v += xStep) {
    out.push(`<text x="${f1(x(v))}" y="${TOP + PLOT_H + 16}" text-anchor="middle">${trim(v)}</text>`);
  }
  out.push(`<text x="${x0 + PLOT_W / 2}" y="${TOP + PLOT_H + 34}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  out.push(`<rect x="${x0}" y="${TOP}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#555555"/>`);
  out.push(`<line x1="${x0}" x2="${x0 + PLOT_W}" y1="${f1(y(SLOW_CALL_MS))}" y2="${f1(y(SLOW_CALL_MS))}" stroke="#888888" stroke-dasharray="4 3"/>`);
  out.push(`<text x="${x0 + PLOT_W - 4}" y="${f1(y(SLOW_CALL_MS) - 4)}" text-anchor="end" fill="#666666">${SLOW_CALL_MS} ms</text>`);
  return { x, y };
}

/** A dot, or for a value above the axis a triangle on the top edge. */
function marker(x: number, ms: number, yMax: number, y: (ms: number) => number, color: string): string {
  if (ms <= yMax) return `<circle cx="${f1(x)}" cy="${f1(y(ms))}" r="2.5" fill="${color}"/>`;
  const top = y(yMax);
  return `<path d="M${f1(x - 4)},${f1(top + 7)} L${f1(x + 4)},${f1(top + 7)} L${f1(x)},${f1(top)} Z" fill="${color}"/>`;
}

/** The smallest 1, 2 or 5 times a power of ten that is at least v. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * power >= v - 1e-9) return m * power;
  return 10 * power;
}

function f1(v: number): string {
  return v.toFixed(1);
}

function trim(v: number): string {
  return String(Number(v.toFixed(6)));
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
