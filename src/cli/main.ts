import yargs, { type Argv, type CommandModule } from 'yargs';
import { ExitCode, InputError, formatProblem } from '../core/errors';
import { synthCommand } from './commands/synth';
import { diffCommand } from './commands/diff';
import { listCommand } from './commands/list';
import { extraCommands } from './commands/extra';
import { validateCommand } from './commands/validate';
import { datadogCommand } from '../datadog/refresh-command';

/** Parses argv, runs one command, and maps errors to exit codes: bad input prints its problems and exits 2. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const cli: Argv = yargs([...argv])
    .scriptName('stackwright')
    .usage('$0 <command> [options]\n\nOne validated config in, deterministic reviewed Terraform out.')
    .strict()
    .recommendCommands()
    .demandCommand(1, 'Name a command: synth, diff, list, check, bench.')
    .help()
    .alias('h', 'help')
    .version(false)
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((msg, err) => {
      if (err) throw err;
      throw InputError.single('command line', '', msg ?? 'invalid arguments', 'see --help');
    });
  for (const command of [synthCommand, diffCommand, listCommand, validateCommand, datadogCommand, ...extraCommands]) cli.command(command(setExit) as CommandModule);
  try {
    // With a callback yargs hands back --help and usage text instead of printing it through console.log.
    let output = '';
    await cli.parseAsync([...argv], {}, (_err, _args, text) => {
      output = text;
    });
    if (output) process.stdout.write(`${output}\n`);
    return exitCode;
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(`error: ${formatProblem(p)}\n`);
      return ExitCode.BadInput;
    }
    process.stderr.write(`internal error: ${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.Internal;
  }
}
