/**
 * A policy folder → parsed, schema-valid documents, each with its file and positions.
 * Every `.yaml` file is placed by its `kind`; a file that cannot be placed is an error, never
 * skipped. Reading the disk happens only in `readPolicyFolder`; `loadPolicyTexts` is pure.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic, listOf, type Diagnostic } from '../diagnostics.js';
import { documentSchemas, type DocumentKind, type DocumentOf } from '../schema/documents.js';
import {
  actingCharacterIn,
  capProblems,
  codePointText,
  decodeUtf8,
  folderCeiling,
  folderLimits,
  loadLimits,
  parseYaml,
  type ParsedFile,
} from './parse.js';
import { validateDocument } from './validate.js';
import { fileErrorReason } from './file-error.js';
export { fileErrorReason };

/** A schema-valid document of one kind, with its file and the positions of its parsed text. */
export interface LoadedDocumentOf<K extends DocumentKind> {
  kind: K;
  file: string;
  parsed: ParsedFile;
  document: DocumentOf<K>;
}

/** Any loaded document: a union by `kind`, so a checker pass narrows to typed documents without a cast. */
export type LoadedDocument = { [K in DocumentKind]: LoadedDocumentOf<K> }[DocumentKind];

const isDocumentKind = (kind: unknown): kind is DocumentKind => typeof kind === 'string' && Object.hasOwn(documentSchemas, kind);

