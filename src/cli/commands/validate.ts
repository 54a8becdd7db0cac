import { DEFAULT_OUT_DIR } from '../../synth/output-dir';
import { stackFolders } from '../../terraform/stack-folders';
import { exitCodeOf, formatResult, validateStacks } from '../../terraform/validate';
import { folderFilter, withFolders, withJson, type CommandFactory, type FolderArgs } from '../options';

/**
 * `stackwright validate`: `terraform init -backend=false` and `terraform validate -json` on every generated stack,
 * with the user's own Terraform and CLI config (registry, mirror or plugin cache). Each stack is validated in a
 * scratch copy, so nothing (.terraform/, lock files) is written into the generated folder.
 */
export const validateCommand: CommandFactory = (setExit) => ({
  command: 'validate',
  describe: 'Run terraform init -backend=false and terraform validate on every generated stack',
  builder: (y) =>
    withFolders(withJson(y))
      .option('out', { alias: 'o', type: 'string', default: DEFAULT_OUT_DIR, describe: 'Folder synth wrote' })
      .option('terraform', {
        type: 'string',
        default: process.env.STACKWRIGHT_TERRAFORM ?? 'terraform',
        describe: 'Terraform binary',
      }),
  handler: async (argv: FolderArgs & { out: string; terraform: string; json: boolean }) => {
    const stacks = stackFolders(argv.out, folderFilter(argv));
    const results = await validateStacks(argv.terraform, argv.out, stacks);
    if (argv.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else for (const r of results) process.stdout.write(formatResult(r));
    setExit(exitCodeOf(results));
  },
});
