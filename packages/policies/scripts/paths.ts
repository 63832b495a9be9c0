/** Where the build and generator scripts of @vot/policies read and write. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repositoryPolicyDir = resolve(packageDir, '..', '..', 'policies');
export const distDir = join(packageDir, 'dist');
export const generatedFactsFile = join(packageDir, 'src', 'generated', 'facts.ts');
export const factTypesCommand = 'pnpm --filter @vot/policies generate';
