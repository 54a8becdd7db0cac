import { listStacks } from '../../synth/stack-list';
import {
  folderFilter,
  fromConfig,
  readConfig,
  withConfig,
  withFolders,
  withJson,
  type CommandFactory,
  type FolderArgs,
} from '../options';

export const listCommand: CommandFactory = () => ({
  command: 'list',
  describe: 'List the stack folders the config yields, with their resource counts (--json: a CI matrix)',
  builder: (y) => withFolders(withJson(withConfig(y))),
  handler: async (argv: FolderArgs & { config: string; json: boolean }) => {
    const config = readConfig(argv.config);
    const rows = await fromConfig(argv.config, () => listStacks(config, folderFilter(argv)));
    if (argv.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    // A target's folders by their path; a single-account config's by the stack's name, as before.
    const width = Math.max(12, ...rows.map((r) => r.folder.length));
    for (const r of rows)
      process.stdout.write(`${r.folder.padEnd(width)} ${String(r.resources).padStart(4)} resources  ${r.summary}\n`);
  },
});
