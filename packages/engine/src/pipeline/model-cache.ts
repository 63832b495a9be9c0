/**
 * A cache of checked models, keyed by content, so `vot check`, `test`, `render`, `diff` and
 * `eval` do not parse and check an unchanged policy folder again; and of the regulation gate's
 * reports (`runGateCached`), so `vot check` does not run an unchanged gate again.
 *
 * The key can never match a model built from anything else: it is the sha256 of
 * - the policy hash (every file's path and text, and the settings in force),
 * - the folder as diagnostics show it (the model holds display paths),
 * - the engine that checked it: the engine's package.json (its version and the versions of yaml,
 *   zod and json-rules-engine) and the text of every file of the running engine code (`src/`
 *   from the workspace, `dist/` from an installed package), so a change to the checker is a new
 *   key even before a version is bumped,
 * - the format of the entry.
 * An entry carries an integrity hash of its content and is written atomically; an entry that
 * does not verify is a miss and is overwritten. Only a folder without errors is stored (with
 * its warnings), so every problem is always found afresh.
 *
 * Where: `VOT_CACHE_DIR`, else `node_modules/.cache/vot` in the nearest folder at or above the
 * working directory with a `node_modules` (never committed), else `$XDG_CACHE_HOME/vot` or
 * `~/.cache/vot`; `VOT_CACHE=off` turns it off. The newest `maxEntries` entries are kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGate, type GateOptions, type GateReport } from '../analyze/gate.js';
import type { Diagnostic } from '../diagnostics.js';
import type { PolicySetModel } from '../model.js';
import { writeFileAtomic } from '../write-file.js';

/** The `format` of a cache entry. */
export const modelCacheFormat = 'vot-model-cache@1';

/** Entries kept; older ones are removed when a new one is written. */
const maxEntries = 16;

/** What a cache entry holds: the checked model and the warnings found while checking it. */
export interface CachedCheck {
  model: PolicySetModel;
  diagnostics: Diagnostic[];
}

/** The engine package's root folder and the folder of the code that is running (`src` or `dist`). */
function engineFolders(): { root: string; code: string } {
  let folder = dirname(fileURLToPath(import.meta.url));
  const start = folder;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return { root: start, code: start };
    folder = parent;
  }
  const below = relative(folder, start).split(sep)[0];
  return { root: folder, code: below ? join(folder, below) : folder };
}

/**
 * A hash of an engine: its package.json (its version and the exact versions of yaml, zod and
 * json-rules-engine it depends on) and every file of its code folder, by path and content.
 */
export function fingerprintOf(root: string, code: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(root, 'package.json')));
  const files = (
    readdirSync(code, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>
  )
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(relative(code, file));
    hash.update('\u0000');
    hash.update(readFileSync(file));
    hash.update('\u0000');
  }
  return `sha256:${hash.digest('hex')}`;
}

let fingerprint: string | undefined;

/** The fingerprint of the engine that is running, worked out once per process. */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  const { root, code } = engineFolders();
  fingerprint = fingerprintOf(root, code);
  return fingerprint;
}

/** The cache key of a checked folder: see the module comment for what it covers. */
export function modelCacheKey(policyHash: string, base: string, engine: string = engineFingerprint()): string {
  return createHash('sha256')
    .update(JSON.stringify([modelCacheFormat, engine, base, policyHash]))
    .digest('hex');
}

/** The cache folder for a working directory and environment, or undefined when the cache is off. */
export function modelCacheDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.VOT_CACHE === 'off') return undefined;
  if (env.VOT_CACHE_DIR) return env.VOT_CACHE_DIR;
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'node_modules'))) return join(folder, 'node_modules', '.cache', 'vot');
    if (dirname(folder) === folder) break;
  }
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vot');
}

const integrityOf = (content: string): string => `sha256:${createHash('sha256').update(content).digest('hex')}`;

/** The content stored under `key`, or undefined when there is none or it does not verify. */
async function readEntry(dir: string, key: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
  // The first line is the header; the rest is the content its integrity hash covers.
  const newline = text.indexOf('\n');
  try {
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; integrity?: unknown };
    const content = text.slice(newline + 1);
    if (header.format !== modelCacheFormat || header.key !== key || header.integrity !== integrityOf(content)) return undefined;
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Stores content under `key` and removes the oldest entries beyond `maxEntries`. A cache that
 * cannot be written is no error: the next run works it out again.
 */
async function writeEntry(dir: string, key: string, entry: unknown): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const content = JSON.stringify(entry);
    await writeFileAtomic(
      join(dir, `${key}.json`),
      `${JSON.stringify({ format: modelCacheFormat, key, integrity: integrityOf(content) })}\n${content}`,
    );
    const entries = (await readdir(dir)).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));
    if (entries.length <= maxEntries) return;
    const dated = await Promise.all(entries.map(async (name) => ({ name, time: (await stat(join(dir, name))).mtimeMs })));
    dated.sort((x, y) => y.time - x.time);
    await Promise.all(dated.slice(maxEntries).map(({ name }) => unlink(join(dir, name)).catch(() => undefined)));
  } catch {
    // Read-only or full: fine, the cache is only an optimisation.
  }
}

/** The checked folder stored under `key`, or undefined when there is none or it does not verify. */
export async function readCachedCheck(dir: string, key: string): Promise<CachedCheck | undefined> {
  const entry = (await readEntry(dir, key)) as CachedCheck | undefined;
  return entry && typeof entry.model === 'object' && Array.isArray(entry.diagnostics) ? entry : undefined;
}

/** Stores a checked folder (its model and warnings) under `key`. */
export const writeCachedCheck = (dir: string, key: string, entry: CachedCheck): Promise<void> => writeEntry(dir, key, entry);

/**
 * The regulation gate's report for a model, from the cache when the same engine has run the
 * same gate over the same model before. The key hashes the whole model (display paths
 * included, which the report shows), the catalogues asked for and the engine. The report's
 * timings are those of the run that made it.
 */
export async function runGateCached(model: PolicySetModel, options: GateOptions & { cacheDir?: string } = {}): Promise<GateReport> {
  const { cacheDir, ...gateOptions } = options;
  if (!cacheDir) return runGate(model, gateOptions);
  const key = createHash('sha256')
    .update(JSON.stringify([modelCacheFormat, engineFingerprint(), 'gate', gateOptions.catalogues ?? null]))
    .update(JSON.stringify(model))
    .digest('hex');
  const hit = (await readEntry(cacheDir, key)) as GateReport | undefined;
  if (hit && typeof hit.ok === 'boolean' && Array.isArray(hit.duties)) return hit;
  const report = runGate(model, gateOptions);
  await writeEntry(cacheDir, key, report);
  return report;
}
