import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../core/errors';
import { matchedFlags } from '../../review/fail-on';
import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { FLAGS, type Flag } from '../../review/report';
import { review } from '../../review/run';
import { DEFAULT_OUT_DIR, writeOutDir } from '../../synth/output-dir';
import { synthesize } from '../../synth/synthesize';
import {
  folderFilter,
  fromConfig,
  readConfig,
  withConfig,
  withFolders,
  type CommandFactory,
  type FolderArgs,
} from '../options';

interface ReviewArgs extends FolderArgs {
  readonly base: string;
  readonly format: 'md' | 'json';
  readonly out?: string;
  readonly jsonOut?: string;
  readonly config: string;
  readonly generated: string;
  readonly headGenerated: boolean;
  readonly failOn?: Flag[];
  readonly terraform: string;
  readonly plan: boolean;
}

/**
 * `stackwright review --base <ref>`: what this change does to the infrastructure, per stack: resource changes (the
 * real Terraform plans the head against a state made from the base), rule findings, cost, IAM and exposure deltas.
 * Exit 0 when the report was written, 1 when a `--fail-on` condition matched, 2 on bad input. docs/review.md.
 */
export const reviewCommand: CommandFactory = (setExit) => ({
  command: 'review',
  describe: 'Report what generated/ changes against a git ref: resource changes, findings, cost (Markdown or JSON)',
  builder: (y) =>
    withFolders(withConfig(y))
      .option('base', { type: 'string', demandOption: true, requiresArg: true, describe: 'Git ref to compare with' })
      .option('format', { choices: ['md', 'json'] as const, default: 'md' as const, describe: 'Report format' })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write the report to this file (else stdout)' })
      .option('json-out', {
        type: 'string',
        requiresArg: true,
        describe: 'Also write the JSON report to this file (the Markdown points to it when truncated)',
      })
      .option('generated', {
        type: 'string',
        default: DEFAULT_OUT_DIR,
        requiresArg: true,
        describe: 'The generated folder (read at the base ref through git)',
      })
      .option('head-generated', {
        type: 'boolean',
        default: false,
        describe: "Compare the working tree's generated/ instead of synthesizing the config",
      })
      .option('fail-on', {
        type: 'string',
        array: true,
        choices: FLAGS,
        describe: 'Exit 1 when the report has any of these',
      })
      .option('terraform', {
        type: 'string',
        default: process.env.STACKWRIGHT_TERRAFORM ?? 'terraform',
        describe: 'Terraform binary (plans run offline against a loopback stand-in)',
      })
      .option('plan', {
        type: 'boolean',
        default: true,
        describe: 'Plan with Terraform (--no-plan: configuration diff only, replacements unknown)',
      }),
  handler: async (argv: ReviewArgs) => {
    const scratch = mkdtempSync(join(tmpdir(), 'stackwright-review-head-'));
    try {
      const config = argv.headGenerated ? undefined : readConfig(argv.config);
      let headDir = argv.generated;
      if (config) {
        const stacks = await fromConfig(argv.config, () =>
          synthesize(config, { ...folderFilter(argv), configFile: argv.config, hcl: false }),
        );
        headDir = join(scratch, 'generated');
        writeOutDir(headDir, stacks);
      }
      const report = await review({
        base: argv.base,
        headDir,
        headLabel: argv.headGenerated ? `${argv.generated}/ (working tree)` : `${argv.config} (working tree)`,
        headConfig: config,
        outDir: argv.generated,
        configFile: argv.config,
        terraform: argv.plan ? argv.terraform : false,
        filter: folderFilter(argv),
      });
      const pointer = argv.jsonOut ? `the JSON report (${argv.jsonOut})` : undefined;
      const text = argv.format === 'json' ? renderJson(report) : renderMarkdown(report, undefined, pointer);
      if (argv.jsonOut) writeFileSync(argv.jsonOut, renderJson(report));
      if (argv.out) writeFileSync(argv.out, text);
      else process.stdout.write(text);
      const matched = matchedFlags(report, argv.failOn ?? []);
      if (matched.length > 0) {
        process.stderr.write(`review: --fail-on matched: ${matched.join(', ')}\n`);
        setExit(ExitCode.Findings);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
});
