/**
 * One way to write a place: `locationText` (packages/engine/src/location.ts). A template that
 * glues a file, a line and a column together anywhere else is a second formatter that will drift
 * from the first (a missing column, another separator), so none may exist in the packages.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './stage-workspace.js';

/** `${x.file}:${x.line}` or `${file}:${line}`, the start of a hand-made location. */
const handMade = /\$\{[\w.?!]*\bfile\}:\$\{[\w.?!]*\bline\}/;

describe('one location formatter', () => {
  it('recognises a hand-made location', () => {
    expect('`${rule.at.file}:${rule.at.line}:${rule.at.column}`').toMatch(handMade);
    expect('`${file}:${line}`').toMatch(handMade);
    expect('locationText({ file: at.file, line: at.line })').not.toMatch(handMade);
  });

  it('is the only one in the packages', async () => {
    const found: string[] = [];
    for (const name of await readdir(join(repo, 'packages'))) {
      const src = join(repo, 'packages', name, 'src');
      for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const path = join(entry.parentPath, entry.name);
        if (relative(repo, path) === join('packages', 'engine', 'src', 'location.ts')) continue;
        const lines = (await readFile(path, 'utf8')).split('\n');
        lines.forEach((line, index) => {
          if (handMade.test(line)) found.push(`${relative(repo, path)}:${index + 1}`);
        });
      }
    }
    expect(found).toEqual([]);
  });
});
