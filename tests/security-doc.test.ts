/**
 * SECURITY.md names, for each threat, the test that covers it as `file › test name`. This holds
 * it to that: every test file it names exists, and every test name it quotes is in that file (or
 * is a corpus case), so a renamed or deleted test cannot leave the threat model promising a test
 * that no longer runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './stage-workspace.js';

const text = readFileSync(join(repo, 'SECURITY.md'), 'utf8');

/** Short forms SECURITY.md uses in its tables. */
const shortNames: Record<string, string> = {
  'diagnostics.test.ts': 'packages/engine/src/diagnostics.test.ts',
  corpus: 'tests/corpus.test.ts',
};

/** Every `file › name` reference, with a bare `› name` taken as naming the file before it. */
function references(): Array<{ file: string; names: string[] }> {
  const found: Array<{ file: string; names: string[] }> = [];
  let current: string | undefined;
  for (const [, span] of text.matchAll(/`{1,2}([^`]+?)`{1,2}/g)) {
    const parts = span!.split('›').map((part) => part.trim());
    const head = parts[0]!;
    if (head === '' && current) {
      found.push({ file: current, names: parts.slice(1) });
      continue;
    }
    const file = shortNames[head] ?? head;
    if (!/^(tests|packages)\/\S+\.ts$/.test(file)) continue;
    current = file;
    found.push({ file, names: parts.slice(1) });
  }
  return found;
}

/** The titles of a file's tests written as template literals: `renders ${code}` and the like. */
const templateTitles = (source: string): string[] =>
  [...source.matchAll(/\b(?:it|describe)\(\s*`([^`]*\$\{[^`]*)`/g)].map((match) => match[1]!);

const escapeRegExp = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a quoted name is one a template title makes: each part the template fills in must be
 * written in the file as a string (a case key such as `'missing-basis'`), so a removed case fails.
 * A name cut with `…` is matched up to where it was cut.
 */
function madeByTemplate(quoted: string, cut: boolean, source: string): boolean {
  const written = (value: string) => source.includes(`'${value}'`) || source.includes(`"${value}"`);
  return templateTitles(source).some((title) => {
    const literals = title.split(/\$\{[^}]*\}/);
    if (cut) {
      const head = literals[0]!;
      if (!quoted.startsWith(head)) return false;
      const value = quoted.slice(head.length).split(' ')[0]!;
      return value !== '' && written(value);
    }
    const match = new RegExp(`^${literals.map(escapeRegExp).join('(.+?)')}$`).exec(quoted);
    return match?.slice(1).every(written) === true;
  });
}

describe('SECURITY.md', () => {
  const refs = references();

  it('names tests (the reader finds them)', () => {
    expect(refs.length).toBeGreaterThan(60);
    expect(refs.filter((ref) => ref.names.length > 0).length).toBeGreaterThan(40);
  });

  it('names only test files that exist', () => {
    expect(refs.map((ref) => ref.file).filter((file) => !existsSync(join(repo, file)))).toEqual([]);
  });

  it('quotes only test names that are in the file it names', () => {
    const missing: string[] = [];
    for (const { file, names } of refs) {
      if (!existsSync(join(repo, file))) continue;
      const source = readFileSync(join(repo, file), 'utf8');
      for (const name of names) {
        // A quoted name may be cut with `…`; what is quoted must be there as written.
        const cut = name.endsWith('…');
        const quoted = name.replace(/…$/, '').trim();
        const corpusCase = file === 'tests/corpus.test.ts' && existsSync(join(repo, 'tests', 'corpus', quoted));
        if (quoted && !corpusCase && !source.includes(quoted) && !madeByTemplate(quoted, cut, source)) missing.push(`${file} › ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
