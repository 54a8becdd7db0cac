import { buildStacks } from '../../synth/synthesize';
import { stackDefinitions } from '../../../stacks';
import { fromConfig, readConfig, withConfig, withJson, type CommandFactory } from '../options';

export const listCommand: CommandFactory = () => ({
  command: 'list',
  describe: 'List the stacks the config yields, with their resource counts',
  builder: (y) => withJson(withConfig(y)),
  handler: async (argv: { config: string; json: boolean }) => {
    const config = readConfig(argv.config);
    const built = await fromConfig(argv.config, () => buildStacks(config));
    const rows = built.map((stack) => {
      const json = stack.toTerraform() as { resource?: Record<string, object>; data?: Record<string, object> };
      const count = (b?: Record<string, object>): number => Object.values(b ?? {}).reduce((n, r) => n + Object.keys(r).length, 0);
      const key = stack.node.id as keyof typeof stackDefinitions;
      return { stack: stack.node.id, resources: count(json.resource), dataSources: count(json.data), summary: stackDefinitions[key].summary };
    });
    if (argv.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const r of rows) process.stdout.write(`${r.stack.padEnd(12)} ${String(r.resources).padStart(4)} resources  ${r.summary}\n`);
  },
});
