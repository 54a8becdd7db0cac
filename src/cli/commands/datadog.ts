import { ExitCode, InputError } from '../../core/errors';
import type { CommandFactory } from '../options';
import { PUBLISHED_SETS, type PublishedSet } from '../../datadog/permissions';
import {
  apiKeysFromEnv,
  fetchPermissions,
  readPermissionFile,
  SNAPSHOT_DIR,
  updateSnapshot,
} from '../../datadog/refresh-permissions';
import { datadogSites, type DatadogSite } from '../../datadog/sites';

interface RefreshArgs {
  readonly set: PublishedSet;
  readonly fromFile?: string;
  readonly fromApi: boolean;
  readonly site: DatadogSite;
  readonly apiUrl?: string;
  readonly snapshotDir: string;
  readonly check: boolean;
  readonly json: boolean;
}

/**
 * `stackwright datadog refresh-permissions`: replaces a committed permission snapshot with Datadog's current list
 * (from a file, or from Datadog's API with the user's keys), printing what it adds and drops for review. With
 * `--check` it only compares and exits 1 when the snapshot is out of date.
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
        default: 'datadoghq.com' as DatadogSite,
        describe: 'Datadog site for --from-api',
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
    const actions = argv.fromFile
      ? readPermissionFile(argv.fromFile)
      : await fetchPermissions(argv.set, { site: argv.site, baseUrl: argv.apiUrl, ...apiKeysFromEnv(process.env) });
    const diff = updateSnapshot(argv.set, actions, argv.snapshotDir, argv.check);
    const changed = diff.added.length + diff.dropped.length > 0;
    if (argv.json)
      process.stdout.write(`${JSON.stringify({ ...diff, changed, written: changed && !argv.check }, null, 2)}\n`);
    else {
      process.stdout.write(
        `${diff.set}: ${diff.total} actions; adds ${diff.added.length}, drops ${diff.dropped.length}\n`,
      );
      for (const a of diff.added) process.stdout.write(`  + ${a}\n`);
      for (const a of diff.dropped) process.stdout.write(`  - ${a}\n`);
      if (!changed) process.stdout.write('The snapshot is up to date.\n');
      else if (argv.check) process.stdout.write(`The snapshot ${diff.file} is out of date.\n`);
      else
        process.stdout.write(
          `Wrote ${diff.file}: review the change, run \`npx stackwright synth\`, and commit both.\n`,
        );
    }
    setExit(changed && argv.check ? ExitCode.Findings : ExitCode.Ok);
  },
});
