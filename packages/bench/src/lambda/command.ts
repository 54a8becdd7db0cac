import { writeFileSync } from 'node:fs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import {
  type CommandFactory,
  DEFAULT_IDLE_GAP_PLAN,
  ExitCode,
  idleGapSequenceMs,
  type IdleGapPlan,
  InputError,
  planProblems,
  planSeconds,
  withJson,
} from '@stackwright/generator';
import { checkOutputFile } from '../common/output-files';
import { wholeNumber } from '../common/whole-number';
import { renderChart } from './chart';
import { formatGapTable } from './gaps';
import { SignedFunctionUrl, type SignerCredentials } from './invoke';
import { buildReport, errorLines, formatTable } from './report';
import { runSchedule } from './runner';
import { checkTargets, targetsFromFlags, targetsFromTerraform, type LambdaTarget } from './targets';

export interface BenchLambdaArgs {
  readonly fromTerraform?: string;
  readonly url?: string[];
  readonly duration: number;
  readonly intervalMs: number;
  readonly region?: string;
  readonly profile?: string;
  readonly chart: string;
  readonly json: boolean;
  readonly schedule: 'steady' | 'idle-gaps';
  readonly gaps?: string;
  readonly rounds: number;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** `stackwright bench lambda`: the keep-alive experiment's load, once a second per function, SigV4-signed. */
export const benchLambdaCommand: CommandFactory = (setExit) => ({
  command: 'lambda',
  describe: 'Call each keep-alive benchmark function once a second (IAM-signed) and compare PutItem latencies',
  builder: (y) =>
    withJson(y)
      .option('from-terraform', {
        type: 'string',
        describe: 'Stack folder to run `terraform output -json` in, or a JSON file of that output',
      })
      .option('url', { type: 'string', array: true, describe: 'name=URL of a function URL (repeatable)' })
      .option('duration', {
        type: 'number',
        default: 30,
        describe: 'Seconds to run; one call per function per interval',
      })
      .option('interval-ms', {
        type: 'number',
        default: 1000,
        describe: 'Time between calls to one function (1000 as in the post)',
      })
      .option('region', {
        type: 'string',
        describe: 'Region to sign for when the URL does not show it (default AWS_REGION)',
      })
      .option('profile', {
        type: 'string',
        describe: 'AWS profile for the credentials (default: the usual credential chain)',
      })
      .option('chart', {
        type: 'string',
        default: 'keepalive-latency.svg',
        describe: 'Where to write the latency chart (SVG)',
      })
      .option('schedule', {
        choices: ['steady', 'idle-gaps'] as const,
        default: 'steady' as const,
        describe:
          'steady: one call per interval (the post). idle-gaps: sweep the idle time before a call across the idle timeouts between Lambda and DynamoDB',
      })
      .option('gaps', {
        type: 'string',
        describe: `idle-gaps: ascending idle seconds, comma-separated (default ${DEFAULT_IDLE_GAP_PLAN.gapsSeconds.join(',')})`,
      })
      .option('rounds', {
        type: 'number',
        default: DEFAULT_IDLE_GAP_PLAN.rounds,
        describe: 'idle-gaps: how often the sweep repeats',
      }),
  handler: async (argv: BenchLambdaArgs) => {
    const targets = resolveTargets(argv);
    const calls = checkSchedule(argv);
    if (argv.schedule !== 'idle-gaps' && argv.gaps !== undefined) {
      throw InputError.single(
        '--gaps',
        argv.gaps,
        'only used with --schedule idle-gaps',
        'add --schedule idle-gaps, or drop --gaps',
      );
    }
    const plan = argv.schedule === 'idle-gaps' ? checkIdleGapPlan(argv) : undefined;
    const credentials = await resolveCredentials(argv.profile);
    const functions = targets.map((t) => new SignedFunctionUrl(t, credentials, REQUEST_TIMEOUT_MS));
    const idleGapsMs = plan && idleGapSequenceMs(plan);
    const names = targets.map((t) => t.name).join(', ');
    process.stderr.write(
      plan
        ? `calling ${names}: ${idleGapsMs!.length} calls each after idle gaps of ${plan.gapsSeconds.join(', ')} s, ` +
            `${plan.rounds} round(s), about ${Math.ceil(planSeconds(plan) / 60)} min\n`
        : `calling ${names}: ${calls} calls each, every ${argv.intervalMs} ms\n`,
    );
    let results;
    try {
      results = await runSchedule(functions, { calls, intervalMs: argv.intervalMs, idleGapsMs });
    } finally {
      for (const f of functions) f.close();
    }
    const timing = plan
      ? { durationSeconds: planSeconds(plan), intervalMs: 0 }
      : { durationSeconds: argv.duration, intervalMs: argv.intervalMs };
    const report = buildReport(targets, results, timing);
    writeFileSync(argv.chart, renderChart(report));
    if (argv.json)
      process.stdout.write(
        `${JSON.stringify({ ...report, schedule: plan ? { idleGaps: plan } : 'steady', chart: argv.chart }, null, 2)}\n`,
      );
    else
      process.stdout.write(`${formatTable(report)}${plan ? `\n${formatGapTable(report)}` : ''}chart: ${argv.chart}\n`);
    const errors = errorLines(report);
    for (const line of errors) process.stderr.write(`${line}\n`);
    if (errors.length > 0) setExit(ExitCode.Findings);
  },
});

function resolveTargets(argv: BenchLambdaArgs): LambdaTarget[] {
  const region = argv.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  const targets = [
    ...(argv.fromTerraform !== undefined ? targetsFromTerraform(argv.fromTerraform, region) : []),
    ...targetsFromFlags(argv.url ?? [], region),
  ];
  checkTargets(targets);
  return targets;
}

function checkSchedule(argv: BenchLambdaArgs): number {
  wholeNumber('--duration', argv.duration, 1, 3600, 'seconds');
  wholeNumber('--interval-ms', argv.intervalMs, 10, 60_000);
  checkOutputFile('--chart', argv.chart, 'keepalive-latency.svg');
  return Math.max(1, Math.floor((argv.duration * 1000) / argv.intervalMs));
}

/** Parses --gaps/--rounds; a plan that cannot show the keep-alive effect is refused with the reason. */
function checkIdleGapPlan(argv: BenchLambdaArgs): IdleGapPlan {
  const gapsSeconds =
    argv.gaps === undefined ? DEFAULT_IDLE_GAP_PLAN.gapsSeconds : argv.gaps.split(',').map((g) => Number(g.trim()));
  if (gapsSeconds.some((g) => !Number.isInteger(g) || g < 1 || g > 900)) {
    throw InputError.single(
      '--gaps',
      argv.gaps ?? '',
      'must be whole seconds from 1 to 900, comma-separated',
      'for example 1,20,45,90,200,420',
    );
  }
  if (!Number.isInteger(argv.rounds) || argv.rounds < 1 || argv.rounds > 20) {
    throw InputError.single('--rounds', String(argv.rounds), 'must be a whole number from 1 to 20');
  }
  const plan = { gapsSeconds, rounds: argv.rounds };
  if (gapsSeconds.some((g, i) => i > 0 && g <= gapsSeconds[i - 1]))
    throw InputError.single('--gaps', argv.gaps ?? '', 'must be strictly ascending');
  // A sweep that misses a timeout still runs (it may be a deliberate spot check), but says what it cannot show.
  for (const p of planProblems(plan)) process.stderr.write(`warning: --gaps: ${p}\n`);
  return plan;
}

/** The standard AWS credential chain (env, profile, SSO, container, instance), resolved once up front to fail fast. */
async function resolveCredentials(profile: string | undefined): Promise<SignerCredentials> {
  const provider = fromNodeProviderChain(profile ? { profile } : {});
  try {
    await provider();
  } catch (err) {
    throw InputError.single(
      'credentials',
      '',
      `no AWS credentials: ${(err as Error).message.split('\n')[0]}`,
      'set AWS_PROFILE (or --profile) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
    );
  }
  return provider;
}
