import { renderChart } from '../../../packages/bench/src/lambda/chart';
import { niceCeil } from '../../../packages/bench/src/common/svg';
import type { LambdaBenchReport } from '../../../packages/bench/src/lambda/report';
import { summarize } from '../../../packages/bench/src/lambda/stats';
import type { CallResult } from '../../../packages/bench/src/lambda/invoke';

function fn(name: string, ms: (number | undefined)[]) {
  const calls: CallResult[] = ms.map((v, seq) => ({
    seq,
    offsetMs: seq * 1000 + 3,
    roundTripMs: 30,
    ms: v,
    coldStart: seq === 0,
    ...(v === undefined ? { error: 'x' } : {}),
  }));
  return { name, url: `https://${name}.example/`, summary: summarize(calls), calls };
}

const report: LambdaBenchReport = {
  durationSeconds: 4,
  intervalMs: 1000,
  functions: [
    fn('python-on', [240, 6, 7, 6.5]),
    fn('python-off', [260, 14, 6, undefined]),
    fn('<odd & name>', [5, 5, 5, 5]),
  ],
};

describe('renderChart', () => {
  const svg = renderChart(report);

  it('draws each function over time and sorted, with a legend entry each', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(6); // 3 functions x 2 panels
    expect(svg).toContain('PutItem latency per call (ms)');
    expect(svg).toContain('&lt;odd &amp; name&gt;');
    expect(svg).not.toContain('<odd');
  });

  it('scales to the warm calls, marks taller cold starts on the top edge and gives their value in the legend', () => {
    // Warm maximum 14 ms -> axis up to 20 ms; the 240 and 260 ms cold starts are triangles in both panels.
    expect(svg.match(/<path d=/g)).toHaveLength(4);
    expect(svg).toContain('>python-on \u25B2 240 ms</text>');
    expect(svg).toContain('>python-off \u25B2 260 ms</text>');
    expect(svg).toContain('>&lt;odd &amp; name&gt;</text>');
    // 11 successful calls, 2 of them clipped, each drawn in both panels; the failed call is not drawn.
    expect(svg.match(/<circle /g)).toHaveLength((11 - 2) * 2);
    expect(svg).toContain('>10 ms</text>');
  });

  it('is a pure function of the report', () => {
    expect(renderChart(report)).toBe(svg);
  });
});

describe('niceCeil', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.5, 3, 14, 15.4, 51, 200].map(niceCeil)).toEqual([1, 1, 2, 5, 20, 20, 100, 200]);
  });
});
