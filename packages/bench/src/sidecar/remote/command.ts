import { type CommandFactory, sidecarVariantNames } from '@stackwright/generator';
import {
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
import { measureTargets } from '../measure';
import { selectTargets, targetsFromFlags, targetsFromTerraform } from './targets';

export interface BenchRemoteArgs extends MeasureArgs {
  readonly fromTerraform?: string;
  readonly terraform: string;
  readonly url?: string[];
  readonly variants?: string[];
}

/**
 * `stackwright bench remote`: the same measurement against a deployed sidecar environment, one target per
 * deployment (`tcp-x86_64`, ...), read from the stack's Terraform outputs or given as name=URL.
 */
export const benchRemoteCommand: CommandFactory = (setExit) => ({
  command: 'remote',
  describe: "Benchmark a deployed sidecar environment's URLs (from Terraform outputs or --url) as the post did",
  builder: (y) =>
    withMeasureOptions(y)
      .option('from-terraform', {
        type: 'string',
        describe: 'Stack folder to run `terraform output -json` in (generated/sidecar), or a JSON file of that output',
      })
      .option('terraform', {
        type: 'string',
        default: 'terraform',
        describe: 'The CLI that runs `output -json` in a --from-terraform folder (for example tofu)',
      })
      .option('url', {
        type: 'string',
        array: true,
        describe: "name=URL of a deployment (repeatable); a name like tcp-x86_64 gets the post's figures beside it",
      })
      .option('variants', {
        type: 'string',
        array: true,
        choices: sidecarVariantNames,
        describe: 'Only these variants (every architecture; default: all targets)',
      }),
  handler: async (argv: BenchRemoteArgs) => {
    const settings = measureSettingsFrom(argv);
    const targets = selectTargets(
      [
        ...(argv.fromTerraform !== undefined ? targetsFromTerraform(argv.fromTerraform, argv.terraform) : []),
        ...targetsFromFlags(argv.url ?? []),
      ],
      argv.variants,
    );
    const { tool, version } = await loadToolFrom(argv, 'bench remote');
    const progress = progressFor(argv);
    const start = runStart();
    progress.log(`benchmarking ${targets.map((t) => t.name).join(', ')}`);
    const measurement = await measureTargets(targets, settings, tool, progress);
    const source = [
      ...(argv.fromTerraform !== undefined ? ['--from-terraform', argv.fromTerraform] : []),
      ...(argv.fromTerraform !== undefined && argv.terraform !== 'terraform' ? ['--terraform', argv.terraform] : []),
      ...(argv.url ?? []).flatMap((u) => ['--url', u]),
      ...(argv.variants?.length ? ['--variants', ...argv.variants] : []),
    ];
    finish(
      {
        benchmark: 'remote',
        argv,
        command: commandLine(['bench', 'remote', ...source, ...measureFlags(argv)]),
        tool,
        toolVersion: version,
        settings,
        targets,
        measurement,
        start,
        servers: null,
      },
      setExit,
    );
  },
});
