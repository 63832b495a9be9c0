import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledPolicyDir } from '@vot/policies';

/** The policy folder a command works on: the one given, else ./policies, else the bundled one. */
export function policyDirFor(cwd: string, given?: string): string {
  if (given) return resolve(cwd, given);
  const local = join(cwd, 'policies');
  return existsSync(join(local, 'policy-set.yaml')) ? local : bundledPolicyDir();
}
