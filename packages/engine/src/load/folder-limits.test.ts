import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolicyFolder, checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { declaredFolderLimits, folderCeiling, folderLimits, readPolicyFolder } from './folder.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder with a policy-set.yaml (declaring `limits` when given) and `others` more files. */
async function folderWith(limits: string | undefined, others: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vot-limits-'));
  folders.push(dir);
  await writeFile(join(dir, 'policy-set.yaml'), `kind: policy-set\n${limits ? `limits: ${limits}\n` : ''}`);
  for (let i = 0; i < others; i++) await writeFile(join(dir, `f${String(i).padStart(4, '0')}.yaml`), 'kind: sources\n');
  return dir;
}

const tooLarge = (diagnostics: Array<{ code: string }>) => diagnostics.some((d) => d.code === 'folder-too-large');

describe('folder limits', () => {
  it('read what policy-set.yaml declares: every file up to the limit, and a diagnostic past it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), async (files, others) => {
        const dir = await folderWith(`{ files: ${files} }`, others);
        const read = await readPolicyFolder(dir);
        // policy-set.yaml counts as one of the files.
        expect(read.files.size).toBe(Math.min(files, others + 1));
        expect(tooLarge(read.diagnostics)).toBe(others + 1 > files);
      }),
      { numRuns: 30 },
    );
  });

  it('grow with the set: a folder past the default reads whole once it declares more', async () => {
    const others = folderLimits.maxFiles;
    const undeclared = await readPolicyFolder(await folderWith(undefined, others));
    expect(tooLarge(undeclared.diagnostics)).toBe(true);
    expect(undeclared.files.size).toBe(folderLimits.maxFiles);
    const declared = await readPolicyFolder(await folderWith(`{ files: ${others + 100} }`, others));
    expect(tooLarge(declared.diagnostics)).toBe(false);
    expect(declared.files.size).toBe(others + 1);
  });

  it('stay under the hard ceiling whatever is declared, and default what is not a whole number', async () => {
    expect(await declaredFolderLimits(await folderWith('{ files: 1000000000, megabytes: 1000000 }', 0))).toEqual(folderCeiling);
    expect(await declaredFolderLimits(await folderWith('{ files: -3, megabytes: 2.5 }', 0))).toEqual(folderLimits);
    expect(await declaredFolderLimits(await folderWith('{ files: "many" }', 0))).toEqual(folderLimits);
    expect(await declaredFolderLimits(await folderWith(undefined, 0))).toEqual(folderLimits);
    expect(await declaredFolderLimits(join(tmpdir(), 'vot-no-such-folder'))).toEqual(folderLimits);
    expect(await declaredFolderLimits(await folderWith('{ megabytes: 64 }', 0))).toEqual({
      ...folderLimits,
      maxTotalBytes: 64 * 1024 * 1024,
    });
  });

  it('are checked with the policy set: a declaration past the ceiling is an error at its line', () => {
    const declare = (limits: string) =>
      checkPolicyTexts(
        new Map(
          Object.entries({ ...minimalPolicyFiles, 'policy-set.yaml': `${minimalPolicyFiles['policy-set.yaml']}limits: ${limits}\n` }),
        ),
      );
    expect(declare('{ files: 5000, megabytes: 64 }').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const limits of [`{ files: ${folderCeiling.maxFiles + 1} }`, '{ megabytes: 100000 }', '{ files: 0 }', '{ folders: 3 }']) {
      const error = declare(limits).diagnostics.find((d) => d.severity === 'error' && d.path?.startsWith('limits'));
      expect(error?.file, limits).toBe('policies/policy-set.yaml');
      expect(error?.start?.line).toBe(minimalPolicyFiles['policy-set.yaml']!.split('\n').length);
    }
  });

  it('given to a check (a flag) replace the declared ones, still under the ceiling', async () => {
    const dir = await folderWith('{ files: 2 }', 4);
    const tooLargeWith = async (limits?: { maxFiles?: number; maxTotalBytes?: number }) =>
      tooLarge((await checkPolicyFolder(dir, { limits })).diagnostics);
    expect(await tooLargeWith()).toBe(true);
    expect(await tooLargeWith({ maxFiles: 5 })).toBe(false);
    expect(await tooLargeWith({ maxFiles: 4 })).toBe(true);
    expect(await tooLargeWith({ maxTotalBytes: 1024 * 1024 })).toBe(true);
    expect(await tooLargeWith({ maxFiles: 1e9 })).toBe(false);
    const many = await folderWith(undefined, folderCeiling.maxFiles);
    const read = await checkPolicyFolder(many, { limits: { maxFiles: 1e9 } });
    expect(tooLarge(read.diagnostics)).toBe(true);
  }, 120_000);
});
