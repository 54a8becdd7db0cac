/**
 * Exit codes shared by every command: 0 ok, 1 findings (rule errors, drift, failed benchmark requests), 2 bad input.
 * 3 is a bug in Stackwright, never the user's input: every check that input can fail raises an InputError.
 */
export const ExitCode = { Ok: 0, Findings: 1, BadInput: 2, Internal: 3 } as const;

/** One problem with the user's input, printed as `<file>: <path>: <message> (<allowed>)`. */
export interface InputProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
  readonly allowed?: string;
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.path].filter((part) => part !== '').join(': ');
  return `${where === '' ? '' : `${where}: `}${p.message}${p.allowed ? ` (${p.allowed})` : ''}`;
}

/**
 * Bad input (config, flags, files): reported without a stack trace, exit code 2. A part that checks its own inputs
 * (sidecar rendering options) may subclass it for callers that tell its errors apart; `name` says which.
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[], name = 'InputError') {
    super(problems.map(formatProblem).join('\n'));
    this.name = name;
    this.problems = problems;
  }
  static single(file: string, path: string, message: string, allowed?: string): InputError {
    return new InputError([{ file, path, message, allowed }]);
  }
  /**
   * A problem a valid-looking config causes where the stacks are built (a construct's own check), at a config path
   * such as `stacks.ecs.clusters[main]`; the command that loaded the config names the file (see `inFile`).
   */
  static atConfigPath(path: string, message: string, allowed?: string): InputError {
    return new InputError([{ file: '', path, message, allowed }]);
  }
  /** The same problems, those without a file attributed to `file`. */
  inFile(file: string): InputError {
    return new InputError(this.problems.map((p) => (p.file === '' ? { ...p, file } : p)));
  }
}

/**
 * Not the user's input: a bug in Stackwright, such as a template asking for a variable its caller did not give.
 * Reported with its stack trace, exit code 3. `name` says which part failed.
 */
export class InternalError extends Error {
  constructor(message: string, name = 'InternalError') {
    super(message);
    this.name = name;
  }
}
