/**
 * Packages meet only at their entries. A file of one package (its `src/` or `scripts/`) that
 * reaches into another package's folder by a relative path bypasses the other's `exports`, works
 * in the workspace and breaks once published (the other package ships `dist/` only), and hides
 * a dependency the package manifests do not declare. The cross-package tests, benchmarks and
 * examples likewise use the entries (`@vot/engine/tools`, `@vot/cli`, …), never a `src/` path.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repo } from './stage-workspace.js';

/** Every module specifier a file names: static and type imports, re-exports, `import()` and `require()`. */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The package folder (`packages/<name>`) a repository path lies in, if any. */
const packageOf = (path: string): string | undefined => /^packages\/[^/]+/.exec(path)?.[0];

/**
 * What is wrong with one import of `file` (a path relative to the repository, `/`-separated):
 * a package file must not reach into another package; any other file must not reach into a
 * package's `src/`.
 */
function boundaryProblem(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(repo, resolve(repo, dirname(file), specifier))
    .split(sep)
    .join('/');
  const from = packageOf(file);
  const to = packageOf(target);
  if (!to || from === to) return undefined;
  if (from) return `${file} imports ${specifier}, a file of ${to}: import the package's entry instead`;
  if (target.startsWith(`${to}/src/`)) return `${file} imports ${specifier}, inside ${to}/src: import the package's entry instead`;
  return undefined;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(repo, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter(
      (e) => e.isFile() && /\.(ts|mts|cts|mjs|cjs|js)$/.test(e.name) && !join(e.parentPath, e.name).includes(`${sep}node_modules${sep}`),
    )
    .map((e) => relative(repo, join(e.parentPath, e.name)).split(sep).join('/'));
}

describe('package boundaries', () => {
  it('names a relative import into another package, and lets a package import its own files', () => {
    expect(boundaryProblem('packages/policies/scripts/build-bundle.ts', '../../cli/src/write.js')).toMatch(/a file of packages\/cli/);
    expect(boundaryProblem('packages/cli/src/render/whatif-client.ts', '../../../engine/src/browser.js')).toMatch(/packages\/engine/);
    expect(boundaryProblem('tests/corpus.test.ts', '../packages/engine/src/testing/fixtures.js')).toMatch(/inside packages\/engine\/src/);
    expect(boundaryProblem('packages/cli/src/commands/render.ts', '../render/book.js')).toBeUndefined();
    expect(boundaryProblem('packages/cli/src/commands/render.ts', '@vot/engine/browser')).toBeUndefined();
    // Scripts have no entry: a test may run them.
    expect(boundaryProblem('tests/release.test.ts', '../packages/policies/scripts/paths.js')).toBeUndefined();
  });

  it('finds dynamic imports and re-exports as well as static imports', () => {
    const text = "export { a } from '../x.js';\nconst m = await import('../y.js');\nimport type { T } from '../z.js';\n";
    expect(specifiersOf(text).sort()).toEqual(['../x.js', '../y.js', '../z.js']);
  });

  it('holds for every file of the packages, the tests, the benchmarks and the examples', async () => {
    const packages = (await readdir(join(repo, 'packages'))).flatMap((name) => [`packages/${name}/src`, `packages/${name}/scripts`]);
    const files = (await Promise.all([...packages, 'tests', 'bench', 'examples'].map(sourceFiles))).flat();
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      for (const specifier of specifiersOf(await readFile(join(repo, file), 'utf8'))) {
        const problem = boundaryProblem(file, specifier);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });
});
