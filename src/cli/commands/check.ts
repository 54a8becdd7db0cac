import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE } from '../../config/load';
import { ExitCode } from '../../core/errors';
import { checkStacks, formatFinding, formatSuppressed } from '../../rules';
import type { RulesConfig } from '../../rules/config';
import { PACKS } from '../../rules/packs';
import { TERRAFORM_JSON, lineOf, readTerraformFiles, type LocatedInput } from '../../rules/inputs';
import { DEFAULT_OUT_DIR } from '../../synth/output-dir';
import { synthesize } from '../../synth/synthesize';
import {
  folderFilter,
  fromConfig,
  readConfig,
  withFolders,
  withJson,
  type CommandFactory,
  type FolderArgs,
} from '../options';

interface CheckArgs extends FolderArgs {
  readonly config?: string;
  readonly file?: string[];
  readonly json: boolean;
  readonly list?: boolean;
}

/**
 * `stackwright check`: the rule packs over what the config synthesizes, or over Terraform JSON files (`--file`).
 * Both read suppressions from the JSON and overrides from the config, so they give the same answer for generated/.
 * Exit 0 clean (warnings allowed), 1 on errors, 2 on bad input.
 */
export const checkCommand: CommandFactory = (setExit) => ({
  command: 'check',
  describe: 'Run the rule packs over what the config synthesizes, or over cdk.tf.json files; exit 1 on errors',
  builder: (y) =>
    withFolders(withJson(y))
      .option('config', {
        alias: 'c',
        type: 'string',
        requiresArg: true,
        describe: `Config file (YAML) [default: ${DEFAULT_CONFIG_FILE}; with --file, its overrides apply when it exists]`,
      })
      .option('file', {
        alias: 'f',
        type: 'string',
        array: true,
        requiresArg: true,
        describe: `Check these ${TERRAFORM_JSON} files (or folders holding them) instead of synthesizing`,
      })
      .option('list', { type: 'boolean', describe: 'List the rules (id, pack, what, fix) and exit' })
      // --list checks nothing, so a file or stack given with it would be ignored: refused instead.
      .conflicts('list', ['file', 'stack', 'target', 'region', 'config'])
      // --file reads Terraform JSON as it is, without the config's folders: narrowing by target or region is refused.
      .conflicts('file', ['target', 'region']),
  handler: async (argv: CheckArgs) => {
    if (argv.list) {
      listRules(argv.json);
      return;
    }
    const { inputs, rules, configFile } = await loadInputs(argv);
    const report = checkStacks(inputs, rules);
    const errors = report.findings.filter((f) => f.level === 'error').length;
    const warnings = report.findings.length - errors;
    if (argv.json) {
      const byStack = new Map(inputs.map((i) => [i.stack, i]));
      const located = report.findings.map((f) => ({ ...f, ...location(byStack.get(f.stack), f.resource) }));
      const summary = { stacks: inputs.length, errors, warnings, suppressed: report.suppressed.length };
      const out = {
        config: configFile ?? null,
        summary,
        findings: located,
        suppressed: report.suppressed,
        unusedOverrides: report.unusedOverrides,
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const f of report.findings) process.stdout.write(`${formatFinding(f)}\n`);
      for (const s of report.suppressed) process.stdout.write(`${formatSuppressed(s)}\n`);
      for (const o of report.unusedOverrides) {
        process.stdout.write(
          `note: override ${o.rule} for ${o.resource} (${configFile}) matched no finding; remove it if stale\n`,
        );
      }
      process.stdout.write(
        `check: ${errors} error(s), ${warnings} warning(s), ${report.suppressed.length} suppressed, in ${inputs.length} stack(s)\n`,
      );
    }
    setExit(errors > 0 ? ExitCode.Findings : ExitCode.Ok);
  },
});

async function loadInputs(
  argv: CheckArgs,
): Promise<{ inputs: LocatedInput[]; rules: RulesConfig; configFile?: string }> {
  if (argv.file && argv.file.length > 0) {
    const only = argv.stack ?? [];
    const inputs = readTerraformFiles(argv.file).filter((i) => only.length === 0 || only.includes(i.stack));
    const configFile = argv.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
    return { inputs, rules: configFile ? readConfig(configFile).rules : { overrides: [] }, configFile };
  }
  const configFile = argv.config ?? DEFAULT_CONFIG_FILE;
  const config = readConfig(configFile);
  const stacks = await fromConfig(configFile, () =>
    synthesize(config, { ...folderFilter(argv), hcl: false, configFile }),
  );
  const inputs = stacks.map((s) => ({
    stack: s.name,
    json: s.json,
    file: `${DEFAULT_OUT_DIR}/${s.name}/${TERRAFORM_JSON}`,
    text: String(s.files.get(TERRAFORM_JSON) ?? ''),
  }));
  return { inputs, rules: config.rules, configFile };
}

function listRules(json: boolean): void {
  const rows = PACKS.flatMap((p) =>
    p.entries.map((e) => ({
      id: e.rule.id,
      pack: p.name,
      message: e.message,
      fix: e.fix,
      appliesTo: e.rule.appliesTo,
    })),
  );
  if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else
    for (const r of rows) process.stdout.write(`${r.id.padEnd(34)} ${r.pack.padEnd(8)} ${r.message}. Fix: ${r.fix}\n`);
}

function location(input: LocatedInput | undefined, address: string): { file?: string; line?: number } {
  return input ? { file: input.file, line: lineOf(input.text, address) } : {};
}
