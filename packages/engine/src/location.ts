/**
 * Where something is written: one type for every stage (the checked model, diagnostics,
 * traces, the gate, the diff, the book) and one way to write it, `file:line:column`.
 */

/** Where something is written: the file as the loader saw it, 1-based line and column. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** A place in a file: 1-based line and column (a {@link Location} without its file). */
export type SourcePosition = Omit<Location, 'file'>;

/**
 * A place as people and tools read it: `file:line:column`, the form editors and CI annotations
 * link to. Without a column it is `file:line` (a place shown by line only, e.g. in the policy
 * book), and without a line just the file.
 */
export function locationText(at: { file: string; line?: number; column?: number }): string {
  if (at.line === undefined) return at.file;
  return at.column === undefined ? `${at.file}:${at.line}` : `${at.file}:${at.line}:${at.column}`;
}
