import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { App } from 'cdktf';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load';
import { InputError, formatProblem } from '../core/errors';
import { stackDefinitions } from '../../stacks';
import type { StackKey } from '../config/schema';

/** Runs as cdktf's app: builds the same stacks with the cdktf CLI's outdir, then writes each stack's files. */
export function runCdktfApp(): void {
  const file = process.env.STACKWRIGHT_CONFIG ?? DEFAULT_CONFIG_FILE;
  try {
    const config = loadConfig(file);
    const app = new App({ skipValidation: false });
    const stacks = (Object.keys(stackDefinitions) as StackKey[])
      .filter((k) => config.stacks[k] !== undefined)
      .map((k) => stackDefinitions[k].build(app, config, config.stacks[k] as never));
    app.synth();
    for (const stack of stacks) {
      for (const f of stack.stackFiles()) {
        const dest = join(app.outdir, 'stacks', stack.node.id, f.path);
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, f.contents);
      }
    }
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems) process.stderr.write(`error: ${formatProblem(p)}\n`);
    process.exit(2);
  }
}
