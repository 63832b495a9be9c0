/**
 * Text → one YAML document with source positions, refusing what a policy file must not hold:
 * invalid UTF-8, NUL bytes, several documents, tags, many aliases, deep nesting, duplicate or
 * reserved keys. Every problem is collected as a diagnostic; nothing is thrown.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type DiagnosticCode, type DiagnosticInput, type SourcePosition } from '../diagnostics.js';

export const loadLimits = {
  /** Largest policy file, in bytes. */
  maxFileBytes: 1024 * 1024,
  /**
   * Alias expansions (`*name`) per file. Anchors let a reviewer reuse a reason or a list of
   * safeguards; what is dangerous is expansion (billion laughs), so every expansion counts,
   * nested ones included, and parsing stops expanding past the limit.
   */
  maxAliases: 64,
  /** Nesting depth of maps and lists. */
  maxDepth: 48,
  /**
   * Values in one file after alias expansion (every map, list, key and scalar counts). The
   * bundled files hold a few thousand; the limit keeps a small file with large anchors from
   * expanding into millions of values.
   */
  maxNodes: 200_000,
  /** Problems reported per file and stage; the rest are only counted. */
  maxProblemsPerFile: 100,
} as const;

/** How much one policy folder may hold unless its policy-set.yaml declares `limits`. */
export const folderLimits = {
  maxFiles: 1_000,
  /** About thirty times the bundled set; parsing YAML is linear, so this bounds the time too. */
  maxTotalBytes: 16 * 1024 * 1024,
} as const;

/**
 * The most a policy-set.yaml may declare: a set with every municipality of a country in it
 * fits (500 organisations are about 1,300 files and 12 MB), a wrong path still cannot make a
 * command read a disk.
 */
export const folderCeiling = {
  maxFiles: 20_000,
  maxTotalBytes: 256 * 1024 * 1024,
} as const;

const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type PathSegment = string | number;

/** A path inside a document as the document writes it: `outcomes[3].rules[0].when`. */
export const pathText = (path: readonly PathSegment[]): string =>
  path.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), '');

export interface ParsedFile {
  file: string;
  text: string;
  /** Plain data with null-prototype objects, or undefined when the file could not be read as YAML. */
  data: unknown;
  /** Where a path inside the data starts and ends in the text (the key of a map entry when `key` is set). */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { start: SourcePosition; end: SourcePosition } | undefined;
}

export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; diagnostics: Diagnostic[] } {
  if (bytes.length > loadLimits.maxFileBytes) {
    return {
      diagnostics: [diagnostic({ code: 'file-too-large', file, args: { size: bytes.length, limit: loadLimits.maxFileBytes } })],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [diagnostic({ code: 'invalid-utf8', file })] };
  }
  return { text, diagnostics: [] };
}

/**
 * Bidirectional controls reorder how text is displayed, so a rule can read differently in a
 * review than it parses ("Trojan Source", CVE-2021-42574). Policy texts never need them.
 */
const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Control characters other than tab and line feed (and the carriage return of a CRLF line end):
 * an escape sequence in a reason would act on the terminal that prints it (`vot eval` could draw
 * one status over another), and a policy text never needs one.
 */
const controlInFile = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
/** The same in a parsed string, where a double-quoted escape (`"\e"`, `"\x1b"`, `"\r"`) can put one. */
const controlInString = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** `U+001B`: how a diagnostic names a character. */
export const codePointText = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A string's first control or direction character and the code its diagnostic has, or undefined. */
export function actingCharacterIn(text: string): { code: 'control-character' | 'hidden-character'; character: string } | undefined {
  const control = controlInString.exec(text);
  if (control) return { code: 'control-character', character: control[0] };
  const hidden = bidiControl.exec(text);
  return hidden ? { code: 'hidden-character', character: hidden[0] } : undefined;
}

