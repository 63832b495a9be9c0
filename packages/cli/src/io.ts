/** Where a command writes, so tests can run commands in-process and read what they print. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  get cwd() {
    return process.cwd();
  },
};

/** Exit codes: 0 clean, 1 bad input (diagnostics printed), 2 usage error, 3 internal error. */
export const exitCodes = { ok: 0, badInput: 1, usage: 2, internal: 3 } as const;

/** A bad-input failure a command has already explained on stderr. */
export class CommandFailed extends Error {
  constructor(readonly exitCode: number) {
    super(`command failed with exit code ${exitCode}`);
  }
}

/** A usage error: wrong arguments or options. */
export class UsageError extends Error {}
