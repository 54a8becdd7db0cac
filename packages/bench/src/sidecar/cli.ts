import { writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode, InputError, SidecarRenderError, withJson } from '@stackwright/generator';
import { LocalRunnerError } from './local/runner';
import { loadAverageNow, machineFacts } from '../common/machine';
import { checkOutputFile } from '../common/output-files';
import { wholeNumber } from '../common/whole-number';
import { Progress } from '../common/progress';
import { renderChart } from './chart';
import { abTool } from './load-ab';
import { autocannonTool } from './load-autocannon';
import { type LoadTool, type LoadToolName, loadTools } from './load';
import { renderMarkdown } from './markdown';
import { type Measurement, type MeasureSettings } from './measure';
import { buildReport, formatTable, problemLines, type SidecarBenchReport } from './report';
import type { BenchTarget } from './targets';

/** The options `bench local` and `bench remote` share, as yargs parses them. */
export interface MeasureArgs {
  readonly requests: number;
  readonly concurrency: number;
  readonly warmup: number;
  readonly repetitions: number;
  readonly timeout: number;
  readonly tool: LoadToolName;
  readonly ab: string;
  readonly json: boolean;
  readonly report?: string;
  readonly chart?: string;
  readonly note?: string;
}

/** The post's defaults: `ab -n 1000 -c 1` after a warm-up; five repetitions give a median and a spread. */
export const measureDefaults = { requests: 1000, concurrency: 1, warmup: 100, repetitions: 5, timeout: 10 } as const;

export function withMeasureOptions<T>(y: Argv<T>) {
  return withJson(y)
    .option('requests', {
      alias: 'n',
      type: 'number',
      default: measureDefaults.requests,
      describe: 'Measured requests per run (ab -n)',
    })
    .option('concurrency', {
      alias: 'c',
      type: 'number',
      default: measureDefaults.concurrency,
      describe: 'Requests in flight at once (ab -c)',
    })
    .option('warmup', {
      type: 'number',
      default: measureDefaults.warmup,
      describe: 'Requests sent and discarded before every measured run (0: none)',
    })
    .option('repetitions', {
      type: 'number',
      default: measureDefaults.repetitions,
      describe: 'Runs per variant, interleaved; figures are the median and range',
    })
    .option('timeout', { type: 'number', default: measureDefaults.timeout, describe: 'Per-request timeout, seconds' })
    .option('tool', {
      type: 'string',
      choices: loadTools,
      default: 'autocannon' as LoadToolName,
      describe:
        'Load generator: in-process autocannon (kept-alive connections) or ab as in the post (a connection per request)',
    })
    .option('ab', {
      type: 'string',
      default: 'ab',
      describe: 'The ab binary (Debian package apache2-utils) for --tool ab',
    })
    .option('report', {
      type: 'string',
      describe: "Write a Markdown report (with the post's numbers beside ours) to this file",
    })
    .option('chart', {
      type: 'string',
      describe: "Write an SVG chart of each variant's latency distribution to this file",
    })
    .option('note', { type: 'string', describe: 'A remark to put at the top of the Markdown report' });
}

/** Validates the shared options before anything starts: bad values exit 2 with what is allowed. */
export function measureSettingsFrom(argv: MeasureArgs): MeasureSettings {
  const requests = wholeNumber('--requests', argv.requests, 1, 10_000_000);
  const concurrency = wholeNumber('--concurrency', argv.concurrency, 1, 1000);
  const warmup = wholeNumber('--warmup', argv.warmup, 0, 1_000_000);
  if (concurrency > requests)
    throw InputError.single(
      '--concurrency',
      '',
      `${concurrency} is more than --requests ${requests}`,
      'at most the number of requests',
    );
  if (warmup > 0 && warmup < concurrency)
    throw InputError.single(
      '--warmup',
      '',
      `${warmup} is fewer than --concurrency ${concurrency}`,
      `0 or at least ${concurrency}`,
    );
  checkOutputFile('--report', argv.report, 'docs/benchmarks/local.md');
  checkOutputFile('--chart', argv.chart, 'docs/benchmarks/local.svg');
  return {
    requests,
    concurrency,
    warmup,
    repetitions: wholeNumber('--repetitions', argv.repetitions, 1, 100),
    timeoutSeconds: wholeNumber('--timeout', argv.timeout, 1, 600),
  };
}

