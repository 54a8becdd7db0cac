import {
  type CommandFactory,
  defaultRenderOptions,
  InputError,
  type SidecarRenderOptions,
  type SidecarVariantName,
  sidecarVariantNames,
  sidecarVariantTable,
} from '@stackwright/generator';
import { defaultBinaries, type LocalBinaries, type RunningVariant } from './runner';
import {
  asInputError,
  commandLine,
  finish,
  loadToolFrom,
  type MeasureArgs,
  measureFlags,
  measureSettingsFrom,
  progressFor,
  runStart,
  withMeasureOptions,
} from '../cli';
import { type Measurement, type MeasureSettings, measureTargets } from '../measure';
import { type BenchTarget, benchTarget } from '../targets';
import { serverVersions, startAll } from './servers';
import { checkWorkDir } from './work-dir';
import { wholeNumber } from '../../common/whole-number';

export interface BenchLocalArgs extends MeasureArgs {
  readonly variants: SidecarVariantName[];
  readonly basePort?: number;
  readonly startTimeout: number;
  readonly workDir?: string;
  readonly upstreamKeepalive?: number;
  readonly workers?: number;
  readonly nginx: string;
  readonly gunicorn: string;
  readonly supervisord: string;
  readonly python: string;
}

const COMMAND = 'bench local';

/**
 * `stackwright bench local`: the post's experiment on this machine. Starts every selected variant natively from
 * the rendered configs, measures them interleaved, and stops everything afterwards, also after an error; on
 * Ctrl-C or SIGTERM the local runner's handlers kill the servers before the process ends.
 */
export const benchLocalCommand: CommandFactory = (setExit) => ({
  command: 'local',
  describe: 'Start the sidecar variants natively (Debian nginx + gunicorn) and benchmark them as the post did',
  builder: (y) =>
    withMeasureOptions(y)
      .option('variants', {
        type: 'string',
        array: true,
        choices: sidecarVariantNames,
        default: [...sidecarVariantNames],
        describe: 'Variants to start and measure',
      })
      .option('base-port', {
        type: 'number',
        describe: `Fixed loopback ports: ${basePortHelp()} (default: free ports)`,
      })
      .option('start-timeout', {
        type: 'number',
        default: 20000,
        describe: 'How long a variant may take to answer through nginx, ms',
      })
      .option('work-dir', {
        type: 'string',
        describe:
          "Where each variant's temporary directory (configs, socket, logs) is created (default: the system temp folder)",
      })
      .option('upstream-keepalive', {
        type: 'number',
        describe: "Idle nginx->app connections kept per worker (default: the images' 16; 0 as in the post)",
      })
      .option('workers', { type: 'number', describe: 'gunicorn workers (default: 1, as in the post)' })
      .option('nginx', { type: 'string', default: defaultBinaries.nginx, describe: 'nginx binary' })
      .option('gunicorn', { type: 'string', default: defaultBinaries.gunicorn, describe: 'gunicorn binary' })
      .option('supervisord', {
        type: 'string',
        default: defaultBinaries.supervisord,
        describe: 'supervisord binary (combined)',
      })
      .option('python', {
        type: 'string',
        default: defaultBinaries.python,
        describe: 'Python that has starlette and uvicorn',
      }),
  handler: async (argv: BenchLocalArgs) => {
    const { settings, variants, binaries, render } = checkLocalArgs(argv);
    const { tool, version } = await loadToolFrom(argv, COMMAND);
    const progress = progressFor(argv);
    const start = runStart();
    progress.update(`starting ${variants.join(', ')}`, true);
    let running: RunningVariant[];
    try {
      running = await startAll(variants, {
        binaries,
        render,
        startTimeoutMs: argv.startTimeout,
        ...(argv.basePort === undefined ? {} : { basePort: argv.basePort }),
        ...(argv.workDir === undefined ? {} : { baseDir: argv.workDir }),
      });
    } catch (err) {
      progress.clear();
      throw asInputError(err, COMMAND);
    }
    let measured: { servers: Record<string, string>; targets: BenchTarget[]; measurement: Measurement };
    try {
      // Only binaries that just served requests are asked for their versions: a broken one could hang instead.
      const servers = { ...(await serverVersions(binaries, variants)), ...serverSettings(render) };
      const targets = running.map((r) => benchTarget(r.variant, new URL(r.url)));
      progress.log(`started ${running.map((r) => `${r.variant} (${r.url})`).join(', ')}`);
      measured = { servers, targets, measurement: await measureTargets(targets, settings, tool, progress) };
    } finally {
      progress.update('stopping the servers', true);
      await Promise.all(running.map((r) => r.stop()));
      progress.clear();
    }
    const command = commandLine(['bench', 'local', ...localFlags(argv, variants), ...measureFlags(argv)]);
    finish({ benchmark: 'local', argv, command, tool, toolVersion: version, settings, start, ...measured }, setExit);
  },
});

