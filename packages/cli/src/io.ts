// The runtime entry, not the engine's main one: every command starts without loading yaml and zod.
import { diagnostic, renderDiagnostic, type Diagnostic, type DiagnosticCode } from '@vot/engine/runtime';
import type { DiagnosticInput } from '@vot/engine/tools';

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

/** A usage error (wrong arguments or options): a `usage` diagnostic, printed by `main` with exit 2. */
export class UsageError extends Error {
  readonly diagnostic: Diagnostic;

  /** `help` replaces the usual pointer to `--help`, e.g. with a suggestion for a misspelt option. */
  constructor(detail: string, help?: string) {
    super(detail);
    this.diagnostic = diagnostic({ code: 'usage', args: { detail }, help });
  }
}

/** Prints one of the command line's own diagnostics on stderr, rendered like the engine's. */
export function report<C extends DiagnosticCode>(io: CliIo, input: DiagnosticInput<C>): void {
  io.err(renderDiagnostic(diagnostic(input)));
}

/** Prints the diagnostic and fails the command with exit 1 (bad input). */
export function refuse<C extends DiagnosticCode>(io: CliIo, input: DiagnosticInput<C>): never {
  report(io, input);
  throw new CommandFailed(exitCodes.badInput);
}
