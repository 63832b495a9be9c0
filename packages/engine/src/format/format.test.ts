/**
 * formatPolicyText (`vot fmt`): layout only. Property-tested on every bundled policy file with random layout
 * noise (line endings, byte order mark, trailing spaces and tabs, blank lines, final newlines):
 * the result always says the same as its input, keeps every comment, is stable under a second
 * run, and gives back the bundled file exactly when the noise changed nothing the file says.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Lexer, parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPolicyText } from './format.js';

/** The repository's policy folder: real files a reviewer wrote, as test input. */
const policyDir = fileURLToPath(new URL('../../../../policies', import.meta.url));
let files: Array<{ name: string; text: string }>;

beforeAll(async () => {
  const entries = await readdir(policyDir, { withFileTypes: true, recursive: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => relative(policyDir, join(e.parentPath, e.name)))
    .sort();
  files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(policyDir, name), 'utf8') })));
});

/** What a file says: its data (undefined when it does not parse). */
function meaning(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  return document.errors.length > 0 ? undefined : document.toJS();
}

/** Its comments, in order, without trailing spaces (a trailing space is layout). */
const commentsOf = (text: string): string[] =>
  [...new Lexer().lex(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))].filter((t) => t.startsWith('#')).map((t) => t.trimEnd());

const noise = fc.record({
  file: fc.nat(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  edits: fc.array(fc.record({ line: fc.nat(), what: fc.constantFrom('spaces', 'tab', 'blank') }), { maxLength: 8 }),
  finalNewlines: fc.integer({ min: 0, max: 3 }),
});

function addNoise(
  text: string,
  n: { crlf: boolean; bom: boolean; edits: Array<{ line: number; what: string }>; finalNewlines: number },
): string {
  const lines = text.replace(/\n$/, '').split('\n');
  for (const edit of n.edits) {
    const at = edit.line % lines.length;
    if (edit.what === 'blank') {
      // A second blank line beside one the file has, or a blank line before everything: layout
      // a formatter may take back. (A single blank line between two lines is the reviewer's.)
      const blanks = lines.flatMap((line, index) => (line === '' ? [index] : []));
      lines.splice(blanks.length > 0 && edit.line % 4 !== 0 ? blanks[edit.line % blanks.length]! : 0, 0, '');
    } else {
      lines[at] += edit.what === 'tab' ? '\t' : '  ';
    }
  }
  let out = lines.join('\n') + '\n'.repeat(n.finalNewlines);
  if (n.crlf) out = out.replace(/\n/g, '\r\n');
  return n.bom ? `\uFEFF${out}` : out;
}

describe('formatPolicyText', () => {
  it('leaves every bundled policy file exactly as it is', () => {
    expect(files.length).toBeGreaterThan(10);
    const changed = files.filter((f) => formatPolicyText(f.text).text !== f.text).map((f) => f.name);
    expect(changed).toEqual([]);
  });

  it('property: never changes what a file says, keeps its comments, is stable, and removes layout noise', () => {
    fc.assert(
      fc.property(noise, (n) => {
        const original = files[n.file % files.length]!;
        const noisy = addNoise(original.text, n);
        const result = formatPolicyText(noisy);
        if (result.refused) {
          // Refusing is allowed only with the input returned untouched.
          expect(result.text).toBe(noisy);
          return;
        }
        const said = meaning(noisy);
        expect(meaning(result.text)).toEqual(said);
        expect(commentsOf(result.text)).toEqual(commentsOf(noisy));
        expect(formatPolicyText(result.text).text).toBe(result.text);
        expect(result.text.endsWith('\n') && !result.text.endsWith('\n\n')).toBe(true);
        if (isDeepStrictEqual(said, meaning(original.text))) expect(result.text).toBe(original.text);
      }),
      { numRuns: 100 },
    );
  });

  it('fixes or adds the schema modeline for the kind of the file', () => {
    const text = 'kind: scenarios\nscenarios: []\n';
    const schemaFor = (kind: string) => `../schema/${kind}.schema.json`;
    const added = formatPolicyText(text, { schemaFor });
    expect(added.text).toBe(`# yaml-language-server: $schema=../schema/scenarios.schema.json\n${text}`);
    expect(added.changes).toEqual(['schema modeline added']);
    const fixed = formatPolicyText(`# yaml-language-server: $schema=./schema/scenarios.schema.json\n# a reviewer's note\n${text}`, {
      schemaFor,
    });
    expect(fixed.text).toBe(`# yaml-language-server: $schema=../schema/scenarios.schema.json\n# a reviewer's note\n${text}`);
  });

  it('keeps trailing spaces inside block texts, where they are part of the text', () => {
    const text = 'kind: policy\nnote:\n  nb: |\n    første linje  \n    andre linje\n';
    expect(formatPolicyText(text).text).toBe(text);
  });

  it('refuses a file that does not parse, and returns it untouched', () => {
    const text = 'kind: policy\nkind: policy  \n';
    const result = formatPolicyText(text);
    expect(result.refused).toMatch(/does not parse/);
    expect(result.text).toBe(text);
  });
});
