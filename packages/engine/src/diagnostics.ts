/**
 * One diagnostic type for every stage (load, schema, check, facts), kept as plain data and
 * rendered separately. All problems of a run are collected; nothing stops at the first.
 */
import { locationText, type SourcePosition } from './location.js';
import { messageFor, type DiagnosticArgs, type DiagnosticCode } from './messages.js';
import { terminalColumns, terminalLine } from './output/terminal.js';

export type { DiagnosticArgs, DiagnosticCode } from './messages.js';

export type { SourcePosition } from './location.js';

/**
 * One problem found in policies, facts, a bundle or a record: plain data with a code from a
 * closed set, where it is, and what was expected. Render it with {@link renderDiagnostics}.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  /** Path of the file as given to the loader (relative to the policy folder's parent when possible). */
  file?: string;
  start?: SourcePosition;
  end?: SourcePosition;
  /** Path inside the document, e.g. `outcomes[3].rules[0].when`. */
  path?: string;
  expected?: string;
  received?: string;
  help?: string;
}

/** Where a diagnostic is and what it adds to its message: every field a stage may give besides the code and its arguments. */
export type DiagnosticDetails = Omit<Diagnostic, 'code' | 'message' | 'severity'> & {
  /** Defaults to the severity of the code. */
  severity?: Diagnostic['severity'];
};

/** The arguments field of a code's input: required when its message takes arguments. */
type ArgsOf<C extends DiagnosticCode> =
  Record<never, never> extends DiagnosticArgs[C] ? { args?: DiagnosticArgs[C] } : { args: DiagnosticArgs[C] };

/**
 * What a stage knows when it reports a problem: the code, the arguments its message takes
 * (typed per code, see `DiagnosticArgs`), and where; the text comes from `messages.ts`. A
 * reporter that fills in some details itself (the file, say) takes them out with `Without`.
 */
export type DiagnosticInput<C extends DiagnosticCode = DiagnosticCode, Without extends keyof DiagnosticDetails = never> = {
  code: C;
} & ArgsOf<C> &
  Omit<DiagnosticDetails, Without>;

/** A diagnostic of one code, its message and help written from the code's template in `messages.ts`. */
export function diagnostic<C extends DiagnosticCode>(input: DiagnosticInput<C>): Diagnostic {
  const template = messageFor(input.code);
  const args = (input.args ?? {}) as DiagnosticArgs[C];
  const result: Diagnostic = {
    code: input.code,
    severity: input.severity ?? template.severity,
    message: template.message(args),
  };
  if (input.file !== undefined) result.file = input.file;
  if (input.start !== undefined) result.start = input.start;
  if (input.end !== undefined) result.end = input.end;
  if (input.path !== undefined) result.path = input.path;
  if (input.expected !== undefined) result.expected = input.expected;
  if (input.received !== undefined) result.received = input.received;
  const help = input.help ?? template.help?.(args);
  if (help !== undefined) result.help = help;
  return result;
}

/** Sorted by file, then position, then code: the order a reviewer reads them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const byFile = (a.file ?? '').localeCompare(b.file ?? '');
    if (byFile !== 0) return byFile;
    const byLine = (a.start?.line ?? 0) - (b.start?.line ?? 0);
    if (byLine !== 0) return byLine;
    const byColumn = (a.start?.column ?? 0) - (b.start?.column ?? 0);
    if (byColumn !== 0) return byColumn;
    return a.code.localeCompare(b.code);
  });
}

/** Whether any of the diagnostics is an error (warnings alone do not fail a check). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Widest source line shown in a code frame, in characters. */
const frameWidth = 160;

/**
 * Renders one diagnostic for a person, with the offending line of the source when the text
 * is at hand:
 *
 *     error[unknown-fact]: unknown fact `priorIncident` in outcome `exclusion-physical`
 *       --> policies/reaction/ladder.yaml:42:17
 *     42 |         - { fact: priorIncident, atLeast: 1 }
 *        |                   ^^^^^^^^^^^^^
 *        = expected: one of `priorIncidents`, `grave`, ...
 *        = help: did you mean `priorIncidents`?
 */
