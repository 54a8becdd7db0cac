import { ExitCode } from '../../core/errors';
import { synthesize } from '../../synth/synthesize';
import { driftedFiles } from '../../synth/output-dir';
import { checkOutDir } from '../out-dir';
import {
  folderFilter,
  fromConfig,
  isNarrowed,
  readConfig,
  withConfig,
  withFolders,
  withJson,
  withOut,
  type CommandFactory,
  type FolderArgs,
} from '../options';

export const diffCommand: CommandFactory = (setExit) => ({
  command: 'diff',
  describe: 'Exit 1 and name the files when generated/ is not what synth would write now; 0 when it is',
  builder: (y) => withOut(withFolders(withJson(withConfig(y)))),
  handler: async (argv: FolderArgs & { config: string; out: string; json: boolean }) => {
    const config = readConfig(argv.config);
    checkOutDir(argv.out, false);
    const stacks = await fromConfig(argv.config, () =>
      synthesize(config, { ...folderFilter(argv), configFile: argv.config }),
    );
    // With --stack, --target or --region, only those folders are compared: the others may differ and are not reported.
    const drift = driftedFiles(argv.out, stacks, isNarrowed(argv));
    if (argv.json)
      process.stdout.write(
        `${JSON.stringify({ out: argv.out, upToDate: drift.length === 0, drifted: drift }, null, 2)}\n`,
      );
    else if (drift.length === 0) process.stdout.write(`${argv.out}/ is up to date\n`);
    else {
      process.stdout.write(`${argv.out}/ differs from what synth writes now; run \`npx stackwright synth\`:\n`);
      for (const p of drift) process.stdout.write(`  ${argv.out}/${p}\n`);
    }
    setExit(drift.length === 0 ? ExitCode.Ok : ExitCode.Findings);
  },
});
