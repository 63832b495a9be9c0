import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundled policy folder is: `policies/` beside the package when installed, or the
 * repository's top-level `policies/` in the workspace.
 */
export function bundledPolicyDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'policies'), resolve(here, '..', '..', '..', 'policies')];
  return candidates.find((dir) => existsSync(join(dir, 'policy-set.yaml'))) ?? candidates[candidates.length - 1]!;
}