/** The load generator, checked to be there (exit 2 otherwise) before any server starts. */
export async function loadToolFrom(argv: MeasureArgs, command: string): Promise<{ tool: LoadTool; version: string }> {
  const tool = argv.tool === 'ab' ? abTool(argv.ab) : autocannonTool;
  try {
    return { tool, version: await tool.version() };
  } catch (err) {
    throw asInputError(err, command);
  }
}

/** A failure of the user's environment (missing binary, port in use, server not up, bad path) as exit 2. */
export function asInputError(err: unknown, command: string): unknown {
  if (err instanceof LocalRunnerError || err instanceof SidecarRenderError)
    return InputError.single(command, '', err.message);
  return err;
}

/** The shared options as flags, for the reproducing command line. */
export function measureFlags(argv: MeasureArgs): string[] {
  const flags = [
    '--requests',
    String(argv.requests),
    '--concurrency',
    String(argv.concurrency),
    '--warmup',
    String(argv.warmup),
    '--repetitions',
    String(argv.repetitions),
  ];
  if (argv.timeout !== measureDefaults.timeout) flags.push('--timeout', String(argv.timeout));
  flags.push('--tool', argv.tool);
  if (argv.tool === 'ab' && argv.ab !== 'ab') flags.push('--ab', argv.ab);
  if (argv.report) flags.push('--report', argv.report);
  if (argv.chart) flags.push('--chart', argv.chart);
  if (argv.note) flags.push('--note', argv.note);
  return flags;
}

/** `node bin/stackwright.js bench <sub> ...`, each argument quoted for a POSIX shell when it needs it. */
export function commandLine(args: readonly string[]): string {
  return ['node', 'bin/stackwright.js', ...args]
    .map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

export function progressFor(argv: MeasureArgs): Progress {
  return new Progress(process.stderr, { enabled: !argv.json });
}

/** Starting facts, taken before the run so the load average is not the benchmark's own. */
export function runStart(): { startedAt: string; machine: ReturnType<typeof machineFacts> } {
  return { startedAt: new Date().toISOString(), machine: machineFacts() };
}

export interface Finish {
  readonly benchmark: 'local' | 'remote';
  readonly argv: MeasureArgs;
  readonly command: string;
  readonly tool: LoadTool;
  readonly toolVersion: string;
  readonly settings: MeasureSettings;
  readonly targets: readonly BenchTarget[];
  readonly measurement: Measurement;
  readonly start: ReturnType<typeof runStart>;
  readonly servers: Readonly<Record<string, string>> | null;
}

/** Builds the report and writes every output: table or JSON on stdout, Markdown and SVG files, problems on stderr. */
export function finish(f: Finish, setExit: (code: number) => void): SidecarBenchReport {
  const report = buildReport(f.targets, f.measurement, {
    benchmark: f.benchmark,
    command: f.command,
    tool: { name: f.tool.name, version: f.toolVersion, keepAlive: f.tool.keepAlive, connections: f.tool.connections },
    settings: f.settings,
    machine: { ...f.start.machine, loadAverageAtEnd: loadAverageNow() },
    servers: f.servers,
    startedAt: f.start.startedAt,
    finishedAt: new Date().toISOString(),
  });
  const { argv } = f;
  if (argv.chart) writeFileSync(argv.chart, renderChart(report));
  if (argv.report) {
    const chartLink = argv.chart ? relative(dirname(argv.report), argv.chart) : undefined;
    writeFileSync(
      argv.report,
      renderMarkdown(report, { ...(chartLink ? { chartLink } : {}), ...(argv.note ? { note: argv.note } : {}) }),
    );
  }
  if (argv.json) {
    process.stdout.write(
      `${JSON.stringify({ ...report, ...(argv.report ? { reportFile: argv.report } : {}), ...(argv.chart ? { chartFile: argv.chart } : {}) }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(formatTable(report));
    if (argv.report) process.stdout.write(`report: ${argv.report}\n`);
    if (argv.chart) process.stdout.write(`chart: ${argv.chart}\n`);
  }
  const problems = problemLines(report);
  for (const line of problems) process.stderr.write(`${line}\n`);
  if (problems.length > 0) setExit(ExitCode.Findings);
  return report;
}
