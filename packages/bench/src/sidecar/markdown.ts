import { baselineVariant } from '@stackwright/generator';
import type { Spread } from '../common/figures';
import { comparisonText, type SidecarBenchReport, type TargetSummary } from './report';

export interface MarkdownOptions {
  /** Path of the chart relative to the report, to embed it. */
  readonly chartLink?: string;
  /** Free text a reader should know (for example: the machine is shared). */
  readonly note?: string;
}

/**
 * The run as a Markdown page: the post's table with median [min-max] per figure, the post's published numbers
 * beside ours (with the ratios to tcp, the only thing two different machines can compare), every run in its
 * interleaved order, how it was measured and on what machine, and the command that reproduces it.
 */
export function renderMarkdown(report: SidecarBenchReport, options: MarkdownOptions = {}): string {
  const s = report.settings;
  const where = report.benchmark === 'local' ? 'local run (native nginx and gunicorn)' : 'deployed environment';
  const lines: string[] = [
    `# Container-to-container benchmark: ${where}`,
    '',
    'Produced by this command (from the repository root):',
    '',
    '```sh',
    report.command,
    '```',
    '',
    `Run on ${report.startedAt.slice(0, 10)} (${report.startedAt.slice(11, 16)}-${report.finishedAt.slice(11, 16)} UTC) with ${report.tool.version}.`,
    ...(options.note ? ['', `> ${options.note.replace(/\n/g, '\n> ')}`] : []),
    '',
    '## Results',
    '',
    '| variant | requests/s (mean) | time per request, ms (mean) | p99, ms | vs tcp |',
    '| --- | ---: | ---: | ---: | --- |',
    ...report.targets.map((t) =>
      row([
        `\`${t.name}\``,
        spreadCell(t.requestsPerSecond, 1),
        spreadCell(t.timePerRequestMs, 3),
        spreadCell(t.p99Ms, 2),
        t.vsBaseline ? comparisonText(t.vsBaseline) : '',
      ]),
    ),
    '',
    `Each figure is the **median** of ${s.repetitions} repetitions of ${s.requests} requests at concurrency ${s.concurrency}, with the`,
    'range [min-max] over the repetitions. "beyond spread" means the two variants\' ranges of requests/s do not',
    'overlap; "within spread" means these repetitions cannot tell them apart.',
    '',
    ...publishedSection(report),
    ...(options.chartLink
      ? ['## Latency distribution', '', `![Latency by percentile, one line per repetition](${options.chartLink})`, '']
      : []),
    ...runsSection(report),
    ...methodSection(report),
    ...machineSection(report),
    ...problemsSection(report),
  ];
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

function publishedSection(report: SidecarBenchReport): string[] {
  const withPublished = report.targets.filter((t) => t.published);
  if (withPublished.length === 0) return [];
  const ratio = (t: TargetSummary, pick: (x: TargetSummary) => number | undefined) => {
    const base = report.targets.find((b) => b.variant === baselineVariant() && b.architecture === t.architecture);
    const a = base ? pick(base) : undefined;
    const b = pick(t);
    return a && b ? (b / a).toFixed(3) : '-';
  };
  return [
    "## Beside the post's published numbers",
    '',
    '| variant | requests/s: ours | requests/s: post | ratio to tcp: ours | ratio to tcp: post ' +
      '| ms per request: ours / post | p99 ms: ours / post | post measured on |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...withPublished.map((t) => {
      const p = t.published as NonNullable<TargetSummary['published']>;
      return row([
        `\`${t.name}\``,
        num(t.requestsPerSecond?.median, 1),
        p.requestsPerSecond.toFixed(2),
        ratio(t, (x) => x.requestsPerSecond?.median),
        ratio(t, (x) => x.published?.requestsPerSecond),
        `${num(t.timePerRequestMs?.median, 3)} / ${num(p.timePerRequestMs, 3)}`,
        `${num(t.p99Ms?.median, 2)} / ${p.p99Ms ?? '-'}`,
        p.source.replace(/^the post, /, ''),
      ]);
    }),
    '',
    "The post ran `ab -n 1000 -c 1 -l` once per variant; its local numbers come from Docker Desktop on the author's",
    'machine (requests/s only were published), its AWS numbers from CloudShell against Fargate behind an ALB (p99 in',
    "whole milliseconds, as ab's table prints it). Absolute numbers depend on the machine; the ratios to tcp are what",
    'can be compared.',
    '',
  ];
}

