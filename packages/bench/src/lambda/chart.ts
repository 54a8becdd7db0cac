import { drawPanel, escapeXml, f1, marker, niceCeil, PALETTE, type Panel, trimNumber } from '../common/svg';
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
    points: f.calls
      .filter((c) => c.ms !== undefined)
      .map((c) => ({ t: c.offsetMs / 1000, ms: c.ms as number, cold: c.coldStart === true })),
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
    for (const [pts, p] of [
      [overTime, left],
      [dist, right],
    ] as const) {
      if (pts.length > 1)
        out.push(
          `<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${pts.map((q) => `${f1(q.x)},${f1(p.y(Math.min(q.ms, yMax)))}`).join(' ')}"/>`,
        );
      for (const q of pts) out.push(marker(q.x, q.ms, yMax, p.y, s.color));
    }
  }
  series.forEach((s, i) => {
    const x = PANEL_LEFT_X + (i % LEGEND_PER_ROW) * LEGEND_STEP;
    const y = LEGEND_TOP + Math.floor(i / LEGEND_PER_ROW) * LEGEND_ROW_H;
    const offScale = Math.max(...s.points.map((p) => p.ms).filter((ms) => ms > yMax));
    const note = Number.isFinite(offScale) ? ` \u25B2 ${trimNumber(Math.round(offScale))} ms` : '';
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

/** A panel at `left` from 0 to `xMax`, with the post's 10 ms threshold as its dashed reference line. */
function panel(left: number, title: string, xLabel: string, xMax: number, yMax: number, out: string[]): Panel {
  const reference = { value: SLOW_CALL_MS, label: `${SLOW_CALL_MS} ms` };
  return drawPanel(
    { left, top: TOP, width: PLOT_W, height: PLOT_H, title, xLabel, xMin: 0, xMax, yMax, reference },
    out,
  );
}
