import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Set to `true` by the package build (tsup `define`); absent when the workspace runs the
 * TypeScript sources. Only a built package has a bundle, and it must never fall back to YAML.
 */
declare const __VOT_BUILT_PACKAGE__: boolean | undefined;

export const isBuiltPackage = (): boolean => typeof __VOT_BUILT_PACKAGE__ !== 'undefined' && __VOT_BUILT_PACKAGE__;

/** This module's folder: `dist/` in the package (ESM or CJS: tsup shims `import.meta.url`), `src/` in the workspace. */
const here = (): string => dirname(fileURLToPath(import.meta.url));

/**
 * Where the bundled policy folder is: `dist/policies/` in the package, or the repository's
 * top-level `policies/` in the workspace.
 */
export function bundledPolicyDir(): string {
  const candidates = [join(here(), 'policies'), resolve(here(), '..', '..', '..', 'policies')];
  return candidates.find((dir) => existsSync(join(dir, 'policy-set.yaml'))) ?? candidates[candidates.length - 1]!;
}

/** The compiled policy bundle shipped in the package: `dist/bundle.json`. */
export function bundleFile(): string {
  return join(here(), 'bundle.json');
}
