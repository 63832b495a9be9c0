/**
 * The pipeline: a policy folder → loaded documents (load/) → checked model (check/) → compiled
 * policy set (decide/PolicySet, which compiles each point once). The I/O edge of the engine,
 * and the only module that runs the stages one after another: loading never checks, checking
 * never builds a policy set, and no stage calls back into the pipeline.
 */
import { checkPolicySet } from '../check/check.js';
import { hasErrors, PolicyError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { PolicySet, type EvaluatorKind } from '../decide/policy-set.js';
import type { FactValue, PolicySetModel } from '../model.js';
import {
  declaredFolderLimits,
  folderCeiling,
  loadPolicyFolder,
  readPolicyFolder,
  loadPolicyTexts,
  type FolderLimits,
} from '../load/folder.js';
import { policyHash } from '../load/hash.js';
import { decodeUtf8 } from '../load/parse.js';
import { modelCacheKey, readCachedCheck, writeCachedCheck } from './model-cache.js';
import { readSettingsInput } from './settings-input.js';

/** Options of checking a policy folder. */
export interface CheckFolderOptions {
  /** Settings in force instead of their defaults. */
  settings?: Readonly<Record<string, FactValue>>;
  /**
   * A folder to keep checked models in, keyed by the content of every policy file, the settings
   * and the engine (pipeline/model-cache.ts): an unchanged folder is then not parsed and checked
   * again. Off when not given.
   */
  cacheDir?: string;
  /**
   * How much of the folder to read, instead of what its policy-set.yaml declares (`limits`) or
   * the defaults; kept under the hard ceiling (`folderCeiling`) either way.
   */
  limits?: Partial<FolderLimits>;
}

/** A checked policy folder: the model when it has no errors, every diagnostic, and the texts for code frames. */
export interface CheckedFolder {
  model?: PolicySetModel;
  diagnostics: Diagnostic[];
  /** Source texts by display path, for code frames. */
  texts: Map<string, string>;
  /** Whether the model came from the cache (`cacheDir`) instead of being checked again. */
  cached?: boolean;
}

/** Loads and checks a policy folder, collecting every problem. Never throws for bad policies. */
export async function checkPolicyFolder(dir: string, options: CheckFolderOptions = {}): Promise<CheckedFolder> {
  const read = await readPolicyFolder(dir, await folderLimitsFor(dir, options.limits));
  if (options.cacheDir && read.diagnostics.length === 0) {
    const cached = await checkWithCache(read.files, read.base, options, options.cacheDir);
    if (cached) return cached;
  }
  const loaded = loadPolicyTexts(read.files, read.base);
  loaded.diagnostics.unshift(...read.diagnostics);
  return checkLoaded(loaded, read.base, options);
}

/** The limits given, else declared, under the ceiling. */
async function folderLimitsFor(dir: string, given: Partial<FolderLimits> | undefined): Promise<FolderLimits | undefined> {
  if (!given || (given.maxFiles === undefined && given.maxTotalBytes === undefined)) return undefined;
  const declared = await declaredFolderLimits(dir);
  return {
    maxFiles: Math.min(given.maxFiles ?? declared.maxFiles, folderCeiling.maxFiles),
    maxTotalBytes: Math.min(given.maxTotalBytes ?? declared.maxTotalBytes, folderCeiling.maxTotalBytes),
  };
}

/**
 * The checked folder from the cache, or checked and then stored; undefined when the files or
 * settings cannot even be read (the uncached path reports that).
 */
async function checkWithCache(
  files: ReadonlyMap<string, Uint8Array>,
  base: string,
  options: CheckFolderOptions,
  cacheDir: string,
): Promise<CheckedFolder | undefined> {
  const input = readSettingsInput(options.settings);
  if (input.diagnostics.length > 0) return undefined;
  const relative = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const [rel, bytes] of files) {
    const file = base ? `${base}/${rel}` : rel;
    const decoded = decodeUtf8(file, bytes);
    if (decoded.text === undefined) return undefined;
    relative.set(rel, decoded.text);
    texts.set(file, decoded.text);
  }
  const hash = policyHash(texts, base, input.settings);
  const key = modelCacheKey(hash, base);
  const hit = await readCachedCheck(cacheDir, key);
  // The model names the policy hash it was checked from: one more guard against a stale entry.
  if (hit && hit.model.hash === hash) return { model: hit.model, diagnostics: hit.diagnostics, texts, cached: true };
  const checked = checkLoaded(loadPolicyTexts(relative, base), base, options);
  if (checked.model) await writeCachedCheck(cacheDir, key, { model: checked.model, diagnostics: checked.diagnostics });
  return { ...checked, cached: false };
}

/** The same, for policy files given in memory by relative path (tests, fuzzing, the browser). */
export function checkPolicyTexts(
  files: ReadonlyMap<string, string | Uint8Array>,
  options: CheckFolderOptions & { base?: string } = {},
): CheckedFolder {
  const base = options.base ?? 'policies';
  return checkLoaded(loadPolicyTexts(files, base), base, options);
}

function checkLoaded(loaded: ReturnType<typeof loadPolicyTexts>, base: string, options: CheckFolderOptions): CheckedFolder {
  const input = readSettingsInput(options.settings);
  if (input.diagnostics.length > 0) {
    // Fail closed: settings that cannot be read would otherwise fall back to the defaults.
    return { diagnostics: sortDiagnostics([...loaded.diagnostics, ...input.diagnostics]), texts: loaded.texts };
  }
  const hash = policyHash(loaded.texts, base, input.settings);
  const checked = loaded.diagnostics.some((d) => d.code === 'file-unreadable' && d.file === base)
    ? { diagnostics: [] as Diagnostic[] }
    : checkPolicySet(loaded, { hash, settings: input.settings });
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics]);
  const result: CheckedFolder = { diagnostics, texts: loaded.texts };
  if (checked.model && !hasErrors(diagnostics)) result.model = checked.model;
  return result;
}

/** Options of loading a policy set. */
export interface LoadPolicySetOptions extends CheckFolderOptions {
  /** `compiled` (default) or `json-rules-engine`, the reference semantics. */
  evaluator?: EvaluatorKind;
}

/** Loads, checks and compiles a policy folder; rejects with every diagnostic if it has errors. */
export async function loadPolicySet(dir: string, options: LoadPolicySetOptions = {}): Promise<PolicySet> {
  const checked = await checkPolicyFolder(dir, options);
  if (!checked.model) {
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    throw new PolicyError(
      `the policies in ${dir} have ${errors.length} error${errors.length === 1 ? '' : 's'}`,
      checked.diagnostics,
      checked.texts,
    );
  }
  return new PolicySet(checked.model, { evaluator: options.evaluator });
}

export { loadPolicyFolder };
