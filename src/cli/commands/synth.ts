import { ExitCode } from '../../core/errors';
import { synthesize } from '../../synth/synthesize';
import { writeOutDir } from '../../synth/output-dir';
import { formatFinding, runChecks } from '../../rules';
import { checkOutDir, outDirError } from '../out-dir';
import {
  folderFilter,
  withFolders,
  fromConfig,
  readConfig,
  withConfig,
  withJson,
  withOut,
  type CommandFactory,
  type FolderArgs,
  isNarrowed,
} from '../options';

export const synthCommand: CommandFactory = (setExit) => ({
  command: 'synth',
  describe: 'Synthesize the config into generated/ (JSON, HCL and a README per stack), after the rule checks pass',
  builder: (y) => withOut(withFolders(withJson(withConfig(y)))),
  handler: async (argv: FolderArgs & { config: string; out: string; json: boolean }) => {
    const config = readConfig(argv.config);
    checkOutDir(argv.out);
    const stacks = await fromConfig(argv.config, () =>
      synthesize(config, { ...folderFilter(argv), configFile: argv.config }),
    );
    const findings = runChecks(
      stacks.map((s) => ({ stack: s.name, json: s.json })),
      config.rules,
    );
    const errors = findings.filter((f) => f.level === 'error');
    for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
    if (errors.length > 0) {
      process.stderr.write(`synth: ${errors.length} rule error(s); ${argv.out}/ left unchanged\n`);
      setExit(ExitCode.Findings);
      return;
    }
    try {
      writeOutDir(argv.out, stacks, isNarrowed(argv));
    } catch (err) {
      throw outDirError(argv.out, err);
    }
    const summary = stacks.map((s) => ({ stack: s.name, files: [...s.files.keys()].length }));
    if (argv.json) process.stdout.write(`${JSON.stringify({ out: argv.out, stacks: summary, findings }, null, 2)}\n`);
    else for (const s of summary) process.stdout.write(`${argv.out}/${s.stack}: ${s.files} files\n`);
  },
});
