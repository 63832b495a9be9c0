import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { runGate } from '../analyze/gate.js';
import { checkPolicyFolder, checkPolicyTexts } from './load-policies.js';
import { fingerprintOf, modelCacheDir, modelCacheKey, runGateCached, writeCachedCheck } from './model-cache.js';

const scratch = mkdtempSync(join(tmpdir(), 'vot-model-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let made = 0;
const freshDir = (): string => join(scratch, `case-${++made}`);

async function writeFolder(dir: string, files: Record<string, string>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
}

/** What a command sees of a check: comparable across a fresh check and a cached one. */
const seen = (checked: Awaited<ReturnType<typeof checkPolicyFolder>>) => ({
  model: checked.model ? JSON.parse(JSON.stringify(checked.model)) : undefined,
  diagnostics: checked.diagnostics.map((d) => JSON.parse(JSON.stringify(d))),
  texts: [...checked.texts.entries()],
});

// Edits of the minimal set over a finite domain: each keeps it valid, breaks it, or only warns.
const doors = minimalPolicyFiles['access/doors.yaml']!;
const edits: Record<string, (files: Record<string, string>) => Record<string, string>> = {
  none: (files) => files,
  'lower the limit': (files) => ({ ...files, 'access/doors.yaml': doors.replace('atLeast: 10', 'atLeast: 5') }),
  'another reason': (files) => ({ ...files, 'access/doors.yaml': doors.replace('Rødt betyr stopp.', 'Rødt betyr alltid stopp.') }),
  'unknown fact (error)': (files) => ({ ...files, 'access/doors.yaml': doors.replace('fact: colour, is: red', 'fact: color, is: red') }),
  'renamed file': (files) => {
    const { 'access/doors.yaml': text, ...rest } = files;
    return { ...rest, 'access/doors-renamed.yaml': text! };
  },
  'new version': (files) => ({ ...files, 'policy-set.yaml': files['policy-set.yaml']!.replace('version: 1.0.0', 'version: 1.0.1') }),
  'settings default': (files) => ({ ...files, 'settings.yaml': files['settings.yaml']!.replace('default: 12', 'default: 10') }),
};
const settingsChoices = [undefined, { 'door.max-weeks': 8 }, { 'door.max-weeks': 99 }];

describe('the model cache', () => {
  it('serves an unchanged folder from the cache, the same as checking it again', async () => {
    const dir = freshDir();
    const cacheDir = freshDir();
    await writeFolder(dir, minimalPolicyFiles);
    const first = await checkPolicyFolder(dir, { cacheDir });
    const second = await checkPolicyFolder(dir, { cacheDir });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(seen(second)).toEqual(seen(await checkPolicyFolder(dir)));
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('never serves a stale model: after any sequence of edits and settings, the cached check equals a fresh one', async () => {
    const dir = freshDir();
    const cacheDir = freshDir();
    const step = fc.record({ edit: fc.constantFrom(...Object.keys(edits)), settings: fc.constantFrom(...settingsChoices) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const { edit, settings } of steps) {
          await writeFolder(dir, edits[edit]!(minimalPolicyFiles));
          const viaCache = await checkPolicyFolder(dir, { cacheDir, settings });
          const fresh = await checkPolicyFolder(dir, { settings });
          expect(seen(viaCache)).toEqual(seen(fresh));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('stores no folder with errors, so every error is found afresh', async () => {
    const dir = freshDir();
    const cacheDir = freshDir();
    await writeFolder(dir, edits['unknown fact (error)']!(minimalPolicyFiles));
    const checked = await checkPolicyFolder(dir, { cacheDir });
    expect(checked.model).toBeUndefined();
    expect(checked.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
  });

  it('treats an entry that does not verify as a miss and checks again', async () => {
    const dir = freshDir();
    const cacheDir = freshDir();
    await writeFolder(dir, minimalPolicyFiles);
    const fresh = seen(await checkPolicyFolder(dir));
    await checkPolicyFolder(dir, { cacheDir });
    const [name] = await readdir(cacheDir);
    const file = join(cacheDir, name!);
    const good = await readFile(file, 'utf8');
    const tampered = [
      good.replace('Rødt betyr stopp.', 'Rødt betyr kjør.'), // content changed, header kept
      good.slice(0, good.length - 40), // truncated
      good.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`), // another key's entry
      good.replace('vot-model-cache@1', 'vot-model-cache@0'), // older format
      'not json\n{}',
    ];
    for (const text of tampered) {
      await writeFile(file, text);
      const checked = await checkPolicyFolder(dir, { cacheDir });
      expect(checked.cached).toBe(false);
      expect(seen(checked)).toEqual(fresh);
    }
  });

  it('refuses an entry whose model was checked from other policies, even under the right key', async () => {
    const dir = freshDir();
    const other = freshDir();
    const cacheDir = freshDir();
    await writeFolder(dir, minimalPolicyFiles);
    await writeFolder(other, edits['lower the limit']!(minimalPolicyFiles));
    const otherModel = (await checkPolicyFolder(other)).model!;
    // Store the other folder's model under this folder's key, with a valid integrity hash.
    await checkPolicyFolder(dir, { cacheDir });
    const [name] = await readdir(cacheDir);
    await writeCachedCheck(cacheDir, name!.replace('.json', ''), { model: otherModel, diagnostics: [] });
    const checked = await checkPolicyFolder(dir, { cacheDir });
    expect(checked.cached).toBe(false);
    expect(checked.model!.hash).not.toBe(otherModel.hash);
  });

  it('keys by the engine: a changed or added file of the engine code is another key', async () => {
    const engine = freshDir();
    await writeFolder(engine, { 'package.json': '{"version":"1.0.0"}', 'src/check.ts': 'export const a = 1;' });
    const before = fingerprintOf(engine, join(engine, 'src'));
    await writeFile(join(engine, 'src', 'check.ts'), 'export const a = 2;');
    const changed = fingerprintOf(engine, join(engine, 'src'));
    await writeFile(join(engine, 'src', 'more.ts'), '');
    const added = fingerprintOf(engine, join(engine, 'src'));
    await writeFile(join(engine, 'package.json'), '{"version":"1.0.1"}');
    const bumped = fingerprintOf(engine, join(engine, 'src'));
    expect(new Set([before, changed, added, bumped]).size).toBe(4);
    const keys = [before, changed, added, bumped].map((print) => modelCacheKey('sha256:policy', 'policies', print));
    expect(new Set(keys).size).toBe(4);
    // And by the folder as diagnostics name it, since the model holds display paths.
    expect(modelCacheKey('sha256:policy', 'policies', before)).not.toBe(modelCacheKey('sha256:policy', 'other', before));
  });

  it('works on without a cache when the cache folder cannot be made', async () => {
    // A file where the cache folder should be: nothing can be written, whoever runs the test.
    const blocked = freshDir();
    await writeFile(blocked, '');
    const dir = freshDir();
    await writeFolder(dir, minimalPolicyFiles);
    for (let run = 0; run < 2; run++) {
      const checked = await checkPolicyFolder(dir, { cacheDir: join(blocked, 'cache') });
      expect(checked.model).toBeDefined();
      expect(checked.cached).toBe(false);
    }
  });

  it('lives where a clone commits nothing: node_modules/.cache, or the user cache, or where VOT_CACHE_DIR says; off with VOT_CACHE=off', async () => {
    const project = freshDir();
    await mkdir(join(project, 'node_modules'), { recursive: true });
    await mkdir(join(project, 'policies', 'deep'), { recursive: true });
    expect(modelCacheDir(join(project, 'policies', 'deep'), {})).toBe(join(project, 'node_modules', '.cache', 'vot'));
    expect(modelCacheDir('/', { XDG_CACHE_HOME: '/var/cache/me' })).toBe(join('/var/cache/me', 'vot'));
    expect(modelCacheDir(project, { VOT_CACHE_DIR: '/elsewhere' })).toBe('/elsewhere');
    expect(modelCacheDir(project, { VOT_CACHE: 'off', VOT_CACHE_DIR: '/elsewhere' })).toBeUndefined();
  });

  it("serves the gate's report for the same model only, and the report a fresh gate gives", async () => {
    const duties = (status: string) => `kind: duties
catalogue: door-duties
title: { nb: Plikter, en: Duties }
jurisdiction: NO
duties:
  - id: stop-on-red
    title: { nb: Stopp på rødt, en: Stop on red }
    basis: [rule-book-1]
    obligations:
      - invariant: { point: access, when: { fact: colour, is: red }, expect: { outcome: open-door, status: ${status} } }
`;
    const cacheDir = freshDir();
    const withoutTimings = (report: Awaited<ReturnType<typeof runGateCached>>) => ({
      ...JSON.parse(JSON.stringify(report)),
      timings: undefined,
    });
    for (const [status, ok] of [
      ['not-permitted', true],
      ['permitted', false],
      ['not-permitted', true],
    ] as const) {
      const model = checkPolicyTexts(new Map(Object.entries({ ...minimalPolicyFiles, 'duties/doors.yaml': duties(status) }))).model!;
      for (let run = 0; run < 2; run++) {
        const report = await runGateCached(model, { cacheDir });
        expect(report.ok).toBe(ok);
        expect(withoutTimings(report)).toEqual(withoutTimings(runGate(model)));
      }
    }
    // One entry per model: the third model is the first one again.
    expect(await readdir(cacheDir)).toHaveLength(2);
  });
});
