import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../config/load';
import { ExitCode } from '../core/errors';
import { buildStacks, createApp, validateStack, type TerraformJson } from '../synth/synthesize';
import { formatFinding, runChecks } from '../rules';
import { reportFailure } from './main';
import { fromConfig, readConfig } from './options';

/**
 * The app `npx cdktf synth` runs (cdktf.json's `app`, through bin/cdktf-app.js): the stacks `stackwright synth`
 * builds, picked, built and validated by the same functions of src/synth, from the default config or
 * STACKWRIGHT_CONFIG, into the outdir the cdktf CLI gives it (CDKTF_OUTDIR). Bad input ends as `stackwright synth`
 * ends: the same `error:` lines and exit code 2, nothing written; so do rule errors (exit 1), which the same rule
 * pack finds. Returns the exit code.
 */
export async function cdktfApp(env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const file = env.STACKWRIGHT_CONFIG ?? DEFAULT_CONFIG_FILE;
  try {
    const config = readConfig(file);
    const app = createApp(env.CDKTF_OUTDIR ?? 'cdktf.out');
    const stacks = await fromConfig(file, () => buildStacks(config, { configFile: file }, app));
    for (const stack of stacks) validateStack(stack, file);
    const findings = runChecks(
      stacks.map((s) => ({ stack: s.node.id, json: s.toTerraform() as TerraformJson })),
      config.rules,
    );
    for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
    const errors = findings.filter((f) => f.level === 'error').length;
    if (errors > 0) {
      process.stderr.write(`cdktf app: ${errors} rule error(s); nothing written\n`);
      return ExitCode.Findings;
    }
    app.synth();
    // Files a stack carries beside its Terraform (the Lambda bundles, the sidecar's images) go where its JSON goes.
    for (const stack of stacks) {
      for (const f of stack.stackFiles()) {
        const dest = join(app.outdir, 'stacks', stack.node.id, f.path);
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, f.contents);
      }
    }
    return ExitCode.Ok;
  } catch (err) {
    return reportFailure(err, false);
  }
}

/** bin/cdktf-app.js's entry: runs the app on this process's environment and exits with its code. */
export function runCdktfApp(): void {
  void cdktfApp(process.env).then((code) => {
    process.exitCode = code;
  });
}
