import { listStacks } from '../../synth/stack-list';
import { fromConfig, readConfig, withConfig, withJson, type CommandFactory } from '../options';

export const listCommand: CommandFactory = () => ({
  command: 'list',
  describe: 'List the stacks the config yields, with their resource counts',
  builder: (y) => withJson(withConfig(y)),
  handler: async (argv: { config: string; json: boolean }) => {
    const config = readConfig(argv.config);
    const rows = await fromConfig(argv.config, () => listStacks(config));
    if (argv.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const r of rows)
      process.stdout.write(`${r.stack.padEnd(12)} ${String(r.resources).padStart(4)} resources  ${r.summary}\n`);
  },
});
