import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { CheckedFolder, CheckFolderOptions, PolicySetModel } from '@vot/engine';
import type { GateReport } from '@vot/engine/tools';
import { PolicyError, PolicySet, renderDiagnostics } from '@vot/engine/runtime';
import { bundledPolicyDir, loadPolicies } from '@vot/policies';
import { CommandFailed, exitCodes, reportDiagnostics, type CliIo } from './io.js';

/** The policy folder a command works on: the one given, else ./policies, else the bundled one. */
export function policyDirFor(cwd: string, given?: string): string {
  if (given) return resolve(cwd, given);
  const local = join(cwd, 'policies');
  return existsSync(join(local, 'policy-set.yaml')) ? local : bundledPolicyDir();
}

/**
 * Loads and checks a policy folder through the model cache (`VOT_CACHE_DIR`, `VOT_CACHE=off`;
 * see the engine's pipeline/model-cache.ts): an unchanged folder is not parsed and checked again.
 */
export async function checkFolder(io: CliIo, dir: string, limits?: CheckFolderOptions['limits']): Promise<CheckedFolder> {
  // The engine's loader and checker (yaml, zod) are imported only by commands that read YAML.
  const [{ checkPolicyFolder }, { modelCacheDir }] = await Promise.all([import('@vot/engine'), import('@vot/engine/tools')]);
  return checkPolicyFolder(dir, { cacheDir: modelCacheDir(io.cwd), limits });
}

/** The regulation gate's report for a checked model, through the same cache. */
export async function gateFor(io: CliIo, model: PolicySetModel): Promise<GateReport> {
  const { modelCacheDir, runGateCached } = await import('@vot/engine/tools');
  return runGateCached(model, { cacheDir: modelCacheDir(io.cwd) });
}

/**
 * The policy set a command decides with: the folder given, else ./policies, else the bundled
 * policies, checked through the model cache; an installed package reads its checked bundle
 * instead and parses no YAML. Bad policies are printed and exit 1.
 */
export async function loadPoliciesFor(io: CliIo, given?: string): Promise<PolicySet> {
  const dir = policyDirFor(io.cwd, given);
  try {
    // An installed package ships its checked `bundle.json` beside `policies/`; the workspace has only the YAML.
    if (!given && dir === bundledPolicyDir() && existsSync(join(dirname(dir), 'bundle.json'))) return await loadPolicies();
    const checked = await checkFolder(io, dir);
    if (!checked.model) {
      io.err(renderDiagnostics(checked.diagnostics, { sources: checked.texts }));
      throw new CommandFailed(exitCodes.badInput);
    }
    return new PolicySet(checked.model);
  } catch (error) {
    if (error instanceof PolicyError) {
      reportDiagnostics(io, error.diagnostics);
      throw new CommandFailed(exitCodes.badInput);
    }
    throw error;
  }
}

/**
 * The policy folder that holds `given` (the nearest folder with `policy-set.yaml` at or above
 * it) and, when `given` is a folder or file inside it rather than the folder itself, `only`:
 * the part a command should limit itself to.
 */
export function policyScope(cwd: string, given?: string): { root: string; only?: string } {
  const root = policyDirFor(cwd, given);
  if (!given || !existsSync(root) || existsSync(join(root, 'policy-set.yaml'))) return { root };
  let folder = statSync(root).isDirectory() ? root : dirname(root);
  while (!existsSync(join(folder, 'policy-set.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) return { root };
    folder = parent;
  }
  return { root: folder, only: root };
}

/** Whether `file` is `scope` or lies inside it (absolute paths). */
export const isInside = (file: string, scope: string): boolean =>
  file === scope || file.startsWith(scope.endsWith(sep) ? scope : `${scope}${sep}`);
