import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { PolicyError, type PolicySet } from '@vot/engine';
import { bundledPolicyDir, loadPolicies } from '@vot/policies';
import { CommandFailed, exitCodes, reportDiagnostics, type CliIo } from './io.js';

/** The policy folder a command works on: the one given, else ./policies, else the bundled one. */
export function policyDirFor(cwd: string, given?: string): string {
  if (given) return resolve(cwd, given);
  const local = join(cwd, 'policies');
  return existsSync(join(local, 'policy-set.yaml')) ? local : bundledPolicyDir();
}

/** Loads the policy folder a command decides with; bad policies are printed and exit 1. */
export async function loadPoliciesFor(io: CliIo, given?: string): Promise<PolicySet> {
  try {
    return await loadPolicies({ dir: policyDirFor(io.cwd, given) });
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