type RenderSettings = Pick<
  SidecarRenderOptions,
  'workers' | 'nginxWorkerProcesses' | 'upstreamKeepalive' | 'quietDatadogAgentLogs'
>;

/** Every option checked before anything starts (exit 2 with what is allowed). */
function checkLocalArgs(argv: BenchLocalArgs): {
  settings: MeasureSettings;
  variants: SidecarVariantName[];
  binaries: LocalBinaries;
  render: RenderSettings;
} {
  const settings = measureSettingsFrom(argv);
  const variants = checkVariants(argv);
  if (!Number.isInteger(argv.startTimeout) || argv.startTimeout < 100 || argv.startTimeout > 600_000) {
    throw InputError.single(
      '--start-timeout',
      '',
      `must be a whole number of ms from 100 to 600000, got ${argv.startTimeout}`,
    );
  }
  if (argv.workDir !== undefined) checkWorkDir(argv.workDir);
  const { workers, nginxWorkerProcesses, upstreamKeepalive, quietDatadogAgentLogs } = defaultRenderOptions;
  return {
    settings,
    variants,
    binaries: { nginx: argv.nginx, gunicorn: argv.gunicorn, supervisord: argv.supervisord, python: argv.python },
    render: {
      workers: argv.workers ?? workers,
      nginxWorkerProcesses,
      upstreamKeepalive: argv.upstreamKeepalive ?? upstreamKeepalive,
      quietDatadogAgentLogs,
    },
  };
}

/** How the servers were configured, for the report. */
function serverSettings(render: RenderSettings): Record<string, string> {
  const keepalive =
    render.upstreamKeepalive === 0
      ? 'off (a new app connection per request, as the post)'
      : `${render.upstreamKeepalive} idle app connections per worker`;
  return {
    'nginx settings': `${render.nginxWorkerProcesses} worker process(es), upstream keepalive ${keepalive}, no access log`,
    'gunicorn settings': `${render.workers} uvicorn worker(s)`,
  };
}

function checkVariants(argv: BenchLocalArgs): SidecarVariantName[] {
  const selected = sidecarVariantNames.filter((v) => argv.variants.includes(v));
  if (selected.length === 0)
    throw InputError.single('--variants', '', 'selects no variant', sidecarVariantNames.join(', '));
  // The highest port from the base is the largest offset of the table.
  const topOffset = Math.max(
    ...sidecarVariantTable.flatMap((v) => [v.localPortOffsets.nginx, v.localPortOffsets.app ?? 0]),
  );
  if (argv.basePort !== undefined) wholeNumber('--base-port', argv.basePort, 1024, 65535 - topOffset);
  for (const [flag, v, min, max] of [
    ['--upstream-keepalive', argv.upstreamKeepalive, 0, 1024],
    ['--workers', argv.workers, 1, 64],
  ] as const) {
    if (v !== undefined) wholeNumber(flag, v, min, max);
  }
  return selected;
}

/** The local options that differ from the defaults, for the reproducing command line. */
function localFlags(argv: BenchLocalArgs, variants: readonly SidecarVariantName[]): string[] {
  const flags: string[] = [];
  if (variants.length !== sidecarVariantNames.length) flags.push('--variants', ...variants);
  if (argv.basePort !== undefined) flags.push('--base-port', String(argv.basePort));
  if (argv.upstreamKeepalive !== undefined) flags.push('--upstream-keepalive', String(argv.upstreamKeepalive));
  if (argv.workers !== undefined) flags.push('--workers', String(argv.workers));
  for (const name of ['nginx', 'gunicorn', 'supervisord', 'python'] as const)
    if (argv[name] !== defaultBinaries[name]) flags.push(`--${name}`, argv[name]);
  return flags;
}

/** `nginx of tcp, sharedvol, combined on this port +0, +1, +2, the tcp app on +3`: the table's offsets. */
function basePortHelp(): string {
  const t = sidecarVariantTable;
  const apps = t.flatMap((v) =>
    v.localPortOffsets.app === undefined ? [] : [`the ${v.name} app on +${v.localPortOffsets.app}`],
  );
  const nginx = `nginx of ${t.map((v) => v.name).join(', ')} on this port ${t.map((v) => `+${v.localPortOffsets.nginx}`).join(', ')}`;
  return [nginx, ...apps].join(', ');
}