function positionBeforeParsing(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * The first `maxProblemsPerFile` diagnostics of a file, and one that counts the rest (and
 * `alreadyHidden` problems the caller did not turn into diagnostics).
 */
export function capProblems(file: string, found: Diagnostic[], alreadyHidden = 0): Diagnostic[] {
  const hidden = alreadyHidden + Math.max(0, found.length - loadLimits.maxProblemsPerFile);
  if (hidden === 0) return found;
  const shown = found.slice(0, loadLimits.maxProblemsPerFile);
  shown.push(diagnostic({ code: 'too-many-problems', file, args: { count: hidden } }));
  return shown;
}

export function parseYaml(file: string, rawText: string): { parsed: ParsedFile; diagnostics: Diagnostic[] } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let parserTooDeep = false;
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const empty: ParsedFile = { file, text, data: undefined, locate: () => undefined };

  // Lines are counted by hand for these two: the YAML parser has not run yet.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    diagnostics.push(diagnostic({ code: 'nul-byte', file, start: positionBeforeParsing(text, nul) }));
    return { parsed: empty, diagnostics };
  }
  // Characters that make text display or act differently than it reads: the first one refuses the file.
  const refusedCharacters = [
    { pattern: bidiControl, code: 'hidden-character', args: {} },
    { pattern: controlInFile, code: 'control-character', args: { where: 'text' } },
  ] as const;
  for (const { pattern, code, args } of refusedCharacters) {
    const found = pattern.exec(text);
    if (!found) continue;
    diagnostics.push(
      diagnostic({ code, file, start: positionBeforeParsing(text, found.index), args: { code: codePointText(found[0]), ...args } }),
    );
    return { parsed: empty, diagnostics };
  }

  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    // Duplicate keys are found below with a set per mapping: the parser's own check compares
    // every key with every other, which a file of many keys turns into a hang.
    uniqueKeys: false,
    strict: true,
    schema: 'core',
    merge: false,
    customTags: [],
  });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length === 0) {
    diagnostics.push(diagnostic({ code: 'empty-file', file }));
    return { parsed: empty, diagnostics };
  }
  if (list.length > 1) {
    const second = list[1]!;
    const offset = second.range?.[0] ?? 0;
    diagnostics.push(diagnostic({ code: 'multiple-documents', file, start: position(offset) }));
  }
  const document = list[0]!;
  const problems = [...document.errors, ...document.warnings];
  // A file broken throughout has an error per line; placing and wording each would take longer
  // than the parse. The first ones are enough to start with; the rest are counted.
  const unplaced = Math.max(0, problems.length - loadLimits.maxProblemsPerFile);
  for (const error of problems.slice(0, loadLimits.maxProblemsPerFile)) {
    const start = position(error.pos[0]);
    const end = position(error.pos[1]);
    if (error.code === 'TAB_AS_INDENT') {
      diagnostics.push(diagnostic({ code: 'tab-indentation', file, start, end }));
    } else if (error.code === 'TAG_RESOLVE_FAILED') {
      // Reported below, once per tagged node, with the tag's own text.
    } else if (/maximum call stack/i.test(error.message)) {
      // The parser ran out of stack on very deep nesting and caught it. Where depends on the
      // stack size, so this is reported as too-deep once, at the first level past the limit.
      parserTooDeep = true;
    } else {
      const detail = error.message
        .split('\n')[0]!
        .replace(/ at line \d+, column \d+.*$/, '')
        .toLowerCase();
      diagnostics.push(diagnostic({ code: 'yaml-syntax', file, start, end, args: { detail } }));
    }
  }
  const contents = document.contents;
  // `---` or `...` alone parses as an empty null scalar: the file holds nothing a reviewer wrote.
  const nothingWritten =
    contents === null ||
    contents === undefined ||
    (isScalar(contents) && contents.value === null && contents.range?.[0] === contents.range?.[1]);
  if (nothingWritten) {
    if (diagnostics.length === 0) diagnostics.push(diagnostic({ code: 'empty-file', file }));
    return { parsed: empty, diagnostics: capProblems(file, diagnostics, unplaced) };
  }

  /** A diagnostic spanning a node of the tree (`range` as the parser gives it). */
  const reportAt = <C extends DiagnosticCode>(
    range: readonly number[] | null | undefined,
    input: DiagnosticInput<C, 'file' | 'start' | 'end'>,
  ) =>
    diagnostics.push(
      diagnostic({ ...input, file, start: range ? position(range[0]!) : undefined, end: range ? position(range[1]!) : undefined }),
    );

  /** A string the file's escapes made: no control or direction character may come out of one. */
  const checkString = (value: string, range: readonly number[] | null | undefined) => {
    const found = actingCharacterIn(value);
    if (!found) return;
    const code = codePointText(found.character);
    if (found.code === 'control-character') reportAt(range, { code: 'control-character', args: { code, where: 'escape' } });
    else reportAt(range, { code: 'hidden-character', args: { code, escaped: true } });
  };

  // One walk over the tree: tags, aliases, depth, keys; and the conversion to plain data.
  let aliases = 0;
  let nodes = 0;
  let tooDeepReported = false;
  const toData = (node: unknown, depth: number): unknown => {
    if (++nodes > loadLimits.maxNodes) return undefined;
    if (depth > loadLimits.maxDepth) {
      if (!tooDeepReported) {
        tooDeepReported = true;
        const range = (node as Node | undefined)?.range;
        diagnostics.push(
          diagnostic({ code: 'too-deep', file, start: range ? position(range[0]) : undefined, args: { limit: loadLimits.maxDepth } }),
        );
      }
      return undefined;
    }
    if (isAlias(node)) {
      aliases++;
      const target = node.resolve(document as Document);
      if (!target) {
        reportAt(node.range, {
          code: 'yaml-syntax',
          args: { detail: `alias \`*${node.source}\` refers to no anchor \`&${node.source}\` before it` },
        });
        return undefined;
      }
      // Aliases are expanded once, without following aliases inside the target, so a chain of
      // aliases cannot grow the data exponentially.
      return target && aliases <= loadLimits.maxAliases ? toData(target, depth + 1) : undefined;
    }
    const tagged = node as { tag?: string; range?: [number, number, number] } | null;
    if (tagged && typeof tagged.tag === 'string' && tagged.range) {
      reportAt(tagged.range, { code: 'custom-tag', args: { tag: tagged.tag.replace(/^tag:yaml.org,2002:/, '!!') } });
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') checkString(node.value, node.range);
      return node.value;
    }
    if (isSeq(node)) return node.items.map((item) => toData(item, depth + 1));
    if (isMap(node)) {
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const keyRange = (keyNode as Node | null)?.range;
        if (
          !isScalar(keyNode) ||
          (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number' && typeof keyNode.value !== 'boolean')
        ) {
          diagnostics.push(
            diagnostic({
              code: 'yaml-syntax',
              file,
              start: keyRange ? position(keyRange[0]) : undefined,
              args: { detail: 'a key must be a plain word, not a list or a map' },
            }),
          );
          continue;
        }
        // `1` and `"1"` become the same property, so they are the same key here.
        const key = String(keyNode.value);
        checkString(key, keyRange);
        if (seen.has(key) || reservedKeys.has(key)) {
          reportAt(keyRange, { code: seen.has(key) ? 'duplicate-key' : 'forbidden-key', args: { key } });
          continue;
        }
        seen.add(key);
        result[key] = toData(pair.value, depth + 1);
      }
      return result;
    }
    return undefined;
  };
  const data = toData(document.contents, 0);
  if (aliases > loadLimits.maxAliases) {
    diagnostics.push(diagnostic({ code: 'too-many-aliases', file, args: { count: aliases, limit: loadLimits.maxAliases } }));
  }
  if (parserTooDeep && !tooDeepReported) {
    diagnostics.push(diagnostic({ code: 'too-deep', file, args: { limit: loadLimits.maxDepth } }));
  }
  if (nodes > loadLimits.maxNodes) {
    diagnostics.push(diagnostic({ code: 'too-many-values', file, args: { limit: loadLimits.maxNodes } }));
  }

  // Entries of each mapping by key, built on first use: a file with many bad keys gets one
  // diagnostic per key, and each must be placed without scanning the whole mapping again.
  const entriesOf = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();
  const entry = (map: { items: Array<{ key: unknown; value: unknown }> }, segment: PathSegment) => {
    let entries = entriesOf.get(map);
    if (!entries) {
      entries = new Map();
      for (const item of map.items) {
        const name = isScalar(item.key) ? String(item.key.value) : undefined;
        if (name !== undefined && !entries.has(name)) entries.set(name, item);
      }
      entriesOf.set(map, entries);
    }
    return entries.get(String(segment));
  };
  const locate: ParsedFile['locate'] = (path, options = {}) => {
    let node: unknown = document.contents;
    let keyNode: unknown;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(document as Document);
      if (isMap(node)) {
        const pair = entry(node, segment);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        keyNode = undefined;
        node = node.items[segment];
      } else {
        break;
      }
    }
    const target = (options.key && keyNode ? keyNode : (node ?? keyNode)) as Node | undefined;
    const range = target?.range;
    if (!range) return undefined;
    return { start: position(range[0]), end: position(range[1]) };
  };

  return { parsed: { file, text, data, locate }, diagnostics: capProblems(file, diagnostics, unplaced) };
}
