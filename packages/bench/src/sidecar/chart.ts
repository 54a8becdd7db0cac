import { median } from '../common/figures';
import { drawPanel, escapeXml, f1, marker, niceCeil, PALETTE, trimNumber } from '../common/svg';
import type { SidecarBenchReport } from './report';

const W = 1000;
const TOP = 84;
const PLOT_W = 420;
const PLOT_H = 300;
const LEFT_X = 60;
const RIGHT_X = 560;
const LEGEND_TOP = TOP + PLOT_H + 50;
const LEGEND_ROW_H = 20;
const PERCENTILES = Array.from({ length: 101 }, (_, i) => i);
const TAIL_FROM = 90;

/**
 * Each target's latency distribution: the latency at every percentile, one thin line per repetition in the
 * target's colour, so the spread between repetitions shows next to the differences between targets. Left, the
 * whole distribution (scaled to the 90th percentiles); right, the tail from the 90th percentile up (scaled to the
 * 99th). Values above a panel's scale are triangles on its top edge; the legend gives each target's slowest request.
 * The output depends only on the report.
 */
export function renderChart(report: SidecarBenchReport): string {
  const series = report.targets.map((t, i) => {
    const measured = t.runs.filter((r) => r.percentilesMs.length === 101);
    return {
      name: t.name,
      color: PALETTE[i % PALETTE.length],
      curves: measured.map((r) => r.percentilesMs),
      p50: measured.length ? median(measured.map((r) => r.latencyMs.p50)) : null,
      p99: t.p99Ms?.median ?? null,
    };
  });
  const all = series.flatMap((s) => s.curves);
  const yBody = niceCeil(Math.max(0.1, ...all.map((c) => c[90] * 1.25)));
  const yTail = niceCeil(Math.max(0.1, ...all.map((c) => c[99] * 1.1)));
  const H = LEGEND_TOP + series.length * LEGEND_ROW_H + 10;
  const s = report.settings;
  const subtitle =
    `${report.benchmark}: ${s.requests} requests at concurrency ${s.concurrency}, ${s.repetitions} repetitions (one line each), ` +
    `${report.tool.version}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${LEFT_X}" y="20" font-size="14" font-weight="bold">Latency distribution per variant (ms)</text>`,
    `<text x="${LEFT_X}" y="36" fill="#555555">${escapeXml(subtitle)}</text>`,
  ];
  const panels = [
    {
      p: drawPanel(
        {
          left: LEFT_X,
          top: TOP,
          width: PLOT_W,
          height: PLOT_H,
          title: 'All requests',
          xLabel: 'percentile',
          xMin: 0,
          xMax: 100,
          yMax: yBody,
        },
        out,
      ),
      from: 0,
      yMax: yBody,
    },
    {
      p: drawPanel(
        {
          left: RIGHT_X,
          top: TOP,
          width: PLOT_W,
          height: PLOT_H,
          title: 'The tail',
          xLabel: 'percentile',
          xMin: TAIL_FROM,
          xMax: 100,
          yMax: yTail,
        },
        out,
      ),
      from: TAIL_FROM,
      yMax: yTail,
    },
  ];
  for (const { color, curves } of series) {
    for (const curve of curves) {
      for (const { p, from, yMax } of panels) {
        const pts = PERCENTILES.filter((i) => i >= from);
        const points = pts.map((i) => `${f1(p.x(i))},${f1(p.y(Math.min(curve[i], yMax)))}`).join(' ');
        out.push(
          `<polyline fill="none" stroke="${color}" stroke-opacity="0.75" stroke-width="1.2" points="${points}"/>`,
        );
        for (const i of pts) if (curve[i] > yMax) out.push(marker(p.x(i), curve[i], yMax, p.y, color));
      }
    }
  }
  series.forEach((ser, i) => {
    const y = LEGEND_TOP + i * LEGEND_ROW_H;
    const slowest = Math.max(...ser.curves.map((c) => c[100]));
    const text =
      ser.p50 !== null && ser.p99 !== null && Number.isFinite(slowest)
        ? `${ser.name}: p50 ${trimNumber(round2(ser.p50))} ms, p99 ${trimNumber(round2(ser.p99))} ms (medians over repetitions); ` +
          `slowest request ${trimNumber(round2(slowest))} ms`
        : `${ser.name}: no successful run`;
    out.push(`<rect x="${LEFT_X}" y="${y}" width="12" height="12" fill="${ser.color}"/>`);
    out.push(`<text x="${LEFT_X + 18}" y="${y + 10}">${escapeXml(text)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
