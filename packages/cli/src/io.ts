import type { DiagnosticCode } from '@vot/engine';
import { diagnostic, renderDiagnostics, type Diagnostic, type DiagnosticInput } from '@vot/engine/terminal';

/** Where a command writes, so tests can run commands in-process and read what they print. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Standard input, read whole: what `-` names in `eval` and `replay`. */
  stdin?: () => Promise<string>;
  /** Whether to colour what is written (see `colourWanted`); off when not given. */
  colour?: boolean;
  /**
   * Reports diagnostics: rendered on stderr, or kept for the one JSON answer when the command
   * was run with `--format json` (set by `main`; without it they are rendered).
   */
  diagnostics?(list: readonly Diagnostic[], sources?: ReadonlyMap<string, string>): void;
}

/** Reads the process's standard input to its end, as UTF-8. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Colour on a terminal, as https://no-color.org and https://force-color.org ask: `FORCE_COLOR`
 * (any value but `0` or `false`) turns it on, else `NO_COLOR` (any non-empty value) turns it
 * off, else colour exactly when the output is a terminal.
 */
export function colourWanted(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  get cwd() {
    return process.cwd();
  },
  stdin: readStdin,
  get colour() {
    return colourWanted(process.env, Boolean(process.stdout.isTTY));
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

/** Reports diagnostics the one way of this run: rendered on stderr, or into the JSON answer. */
export function reportDiagnostics(io: CliIo, list: readonly Diagnostic[], sources?: ReadonlyMap<string, string>): void {
  if (list.length === 0) return;
  if (io.diagnostics) io.diagnostics(list, sources);
  else io.err(renderDiagnostics(list, sources ? { sources } : {}));
}

/** Prints one of the command line's own diagnostics, rendered like the engine's. */
export function report<C extends DiagnosticCode>(io: CliIo, input: DiagnosticInput<C>): void {
  reportDiagnostics(io, [diagnostic(input)]);
}

/** Prints the diagnostic and fails the command with exit 1 (bad input). */
export function refuse<C extends DiagnosticCode>(io: CliIo, input: DiagnosticInput<C>): never {
  report(io, input);
  throw new CommandFailed(exitCodes.badInput);
}

/** Standard input, whole, for `-` in place of a file; a usage error where there is none to read. */
export async function readStandardInput(io: CliIo): Promise<string> {
  if (!io.stdin) throw new UsageError('`-` (standard input) cannot be read here');
  return io.stdin();
}
