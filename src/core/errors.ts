/** Exit codes shared by every command: 0 ok, 1 findings or drift, 2 bad input. */
export const ExitCode = { Ok: 0, Findings: 1, BadInput: 2, Internal: 3 } as const;

/** One problem with the user's input, printed as `<file>: <path>: <message> (<allowed>)`. */
export interface InputProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
  readonly allowed?: string;
}

export function formatProblem(p: InputProblem): string {
  const where = p.path ? `${p.file}: ${p.path}` : p.file;
  return `${where}: ${p.message}${p.allowed ? ` (${p.allowed})` : ''}`;
}

/** Bad input (config, flags, files): reported without a stack trace, exit code 2. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
  static single(file: string, path: string, message: string, allowed?: string): InputError {
    return new InputError([{ file, path, message, allowed }]);
  }
}