function runsSection(report: SidecarBenchReport): string[] {
  const names = report.targets.map((t) => t.name);
  const byKey = new Map(report.targets.flatMap((t) => t.runs.map((r) => [`${t.name}#${r.repetition}`, r] as const)));
  return [
    '## Every run',
    '',
    'Requests/s and p99 ms of each measured run; the order rotates every repetition so that drift of the machine',
    'favours no variant.',
    '',
    `| repetition | order | ${names.map((n) => `\`${n}\``).join(' | ')} |`,
    `| ---: | --- | ${names.map(() => '---:').join(' | ')} |`,
    ...report.schedule.map(({ repetition, order }) =>
      row([
        String(repetition),
        order.join(', '),
        ...names.map((n) => {
          const r = byKey.get(`${n}#${repetition}`);
          if (!r) return '-';
          return r.error ? 'failed' : `${r.requestsPerSecond.toFixed(1)} / ${r.latencyMs.p99.toFixed(2)}`;
        }),
      ]),
    ),
    '',
  ];
}

function methodSection(report: SidecarBenchReport): string[] {
  const s = report.settings;
  const local = report.benchmark === 'local';
  return [
    '## Method',
    '',
    ...(local
      ? [
          '- Every variant runs natively from the same rendered configs as the images: nginx and gunicorn (uvicorn',
          '  worker, starlette app) from Debian, each variant with its own processes; `tcp` proxies over loopback TCP,',
          '  `sharedvol` and `combined` over a unix socket, `combined` under supervisord. All variants run during the',
          '  whole benchmark; only one is under load at a time.',
        ]
      : ['- Every deployment is reached at its URL from this machine; the load balancer is part of every figure.']),
    `- Load: ${report.tool.version}; connections: ${report.tool.connections}.`,
    `- ${s.warmup > 0 ? `${s.warmup} warm-up requests right before every measured run (not counted)` : 'no warm-up'}; ` +
      `${s.requests} measured requests at concurrency ${s.concurrency}; request timeout ${s.timeoutSeconds} s.`,
    '- requests/s = completed requests / wall time from the first request to the last response; time per request =',
    "  concurrency x wall time / completed requests (ab's definitions); p99 = 99th percentile of the latencies",
    report.tool.name === 'ab'
      ? "  (from ab's `-e` percentile file, microsecond precision; ab's printed table rounds to whole ms)."
      : '  of the 2xx responses, each timed by autocannon.',
    `- ${s.repetitions} repetitions, variants interleaved with a rotating order (see "Every run").`,
    '',
  ];
}

function machineSection(report: SidecarBenchReport): string[] {
  const m = report.machine;
  return [
    '## Machine',
    '',
    `- ${m.cpus} CPU${m.cpus === 1 ? '' : 's'} (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.kernel}`,
    `- Node.js ${m.node}`,
    ...Object.entries(report.servers ?? {}).map(([name, version]) => `- ${name}: ${version}`),
    `- Load average (1, 5, 15 min): ${m.loadAverageAtStart.join(', ')} at the start, ${m.loadAverageAtEnd.join(', ')} at the end`,
    '',
  ];
}

function problemsSection(report: SidecarBenchReport): string[] {
  const problems = report.targets.flatMap((t) => t.problems.map((p) => `- \`${t.name}\` ${p}`));
  return problems.length ? ['## Problems', '', ...problems, ''] : [];
}

function spreadCell(s: Spread | null, decimals: number): string {
  return s ? `**${s.median.toFixed(decimals)}** [${s.min.toFixed(decimals)}-${s.max.toFixed(decimals)}]` : '-';
}

function num(v: number | undefined, decimals: number): string {
  return v === undefined ? '-' : v.toFixed(decimals);
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}
