/**
 * The corpus of bad policy files (tests/corpus/README.md): each case's files are read from disk
 * through the same reader `vot check` uses, laid over the engine's minimal test set, loaded and
 * checked; the rendered diagnostics must equal the case's `expected.txt` byte for byte. Every
 * case must fail the check: a hostile or broken file never yields a usable policy set.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkPolicyTexts, renderDiagnostics } from '@vot/engine';
import { minimalPolicyFiles, readPolicyFolder } from '@vot/engine/tools';
import { describe, expect, it } from 'vitest';

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const corpus = join(import.meta.dirname, 'corpus');
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function runCase(name: string) {
  const dir = join(corpus, name, 'policies');
  const read = await readPolicyFolder(dir);
  const files = new Map<string, string | Uint8Array>(Object.entries(minimalPolicyFiles));
  for (const [rel, bytes] of read.files) files.set(rel, bytes);
  const checked = checkPolicyTexts(files, { base: read.base });
  const diagnostics = [...read.diagnostics, ...checked.diagnostics];
  return { checked, diagnostics, text: `${renderDiagnostics(diagnostics, { sources: checked.texts })}\n` };
}

describe('corpus of bad policy files', () => {
  it('has the cases the issues name', () => {
    for (const required of [
      'unknown-fact',
      'bad-indentation',
      'duplicate-key',
      'prototype-keys',
      'smuggled-rules-engine-keys',
      'billion-laughs',
    ]) {
      expect(cases).toContain(required);
    }
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(`${name}: refused with the pinned diagnostics`, async () => {
      const { checked, diagnostics, text } = await runCase(name);
      expect(
        diagnostics.some((d) => d.severity === 'error'),
        'every corpus case must fail',
      ).toBe(true);
      expect(checked.model).toBeUndefined();
      // Every diagnostic names its file; the reader can find what to fix.
      for (const d of diagnostics) expect(d.file, `${d.code} without a file`).toMatch(/^tests\/corpus\//);
      await expect(text).toMatchFileSnapshot(join(corpus, name, 'expected.txt'));
    });
  }

  it('leaves Object.prototype untouched', async () => {
    for (const name of cases) await runCase(name);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
