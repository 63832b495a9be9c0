/**
 * Normalises the layout of one policy file without touching what a reviewer wrote: the order
 * of keys and list items, comments, quoting, flow or block style and the line breaks inside
 * texts all stay as they are. What changes:
 *
 * - a byte order mark is dropped and line endings become `\n`;
 * - trailing spaces and tabs are removed, except inside block texts (`|`, `>`), where they
 *   are part of the text;
 * - blank lines at the start go, runs of blank lines outside block texts become one, and the
 *   file ends with exactly one newline;
 * - the first line is the editor modeline naming the schema of the file's kind
 *   (`# yaml-language-server: $schema=...`), fixed or added when a schema path is given.
 *
 * The result is verified before it is returned: it must parse to the same data and keep every
 * comment, in order. If it does not, or the file does not parse, the text is left unchanged and
 * the reason is returned, so formatting can never lose anything.
 */
import { isScalar, Lexer, parseDocument, visit, type Document } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

export interface FormatOptions {
  /**
   * The `$schema` path the modeline should name for a document of this `kind`, relative to the
   * file; the modeline is left alone when this is not given or gives nothing.
   */
  schemaFor?: (kind: string) => string | undefined;
}

export interface FormatResult {
  /** The formatted text (the input unchanged when `refused` is set). */
  text: string;
  /** What was changed, in words, for `--check` output; empty when the file was already formatted. */
  changes: string[];
  /** Why the file was left as it is: it does not parse, or formatting would have changed its meaning. */
  refused?: string;
}

const modelinePattern = /^#\s*yaml-language-server:\s*\$schema=\S*\s*$/;

/** Line numbers (0-based) holding the content of block scalars, where spaces are text. */
function blockTextLines(text: string, document: Document): Set<number> {
  const lines = new Set<number>();
  const textLines = text.split('\n');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  visit(document, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return;
      // The header line (`key: >-`) is layout; the lines after it up to the last one with
      // text are text. Blank lines after that are layout (a `|+` text that keeps them as text
      // is protected by the verification in formatPolicyText).
      const first = lineAt(node.range[0]) + 1;
      let last = lineAt(Math.max(node.range[0], node.range[2] - 1));
      while (last >= first && /^[ \t]*$/.test(textLines[last] ?? '')) last--;
      for (let line = first; line <= last; line++) lines.add(line);
    },
  });
  return lines;
}

/** The comments of a text, in order, as the YAML lexer sees them (not `#` inside texts). */
function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd());
}

function dataOf(text: string): { data?: unknown; error?: string; document: Document } {
  const document = parseDocument(text, { uniqueKeys: true, strict: true, merge: false });
  const error = document.errors[0];
  if (error) {
    const where = error.linePos?.[0];
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { error: where ? `line ${where.line}, column ${where.col}: ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what, document };
  }
  return { data: document.toJS({ maxAliasCount: 64 }) as unknown, document };
}

export function formatPolicyText(input: string, options: FormatOptions = {}): FormatResult {
  const original = dataOf(input);
  if (original.error !== undefined) return { text: input, changes: [], refused: `it does not parse as YAML: ${original.error}` };
  const changes: string[] = [];
  const kind = original.data !== null && typeof original.data === 'object' ? (original.data as Record<string, unknown>).kind : undefined;
  const schemaPath = typeof kind === 'string' ? options.schemaFor?.(kind) : undefined;

  let text = input;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    changes.push('byte order mark removed');
  }
  if (/\r/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    changes.push('line endings');
  }

  // Block texts by line; the offsets of `text` equal the input's unless a BOM or CR went.
  const blockText = blockTextLines(text, text === input ? original.document : parseDocument(text));
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let trailing = 0;
  let blankRuns = 0;
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (blockText.has(index)) {
      kept.push(line);
      return;
    }
    const trimmed = line.replace(/[ \t]+$/, '');
    if (trimmed !== line) trailing++;
    if (trimmed === '' && (kept.length === 0 || kept.at(-1) === '')) {
      blankRuns++;
      return;
    }
    kept.push(trimmed);
  });
  // (A `|+` text that keeps its final blank lines is caught by the verification below.)
  while (kept.length > 0 && kept.at(-1) === '') {
    kept.pop();
    blankRuns++;
  }
  if (trailing > 0) changes.push(`trailing spaces on ${trailing} line${trailing === 1 ? '' : 's'}`);
  if (blankRuns > 0) changes.push('extra blank lines');

  if (schemaPath !== undefined) {
    const modeline = `# yaml-language-server: $schema=${schemaPath}`;
    if (kept.length > 0 && modelinePattern.test(kept[0]!)) {
      if (kept[0] !== modeline) {
        kept[0] = modeline;
        changes.push(`schema modeline names ${schemaPath}`);
      }
    } else {
      kept.unshift(modeline);
      changes.push('schema modeline added');
    }
  }

  const output = `${kept.join('\n')}\n`;
  if (!input.endsWith('\n') && !input.endsWith('\r')) changes.push('final newline');
  if (output === input) return { text: input, changes: [] };

  // Verify: the same data, and every comment kept in order (only the first line's modeline may
  // have been fixed or added).
  const formatted = dataOf(output);
  if (formatted.error !== undefined || !isDeepStrictEqual(formatted.data, original.data)) {
    return { text: input, changes: [], refused: 'formatting would change what the file says; nothing was changed' };
  }
  const withoutModeline = (text: string): string[] => {
    const list = comments(text);
    return schemaPath !== undefined && modelinePattern.test(list[0] ?? '') && text.trimStart().startsWith(list[0]!) ? list.slice(1) : list;
  };
  if (!isDeepStrictEqual(withoutModeline(output), withoutModeline(text))) {
    return { text: input, changes: [], refused: 'formatting would lose or move a comment; nothing was changed' };
  }
  return { text: output, changes: changes.length > 0 ? changes : ['layout'] };
}
