/**
 * A policy folder → parsed, schema-valid documents, each with its file and positions.
 * Every `.yaml` file is placed by its `kind`; a file that cannot be placed is an error, never
 * skipped. Reading the disk happens only in `readPolicyFolder`; `loadPolicyTexts` is pure.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic, listOf, type Diagnostic } from '../diagnostics.js';
import { documentSchemas, type DocumentKind } from '../schema/documents.js';
import { decodeUtf8, parseYaml, type ParsedFile } from './parse.js';
import { validateDocument } from './validate.js';

export interface LoadedDocument<K extends string = string, D = unknown> {
  kind: K;
  file: string;
  parsed: ParsedFile;
  document: D;
}

export interface LoadedFolder {
  documents: LoadedDocument[];
  /** Source text of every file read, by display path: for code frames and hashing. */
  texts: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Files other than `.yaml` that may sit in a policy folder without being policies. */
const companionFile = (relativePath: string): boolean =>
  /\.md$/i.test(relativePath) || (/^schema[\\/]/.test(relativePath) && /\.json$/i.test(relativePath));

/** Where a path is shown in diagnostics: relative to the working directory when inside it. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : absolute.split(sep).join('/');
}

/** Reads every file under `dir` (sorted, no symbolic links, dot-files ignored) as bytes. */
export async function readPolicyFolder(dir: string): Promise<{ files: Map<string, Uint8Array>; diagnostics: Diagnostic[]; base: string }> {
  const files = new Map<string, Uint8Array>();
  const diagnostics: Diagnostic[] = [];
  const base = displayPath(dir);
  const walk = async (absolute: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(diagnostic({ code: 'file-unreadable', file: displayPath(absolute), args: { file: displayPath(absolute), reason: (error as Error).message } }));
      return;
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(absolute, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      const stat = await lstat(path);
      if (stat.isSymbolicLink()) {
        diagnostics.push(diagnostic({ code: 'file-unreadable', file: `${base}/${rel}`, args: { file: rel, reason: 'symbolic links are not followed' } }));
      } else if (stat.isDirectory()) {
        await walk(path);
      } else if (/\.yaml$/.test(entry.name)) {
        files.set(rel, await readFile(path));
      } else if (!companionFile(rel)) {
        const ext = entry.name.includes('.') ? entry.name.slice(entry.name.lastIndexOf('.')) : '(none)';
        diagnostics.push(diagnostic({ code: 'wrong-extension', file: `${base}/${rel}`, args: { name: rel, ext } }));
      }
    }
  };
  await walk(dir);
  return { files, diagnostics, base };
}

/** Parses and validates the files of a policy folder given as bytes or text by relative path. */
export function loadPolicyTexts(files: ReadonlyMap<string, Uint8Array | string>, base = 'policies'): LoadedFolder {
  const documents: LoadedDocument[] = [];
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const kinds = Object.keys(documentSchemas);
  for (const [rel, content] of [...files.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const file = base ? `${base}/${rel}` : rel;
    let text: string;
    if (typeof content === 'string') {
      text = content;
    } else {
      const decoded = decodeUtf8(file, content);
      diagnostics.push(...decoded.diagnostics);
      if (decoded.text === undefined) continue;
      text = decoded.text;
    }
    texts.set(file, text);
    const { parsed, diagnostics: parseDiagnostics } = parseYaml(file, text);
    diagnostics.push(...parseDiagnostics);
    if (parseDiagnostics.some((d) => d.severity === 'error') || parsed.data === undefined) continue;
    const data = parsed.data;
    const kind = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).kind : undefined;
    if (typeof kind !== 'string' || !kinds.includes(kind)) {
      const where = kind === undefined ? parsed.locate([]) : parsed.locate(['kind']);
      diagnostics.push(
        diagnostic({
          code: 'unknown-kind',
          file,
          ...where,
          args: { detail: kind === undefined ? 'it has no `kind:`' : `\`kind: ${String(kind)}\` is not a known kind` },
          expected: listOf(kinds),
          received: kind === undefined ? undefined : String(kind),
        }),
      );
      continue;
    }
    const validated = validateDocument(kind as DocumentKind, parsed);
    diagnostics.push(...validated.diagnostics);
    if (validated.document !== undefined) documents.push({ kind, file, parsed, document: validated.document });
  }
  return { documents, texts, diagnostics };
}

export async function loadPolicyFolder(dir: string): Promise<LoadedFolder> {
  const read = await readPolicyFolder(dir);
  const loaded = loadPolicyTexts(read.files, read.base);
  return { ...loaded, diagnostics: [...read.diagnostics, ...loaded.diagnostics] };
}
