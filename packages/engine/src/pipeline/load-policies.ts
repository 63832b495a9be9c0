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
import { loadPolicyFolder, readPolicyFolder, loadPolicyTexts } from '../load/folder.js';
import { policyHash } from '../load/hash.js';
import { readSettingsInput } from './settings-input.js';

/** Options of checking a policy folder. */
export interface CheckFolderOptions {
  /** Settings in force instead of their defaults. */
  settings?: Readonly<Record<string, FactValue>>;
}

/** A checked policy folder: the model when it has no errors, every diagnostic, and the texts for code frames. */
export interface CheckedFolder {
  model?: PolicySetModel;
  diagnostics: Diagnostic[];
  /** Source texts by display path, for code frames. */
  texts: Map<string, string>;
}

/** Loads and checks a policy folder, collecting every problem. Never throws for bad policies. */
export async function checkPolicyFolder(dir: string, options: CheckFolderOptions = {}): Promise<CheckedFolder> {
  const read = await readPolicyFolder(dir);
  const loaded = loadPolicyTexts(read.files, read.base);
  loaded.diagnostics.unshift(...read.diagnostics);
  return checkLoaded(loaded, read.base, options);
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
