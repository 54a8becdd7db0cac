import { renderChart } from '../../../packages/bench/src/sidecar/chart';
import { renderMarkdown } from '../../../packages/bench/src/sidecar/markdown';
import { fakeReport } from './fixtures';

const local = fakeReport('local', { tcp: [700, 690, 710], sharedvol: [720, 730, 740], combined: [705, 680, 700] });

describe('Markdown report', () => {
  const md = renderMarkdown(local, { chartLink: 'local.svg', note: 'Shared 2-core machine: expect noise.' });

  it('starts with the command that reproduces it, the date and the note', () => {
    expect(md).toContain('# Container-to-container benchmark: local run (native nginx and gunicorn)');
    expect(md).toContain('```sh\nnode bin/stackwright.js bench local --requests 100\n```');
    expect(md).toContain('Run on 2025-01-02 (03:04-03:09 UTC) with autocannon 9.0.0.');
    expect(md).toContain('> Shared 2-core machine: expect noise.');
  });

  it("gives the post's table with median and range, and the comparison with tcp", () => {
    expect(md).toContain('| variant | requests/s (mean) | time per request, ms (mean) | p99, ms | vs tcp |');
    expect(md).toMatch(
      /\| `tcp` \| \*\*700\.0\*\* \[690\.0-710\.0\] \| \*\*1\.429\*\* \[1\.408-1\.449\] \| \*\*[\d.]+\*\* \[[\d.-]+\] \| {2}\|/,
    );
    expect(md).toMatch(/\| `sharedvol` \| \*\*730\.0\*\* \[720\.0-740\.0\] .* \| \+4\.3% req\/s \(beyond spread\) \|/);
  });

  it("sets the post's published numbers beside ours, with both ratios to tcp", () => {
    expect(md).toContain("## Beside the post's published numbers");
    expect(md).toContain('| `tcp` | 700.0 | 679.77 | 1.000 | 1.000 | 1.429 / - |');
    expect(md).toContain('| `sharedvol` | 730.0 | 715.62 | 1.043 | 1.053 | 1.370 / - |');
    expect(md).toContain('| Docker Desktop (local) |');
  });

  it('embeds the chart, lists every run in its interleaved order, the method and the machine', () => {
    expect(md).toContain('![Latency by percentile, one line per repetition](local.svg)');
    expect(md).toContain('| repetition | order | `tcp` | `sharedvol` | `combined` |');
    expect(md).toMatch(
      /\| 2 \| sharedvol, combined, tcp \| 690\.0 \/ [\d.]+ \| 730\.0 \/ [\d.]+ \| 680\.0 \/ [\d.]+ \|/,
    );
    expect(md).toContain(
      '- 10 warm-up requests right before every measured run (not counted); 100 measured requests at concurrency 1',
    );
    expect(md).toContain('- 2 CPUs (Test CPU), 4 GiB memory, Linux 6.1');
    expect(md).toContain('- nginx: nginx version: nginx/1.22.1');
    expect(md).toContain('- Load average (1, 5, 15 min): 1.5, 1, 0.5 at the start, 2, 1.2, 0.6 at the end');
    expect(md).not.toContain('## Problems');
  });

  it('shows AWS figures for deployments and lists problems', () => {
    const remote = renderMarkdown(
      fakeReport(
        'remote',
        { 'tcp-x86_64': [440, 450, 445], 'combined-x86_64': [420, 430, 425] },
        { failedIn: 'combined-x86_64' },
      ),
    );
    expect(remote).toContain('# Container-to-container benchmark: deployed environment');
    expect(remote).toMatch(
      /\| `combined-x86_64` \| 425\.0 \| 428\.60 \| 0\.955 \| 0\.958 \| [\d.]+ \/ 2\.333 \| [\d.]+ \/ 4 \| AWS Fargate x86_64 \|/,
    );
    expect(remote).toContain('## Problems\n\n- `combined-x86_64` repetition 2: 3 of 100 requests failed');
    expect(remote).not.toContain('## Latency distribution');
  });
});

describe('SVG chart', () => {
  const svg = renderChart(local);

  it('draws one line per repetition per target in each panel, and a legend per target', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1000" height="\d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(3 * 3 * 2);
    // Each target's colour: its three runs in two panels.
    expect(svg.match(/<polyline fill="none" stroke="#1f77b4"/g)).toHaveLength(6);
    expect(svg).toContain('All requests');
    expect(svg).toContain('The tail');
    expect(svg).toMatch(/tcp: p50 [\d.]+ ms, p99 [\d.]+ ms \(medians over repetitions\); slowest request 2 ms/);
    expect(svg).toContain('local: 100 requests at concurrency 1, 3 repetitions (one line each), autocannon 9.0.0');
  });

  it('marks values above the scale with triangles and depends only on the report', () => {
    expect(svg).not.toContain('<path ');
    const slow = renderChart(fakeReport('local', { tcp: [700, 690, 710] }, { slowestMs: 50 }));
    // The slowest request of each run is far above both scales: one triangle per run per panel at the 100th percentile.
    expect(slow.match(/<path d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+ L[\d.]+,[\d.]+ Z" fill="#1f77b4"\/>/g)).toHaveLength(6);
    expect(slow).toContain('slowest request 50 ms');
    expect(renderChart(local)).toBe(svg);
  });
});
