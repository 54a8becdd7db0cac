import { InputError } from '@stackwright/generator';

/**
 * Why a variant could not run locally. Every one is the user's environment or input, not a bug, so it is an
 * InputError (exit 2); the benchmark command names itself as the problem's file (see `asInputError`).
 */
export class LocalRunnerError extends InputError {
  constructor(message: string) {
    super([{ file: '', path: '', message }], new.target.name);
  }
}

/** A server binary (or the Python modules it needs) is not installed. */
export class MissingBinaryError extends LocalRunnerError {
  constructor(
    /** Path of the binary that is missing or lacks what it needs. */
    readonly binary: string,
    /** Debian package(s) that provide it. */
    readonly debianPackages: string,
    detail = 'is not an executable file',
  ) {
    super(`${binary} ${detail}: install the Debian package(s) ${debianPackages}`);
  }
}

/** The port a server was to listen on is taken by another process. */
export class PortInUseError extends LocalRunnerError {
  constructor(
    readonly port: number,
    /** Which server wanted it (nginx, or the tcp variant's app). */
    readonly server: string,
  ) {
    super(`port 127.0.0.1:${port} for ${server} is already in use: stop what listens there or choose another port`);
  }
}

/** A server exited or did not become healthy in time. `logTail` holds the end of its logs. */
export class ServerStartError extends LocalRunnerError {
  constructor(
    readonly variant: string,
    readonly server: string,
    reason: string,
    readonly logTail: string,
  ) {
    super(`${variant}: ${server} ${reason}${logTail ? `\n--- last log lines ---\n${logTail}` : ''}`);
  }
}
