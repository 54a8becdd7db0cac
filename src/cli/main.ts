import yargs, { type Argv, type CommandModule } from 'yargs';
import packageJson from '../../package.json';
import { ExitCode, InputError, formatProblem } from '../core/errors';
import { sourceMappedStack } from './internal-error';
import { synthCommand } from './commands/synth';
import { diffCommand } from './commands/diff';
import { listCommand } from './commands/list';
import { checkCommand } from './commands/check';
import { validateCommand } from './commands/validate';
import { datadogCommand } from './commands/datadog';
import { benchCommand } from './commands/bench';
import { reviewCommand } from './commands/review';
import type { CommandFactory } from './options';

/** Every command, in the order `--help` and the "Name a command" message list them. */
const COMMANDS: readonly CommandFactory[] = [
  synthCommand,
  diffCommand,
  listCommand,
  checkCommand,
  validateCommand,
  reviewCommand,
  datadogCommand,
  benchCommand,
];

/**
 * Parses argv, runs one command, and maps errors to exit codes: bad input prints its problems and exits 2 (with
 * --json also as a JSON error object on stdout); anything else is a bug: exit 3 with a stack into the sources.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    return reportFailure(err, false);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const commands = COMMANDS.map((command) => command(setExit));
  const names = commands.map((c) => [c.command].flat()[0]!.split(' ')[0]);
  const cli: Argv = yargs([...argv])
    .scriptName('stackwright')
    .usage('$0 <command> [options]\n\nOne validated config in, deterministic reviewed Terraform out.')
    .strict()
    .recommendCommands()
    .demandCommand(1, `Name a command: ${names.join(', ')}.`)
    .help()
    .alias('h', 'help')
    .version('version', 'Print the version of Stackwright', packageJson.version)
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((msg, err) => {
      if (err && err.name !== 'YError') throw err; // a YError is yargs rejecting the arguments
      throw InputError.single('command line', '', msg ?? err?.message ?? 'invalid arguments', 'see --help');
    });
  for (const command of commands) cli.command(command as CommandModule);
  try {
    // With a callback yargs hands back --help and usage text instead of printing it through console.log.
    let output = '';
    await cli.parseAsync([...argv], {}, (_err, _args, text) => {
      output = text;
    });
    if (output) process.stdout.write(`${output}\n`);
    return exitCode;
  } catch (err) {
    return reportFailure(err, wantsJson(argv));
  }
}

/** `--json` as yargs reads it (a later `--no-json` or `--json=false` turns it off). */
function wantsJson(argv: readonly string[]): boolean {
  let json = false;
  for (const a of argv) {
    if (a === '--json' || a === '--json=true') json = true;
    else if (a === '--no-json' || a === '--json=false') json = false;
  }
  return json;
}

/** Prints an error as every entry point does (bad input: its problems, exit 2; anything else: a bug, exit 3). */
export function reportFailure(err: unknown, json: boolean): number {
  if (err instanceof InputError) {
    for (const p of err.problems) process.stderr.write(`error: ${formatProblem(p)}\n`);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { exitCode: ExitCode.BadInput, problems: err.problems } }, null, 2)}\n`,
      );
    return ExitCode.BadInput;
  }
  process.stderr.write(`internal error: ${sourceMappedStack(err)}\n`);
  process.stderr.write(
    'This is a bug in Stackwright, not a problem with the input; please report it with the lines above.\n',
  );
  if (json)
    process.stdout.write(
      `${JSON.stringify({ error: { exitCode: ExitCode.Internal, message: err instanceof Error ? err.message : String(err) } }, null, 2)}\n`,
    );
  return ExitCode.Internal;
}
