/**
 * File names from outside. The loader refuses two policy files whose names one file system
 * would take for one file (case folding on Windows and macOS, Unicode normalisation on macOS),
 * naming both, and a name with a control character. Such files are made here in a temporary
 * folder rather than kept in the corpus: they would break a checkout of this repository.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPolicyFolder, renderDiagnostics } from '@vot/engine';
import { minimalPolicyFiles } from '@vot/engine/tools';
import { afterEach, describe, expect, it } from 'vitest';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The engine's small policy set in a temporary folder, with extra files beside it. */
async function folderWith(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vot-names-'));
  made.push(dir);
  for (const [rel, text] of Object.entries({ ...minimalPolicyFiles, ...extra })) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

const sources = 'kind: sources\nsources: []\n';

describe('policy file names', () => {
  for (const [what, first, second] of [
    ['case', 'access/Extra.yaml', 'access/extra.yaml'],
    ['full case folding (ß and SS)', 'access/STRASSE.yaml', 'access/straße.yaml'],
    ['Unicode normalisation (å precomposed and decomposed)', 'access/p\u00e5.yaml', 'access/pa\u030a.yaml'],
    ['case of a folder', 'Access/extra.yaml', 'access/extra.yaml'],
  ] as const) {
    it(`refuses two names that differ only in ${what}, naming both`, async () => {
      const dir = await folderWith({ [first]: sources, [second]: sources });
      const checked = await checkPolicyFolder(dir);
      expect(checked.model).toBeUndefined();
      const collisions = checked.diagnostics.filter((d) => d.code === 'file-name-collision');
      expect(collisions).toHaveLength(1);
      const [a, b] = [first, second].sort();
      expect(collisions[0]!.message).toContain(`\`${b}\``);
      expect(collisions[0]!.message).toContain(`\`${a}\``);
    });
  }

  it('accepts names that only look alike to a person but are different files everywhere', async () => {
    const dir = await folderWith({ 'access/extra-1.yaml': sources, 'access/extra-l.yaml': sources });
    const checked = await checkPolicyFolder(dir);
    expect(checked.diagnostics.filter((d) => d.code === 'file-name-collision')).toEqual([]);
  });

  it('refuses a name with a control character and shows it escaped', async () => {
    const dir = await folderWith({ 'access/doors\u001b[2J\n.yaml': sources });
    const checked = await checkPolicyFolder(dir);
    expect(checked.model).toBeUndefined();
    const text = renderDiagnostics(checked.diagnostics);
    expect(text).toContain('error[control-character]: file name contains the control character U+001B');
    expect(text).toContain('doors\\u001b[2J\\u000a.yaml');
    expect(text).not.toMatch(/[\u001b]/);
  });
});