/** Validates a parsed file as a document of `kind`. */
function loadDocument<K extends DocumentKind>(kind: K, file: string, parsed: ParsedFile) {
  const validated = validateDocument(kind, parsed);
  const loaded: LoadedDocumentOf<K> | undefined =
    validated.document === undefined ? undefined : { kind, file, parsed, document: validated.document };
  // The document was validated by the schema of its own kind: the pair belongs to the union's `K` branch.
  return { loaded: loaded as LoadedDocument | undefined, diagnostics: validated.diagnostics };
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

export { folderCeiling, folderLimits };

/** How much one policy folder may hold: a wrong path (a home folder, `/`) must not be read whole. */
export interface FolderLimits {
  maxFiles: number;
  maxTotalBytes: number;
}

/**
 * The limits a policy folder declares in its policy-set.yaml (`limits: { files, megabytes }`),
 * each kept under `folderCeiling`; the defaults (`folderLimits`) for what it does not declare,
 * or when the file cannot be read or parsed (checking the folder then reports why).
 */
export async function declaredFolderLimits(dir: string): Promise<FolderLimits> {
  let data: unknown;
  try {
    const path = join(dir, 'policy-set.yaml');
    const stat = await lstat(path);
    if (!stat.isFile() || stat.size > loadLimits.maxFileBytes) return { ...folderLimits };
    data = parseYaml('policy-set.yaml', await readFile(path, 'utf8')).parsed.data;
  } catch {
    return { ...folderLimits };
  }
  const limits = (data as { limits?: { files?: unknown; megabytes?: unknown } } | undefined)?.limits;
  const within = (value: unknown, unit: number, ceiling: number, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 ? Math.min(value * unit, ceiling) : fallback;
  return {
    maxFiles: within(limits?.files, 1, folderCeiling.maxFiles, folderLimits.maxFiles),
    maxTotalBytes: within(limits?.megabytes, 1024 * 1024, folderCeiling.maxTotalBytes, folderLimits.maxTotalBytes),
  };
}

/**
 * Reads every file under `dir` (sorted, no symbolic links, dot-files ignored) as bytes. Sizes
 * are checked before a file is read; only regular files are read (a named pipe would block
 * forever); the folder as a whole is bounded by `limits`, by default what its policy-set.yaml
 * declares (`declaredFolderLimits`).
 */
export async function readPolicyFolder(
  dir: string,
  given?: FolderLimits,
): Promise<{ files: Map<string, Uint8Array>; diagnostics: Diagnostic[]; base: string }> {
  const limits = given ?? (await declaredFolderLimits(dir));
  const files = new Map<string, Uint8Array>();
  const diagnostics: Diagnostic[] = [];
  const base = displayPath(dir);
  let seenFiles = 0;
  let seenBytes = 0;
  let full = false;
  const unreadable = (file: string, shown: string, reason: string) =>
    diagnostics.push(diagnostic({ code: 'file-unreadable', file, args: { file: shown, reason } }));
  const walk = async (absolute: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      unreadable(displayPath(absolute), displayPath(absolute), fileErrorReason(error));
      return;
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (full) return;
      if (entry.name.startsWith('.')) continue;
      const path = join(absolute, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      const shown = `${base}/${rel}`;
      let stat: Stats;
      try {
        stat = await lstat(path);
      } catch (error) {
        unreadable(shown, rel, fileErrorReason(error));
        continue;
      }
      if (stat.isSymbolicLink()) {
        unreadable(shown, rel, 'symbolic links are not followed');
      } else if (stat.isDirectory()) {
        await walk(path);
      } else if (/\.yaml$/.test(entry.name)) {
        if (!stat.isFile()) {
          unreadable(shown, rel, 'not a regular file');
          continue;
        }
        seenFiles++;
        seenBytes += Math.min(stat.size, loadLimits.maxFileBytes + 1);
        if (seenFiles > limits.maxFiles || seenBytes > limits.maxTotalBytes) {
          const limit = seenFiles > limits.maxFiles ? `${limits.maxFiles} policy files` : `${limits.maxTotalBytes} bytes of policy files`;
          diagnostics.push(
            diagnostic({
              code: 'folder-too-large',
              file: base,
              args: { limit, files: folderCeiling.maxFiles, megabytes: folderCeiling.maxTotalBytes / 1024 / 1024 },
            }),
          );
          full = true;
          return;
        }
        if (stat.size > loadLimits.maxFileBytes) {
          // Not read at all: the size is known from the file system.
          diagnostics.push(diagnostic({ code: 'file-too-large', file: shown, args: { size: stat.size, limit: loadLimits.maxFileBytes } }));
          continue;
        }
        try {
          files.set(rel, await readFile(path));
        } catch (error) {
          unreadable(shown, rel, fileErrorReason(error));
        }
      } else if (!companionFile(rel)) {
        const ext = entry.name.includes('.') ? entry.name.slice(entry.name.lastIndexOf('.')) : '(none)';
        diagnostics.push(diagnostic({ code: 'wrong-extension', file: shown, args: { name: rel, ext } }));
      }
    }
  };
  await walk(dir);
  return { files, diagnostics, base };
}

/**
 * A path as a file system that ignores case or normalises Unicode may store it: two paths with
 * the same key would be one file there (full case folding, so `ß` meets `SS`; NFC, so a
 * precomposed `å` meets `a` with a combining ring).
 */
const collisionKey = (path: string): string => path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');

/**
 * Names that cannot be shown or checked out faithfully: a control or direction character in a
 * name, or two names one file system would take for one file. Both are refused, naming the file.
 */
function refusedName(rel: string, file: string, seen: Map<string, string>): Diagnostic | undefined {
  const acting = actingCharacterIn(rel);
  if (acting) {
    const code = codePointText(acting.character);
    return acting.code === 'control-character'
      ? diagnostic({ code: 'control-character', file, args: { code, where: 'name' } })
      : diagnostic({ code: 'hidden-character', file, args: { code } });
  }
  const key = collisionKey(rel);
  const other = seen.get(key);
  if (other !== undefined) return diagnostic({ code: 'file-name-collision', file, args: { name: rel, other } });
  seen.set(key, rel);
  return undefined;
}

/** Parses and validates the files of a policy folder given as bytes or text by relative path. */
export function loadPolicyTexts(files: ReadonlyMap<string, Uint8Array | string>, base = 'policies'): LoadedFolder {
  const documents: LoadedDocument[] = [];
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const kinds = Object.keys(documentSchemas);
  const names = new Map<string, string>();
  for (const [rel, content] of [...files.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const file = base ? `${base}/${rel}` : rel;
    const badName = refusedName(rel, file, names);
    if (badName) {
      diagnostics.push(badName);
      continue;
    }
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
    // A loop, not push(...list): spreading a very long list overflows the call stack.
    for (const d of parseDiagnostics) diagnostics.push(d);
    if (parseDiagnostics.some((d) => d.severity === 'error')) continue;
    if (parsed.data === undefined) {
      // Never skip a file silently: the parser found nothing wrong, but there is no data either.
      diagnostics.push(diagnostic({ code: 'unknown-kind', file, args: { detail: 'it holds no data' }, expected: listOf(kinds) }));
      continue;
    }
    const data = parsed.data;
    const kind = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).kind : undefined;
    if (!isDocumentKind(kind)) {
      const where = kind === undefined ? parsed.locate([]) : parsed.locate(['kind']);
      diagnostics.push(
        diagnostic({
          code: 'unknown-kind',
          file,
          ...where,
          args: {
            detail:
              kind === undefined
                ? 'it has no `kind:`'
                : typeof kind === 'string'
                  ? `\`kind: ${kind}\` is not a known kind`
                  : '`kind:` must be one word, not a list, a map or a number',
          },
          expected: listOf(kinds),
          received:
            kind === undefined
              ? undefined
              : typeof kind === 'string'
                ? kind
                : Array.isArray(kind)
                  ? 'a list'
                  : typeof kind === 'object' && kind !== null
                    ? 'a map'
                    : String(kind),
        }),
      );
      continue;
    }
    const { loaded, diagnostics: problems } = loadDocument(kind, file, parsed);
    for (const d of capProblems(file, problems)) diagnostics.push(d);
    if (loaded) documents.push(loaded);
  }
  return { documents, texts, diagnostics };
}

export async function loadPolicyFolder(dir: string): Promise<LoadedFolder> {
  const read = await readPolicyFolder(dir);
  const loaded = loadPolicyTexts(read.files, read.base);
  return { ...loaded, diagnostics: [...read.diagnostics, ...loaded.diagnostics] };
}
