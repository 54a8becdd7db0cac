import { existsSync, statSync } from 'node:fs';
import { ExitCode, InputError } from '../../core/errors';
import type { CommandFactory } from '../options';
import { PUBLISHED_SETS, type PublishedSet } from '../../datadog/permissions';
import { reviewedActions } from '../../datadog/permissions';
import {
  apiKeysFromEnv,
  fetchPermissions,
  flagAdditions,
  readPermissionFile,
  recordReviewed,
  SNAPSHOT_DIR,
  updateSnapshot,
  type ActionFacts,
} from '../../datadog/refresh-permissions';
import { matchAction } from '../../rules/iam/iam-actions';
import { datadogSites, type DatadogSite } from '../../datadog/sites';

interface RefreshArgs {
  readonly set: PublishedSet;
  readonly fromFile?: string;
  readonly fromApi: boolean;
  readonly site?: DatadogSite;
  readonly apiUrl?: string;
  readonly snapshotDir: string;
  readonly check: boolean;
  readonly json: boolean;
  readonly accept: readonly string[];
}

/** IAM's catalogue (the rule pack's IAM data) on one action name or pattern. */
function classify(action: string): ActionFacts {
  const m = matchAction(action);
  if (m.kind === 'all') return { known: true, write: true };
  if (m.kind !== 'actions' || m.actions.length === 0) return { known: false, write: false };
  return { known: true, write: m.actions.some((a) => a.write) };
}

/**
 * `stackwright datadog refresh-permissions`: replaces a committed permission snapshot with Datadog's current list
 * (from a file, or from Datadog's API with the user's keys), printing what it adds and drops for review. An added
 * write, wildcard, `iam:` or `*` action is flagged, and nothing is written (exit 1) until each is accepted by name
 * with `--accept`; accepted actions join the reviewed list the policies' suppression covers. With `--check` it only
 * compares and exits 1 when the snapshot is out of date.
 */
export const datadogCommand: CommandFactory = (setExit) => ({
  command: 'datadog',
  describe: 'Datadog helpers (refresh-permissions)',
  builder: (y) =>
    y.command(refreshPermissionsCommand(setExit)).demandCommand(1, 'name a datadog command: refresh-permissions'),
  handler: () => undefined,
});

const refreshPermissionsCommand: CommandFactory = (setExit) => ({
  command: 'refresh-permissions',
  describe: "Update the committed snapshot of Datadog's IAM permission list, printing what it adds and drops",
  builder: (y) =>
    y
      .option('set', { choices: PUBLISHED_SETS, default: 'standard' as PublishedSet, describe: 'Which list' })
      .option('from-file', {
        type: 'string',
        describe: 'Read the list from this JSON file (API response or array of actions)',
      })
      .option('from-api', {
        type: 'boolean',
        default: false,
        describe: 'Read the list from the Datadog API (DD_API_KEY, DD_APP_KEY)',
      })
      .option('site', {
        choices: datadogSites,
        describe: 'Datadog site for --from-api',
        defaultDescription: 'datadoghq.com',
      })
      .option('api-url', {
        type: 'string',
        describe: 'Datadog API base URL for --from-api (default https://api.<site>)',
      })
      .option('snapshot-dir', {
        type: 'string',
        default: SNAPSHOT_DIR,
        defaultDescription: 'src/datadog/data',
        describe: 'Folder of the committed snapshots',
      })
      .option('accept', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'Accept these flagged additions (write, wildcard, iam: or * actions) by name, after review',
      })
      .option('check', { type: 'boolean', default: false, describe: 'Only compare; exit 1 when the snapshot differs' })
      .option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON' }),
  handler: async (argv: RefreshArgs) => {
    if (Boolean(argv.fromFile) === argv.fromApi) {
      throw InputError.single(
        'command line',
        '--from-file / --from-api',
        'name exactly one source',
        '--from-file FILE or --from-api',
      );
    }
    // Flags of the API source would be ignored with a file: refused, so nobody believes a site was read.
    for (const [flag, value] of [
      ['--site', argv.site],
      ['--api-url', argv.apiUrl],
    ] as const)
      if (argv.fromFile && value !== undefined)
        throw InputError.single('command line', flag, 'applies to --from-api only', `drop ${flag} with --from-file`);
    if (!existsSync(argv.snapshotDir) || !statSync(argv.snapshotDir).isDirectory())
      throw InputError.single(
        '--snapshot-dir',
        argv.snapshotDir,
        'is not an existing folder',
        'the folder of the committed snapshots',
      );
    const actions = argv.fromFile
      ? readPermissionFile(argv.fromFile)
      : await fetchPermissions(argv.set, {
          site: argv.site ?? 'datadoghq.com',
          baseUrl: argv.apiUrl,
          ...apiKeysFromEnv(process.env),
        });
    const diff = updateSnapshot(argv.set, actions, argv.snapshotDir, true);
    const reviewed = new Set(reviewedActions(argv.snapshotDir));
    const flagged = flagAdditions(
      diff.added.filter((a) => !reviewed.has(a)),
      classify,
    );
    const stray = argv.accept.filter((a) => !flagged.some((f) => f.action === a));
    if (stray.length > 0) {
      throw InputError.single(
        'command line',
        '--accept',
        `${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} not among the flagged additions`,
        flagged.length > 0 ? flagged.map((f) => f.action).join(', ') : 'nothing is flagged: drop --accept',
      );
    }
    const unaccepted = flagged.filter((f) => !argv.accept.includes(f.action));
    const changed = diff.added.length + diff.dropped.length > 0;
    const write = changed && !argv.check && unaccepted.length === 0;
    if (write) {
      updateSnapshot(argv.set, actions, argv.snapshotDir);
      recordReviewed(argv.accept, argv.snapshotDir);
    }
    if (argv.json)
      process.stdout.write(`${JSON.stringify({ ...diff, changed, flagged, unaccepted, written: write }, null, 2)}\n`);
    else {
      process.stdout.write(
        `${diff.set}: ${diff.total} actions; adds ${diff.added.length}, drops ${diff.dropped.length}\n`,
      );
      const why = new Map(flagged.map((f) => [f.action, f.reasons.join(', ')]));
      for (const a of diff.added)
        process.stdout.write(why.has(a) ? `  + ${a}   <- REVIEW: ${why.get(a)}\n` : `  + ${a}\n`);
      for (const a of diff.dropped) process.stdout.write(`  - ${a}\n`);
      if (!changed) process.stdout.write('The snapshot is up to date.\n');
      else if (argv.check) process.stdout.write(`The snapshot ${diff.file} is out of date.\n`);
      else if (!write)
        process.stdout.write(
          `Not written: ${unaccepted.length} added action(s) widen what Datadog may do. Review them, then run again ` +
            `with --accept ${unaccepted.map((f) => f.action).join(' ')}\n`,
        );
      else
        process.stdout.write(
          `Wrote ${diff.file}: review the change, run \`npx stackwright synth\` (no rebuild needed: synth reads ` +
            `the snapshot at run time), and commit both.\n`,
        );
    }
    setExit((changed && argv.check) || unaccepted.length > 0 ? ExitCode.Findings : ExitCode.Ok);
  },
});