export function renderDiagnostic(d: Diagnostic, sourceText?: string): string {
  // Each field on its one line, with control and direction characters shown, not obeyed: a file
  // name or a host's key may hold anything.
  const lines = [`${d.severity}[${d.code}]: ${terminalLine(d.message)}`];
  if (d.file !== undefined) {
    lines.push(`  --> ${terminalLine(locationText({ file: d.file, ...d.start }))}`);
  }
  const gutterWidth = d.start ? String(d.start.line).length : 1;
  const pad = ' '.repeat(gutterWidth);
  if (d.start && sourceText !== undefined) {
    const sourceLine = sourceText.split(/\r?\n/)[d.start.line - 1];
    if (sourceLine !== undefined) {
      // Control characters (NUL, escape sequences) are shown as visible symbols, one for each,
      // never sent to the reviewer's terminal as they are.
      const visible = terminalColumns(sourceLine.replace(/\t/g, ' '));
      let from = Math.max(1, d.start.column);
      let to = d.end && d.end.line === d.start.line && d.end.column > from ? Math.min(d.end.column, visible.length + 1) : from + 1;
      // A very long line (a generated or hostile file) is shown as a window around the column.
      let shown = visible;
      if (visible.length > frameWidth) {
        const offset = Math.max(0, Math.min(from - 1 - 40, visible.length - frameWidth));
        shown = `${offset > 0 ? '…' : ''}${visible.slice(offset, offset + frameWidth)}${offset + frameWidth < visible.length ? '…' : ''}`;
        const shift = offset - (offset > 0 ? 1 : 0);
        from -= shift;
        to = Math.min(to - shift, shown.length + 1);
      }
      lines.push(`${d.start.line} | ${shown}`);
      lines.push(`${pad} | ${' '.repeat(from - 1)}${'^'.repeat(Math.max(1, to - from))}`);
    }
  }
  if (d.expected !== undefined) lines.push(`${pad} = expected: ${terminalLine(d.expected)}`);
  if (d.received !== undefined) lines.push(`${pad} = received: ${terminalLine(d.received)}`);
  if (d.help !== undefined) lines.push(`${pad} = help: ${terminalLine(d.help)}`);
  return lines.join('\n');
}

/** Options of {@link renderDiagnostics}. */
export interface RenderOptions {
  /** Source text by file path, for code frames. */
  sources?: ReadonlyMap<string, string>;
}

/** Renders diagnostics for a person, sorted, each with its code frame, then a count of errors and warnings. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const sorted = sortDiagnostics(diagnostics);
  const blocks = sorted.map((d) => renderDiagnostic(d, d.file ? options.sources?.get(d.file) : undefined));
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [...blocks, summary].join('\n\n');
}

const policyErrorBrand = Symbol.for('@vot/engine.PolicyError');

/**
 * The one error type the engine throws: it carries the diagnostics that caused it. Each of the
 * package's entries is bundled with its own copy of this class, so `instanceof` checks a brand
 * shared by every copy instead of the class identity.
 */
export class PolicyError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[policyErrorBrand] === true;
  }

  declare readonly [policyErrorBrand]: true;
  readonly diagnostics: readonly Diagnostic[];
  /** Source texts of the files involved, for rendering code frames. */
  readonly sources: ReadonlyMap<string, string>;

  constructor(summary: string, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map()) {
    super(summary);
    Object.defineProperty(this, policyErrorBrand, { value: true });
    this.name = 'PolicyError';
    this.diagnostics = sortDiagnostics(diagnostics);
    this.sources = sources;
  }

  render(): string {
    return renderDiagnostics(this.diagnostics, { sources: this.sources });
  }
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest candidate, when it is close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** `a`, `b`, `c` … for `expected:` lines; long lists are cut. */
export function listOf(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => `\`${v}\``);
  const rest = values.length > max ? `, … (${values.length - max} more)` : '';
  return `one of ${shown.join(', ')}${rest}`;
}

/** The help line for a misspelt name: "did you mean `x`?" when a candidate is close, else undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const suggestion = closest(word, candidates);
  return suggestion ? `did you mean \`${suggestion}\`?` : undefined;
}
