/**
 * Fuzzing the loader and checker: random YAML-like text, and valid policy files mutated the
 * way careless or hostile edits would. Whatever arrives, loading and checking return
 * diagnostics — they never throw, never exceed the hang budget, never pollute
 * Object.prototype — and a set that checks clean can be built and decides.
 */
import { checkPolicyTexts, hasErrors, PolicySet, type Diagnostic } from '@vot/engine';
import { loadPolicyTexts, minimalPolicyFiles } from '@vot/engine/tools';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertUnpolluted, fuzzParameters, prototypeNames, withinBudget } from './budget.js';

/** Pieces of YAML syntax and of hostile input, for text that gets past the first character. */
const yamlTokens = [
  'kind: ',
  'policy',
  'sources',
  'vocabulary',
  'settings',
  'scenarios',
  'policy-set',
  '\n',
  '\n  ',
  '\n    ',
  '- ',
  ': ',
  ', ',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '&b [*a, *a]',
  '<<: *a',
  '!!js/function ',
  '!tag ',
  '%YAML 1.1\n',
  '%TAG ! tag:x,2000:\n',
  '---\n',
  '...\n',
  '? ',
  '|\n  ',
  '>-\n  ',
  '\t',
  '\r\n',
  '\ufeff',
  '\u0000',
  '\u202e',
  '\u00e6\u00f8\u00e5',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  '~',
  'true',
  '.inf',
  '-.inf',
  '.nan',
  '0x1F',
  '1e400',
  '99999999999999999999',
  '-0',
  'fact',
  'when',
  'all',
  'any',
  'not',
  'condition',
  'path',
  'params',
  'operator',
  '$..*',
  'status: permitted',
  // Issue 17: control characters raw and as escapes, Markdown metacharacters, long numbers,
  // duplicate keys.
  '\u001b[2J',
  '\u009b31m',
  '\u007f',
  '\u0085',
  '\r',
  '"\\e[1A"',
  '"\\x9b"',
  '"a\\u202Eb"',
  '# Approved\n',
  '@octocat',
  '![x](https://evil.example/i.png)',
  '`',
  '|',
  '<b>',
  '0.99999999999999999999',
  '123456789012345678901234567890',
  'a: 1\na: 2\n',
];

/** What a clean set may never hold in any of its strings: a control or direction character. */
const actingInText = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)])
      : [];

const yamlLikeText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...yamlTokens), { maxLength: 60 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...yamlTokens), fc.string({ maxLength: 8 })), { maxLength: 40 })
      .map((parts) => parts.join('')),
  },
);

/** A mutation of one fixture file: what a slip of the keyboard or a hostile edit does to it. */
type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number }
  | { kind: 'replace-word'; occurrence: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...yamlTokens) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('replace-word' as const),
    occurrence: fc.nat(),
    text: fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'always',
      'none',
      'null',
      '[]',
      '{}',
      '*a',
      '&a x',
      '-1',
      '1e308',
      "''",
      'permitted',
      'required',
      '"\\e[2J"',
      '"a\\u202Eb"',
      '"x\\u0085y"',
    ),
  }),
);

function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'delete': {
      const at = m.at % Math.max(1, text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate-line': {
      const line = m.line % lines.length;
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const line = m.line % Math.max(1, lines.length - 1);
      [lines[line], lines[line + 1]] = [lines[line + 1]!, lines[line]!];
      return lines.join('\n');
    }
    case 'replace-word': {
      const words = [...text.matchAll(/[A-Za-z][\w.-]*/g)];
      if (words.length === 0) return text;
      const word = words[m.occurrence % words.length]!;
      return text.slice(0, word.index) + m.text + text.slice(word.index + word[0].length);
    }
  }
}

const fixtureNames = Object.keys(minimalPolicyFiles).sort();

/** Every diagnostic is a proper one: a known severity, a message, and a file when it came from a file. */
function wellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(['error', 'warning']).toContain(d.severity);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    if (d.start) {
      expect(d.start.line).toBeGreaterThanOrEqual(1);
      expect(d.start.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('loader fuzzing', () => {
  const before = prototypeNames();

  it('random YAML-like text gives diagnostics or data, never a throw, a hang or pollution', () => {
    fc.assert(
      fc.property(yamlLikeText, (text) => {
        const loaded = withinBudget('loading random text', () => loadPolicyTexts(new Map([['fuzz.yaml', text]])));
        wellFormed(loaded.diagnostics);
        // A file that loaded without errors is a document of a known kind, never a half-read one.
        if (!hasErrors(loaded.diagnostics)) expect(loaded.documents).toHaveLength(1);
        else expect(loaded.documents).toHaveLength(0);
        assertUnpolluted(before);
      }),
      fuzzParameters(4_000),
    );
  });

  it('random bytes give a diagnostic with the file, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const loaded = withinBudget('loading random bytes', () => loadPolicyTexts(new Map([['bytes.yaml', bytes]])));
        wellFormed(loaded.diagnostics);
        for (const d of loaded.diagnostics) expect(d.file).toBe('policies/bytes.yaml');
        expect(loaded.documents.length + loaded.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
      }),
      fuzzParameters(1_500),
    );
  });

  it('mutated valid policies: diagnostics, or a clean set that builds and decides', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtureNames), fc.array(mutation, { minLength: 1, maxLength: 4 }), (name, mutations) => {
        const files = new Map(Object.entries(minimalPolicyFiles));
        files.set(name, mutations.reduce(applyMutation, files.get(name)!));
        const checked = withinBudget('checking a mutated set', () => checkPolicyTexts(files));
        wellFormed(checked.diagnostics);
        if (hasErrors(checked.diagnostics)) {
          // Fail closed: a set with errors never yields a model to decide with.
          expect(checked.model).toBeUndefined();
        } else {
          expect(checked.model).toBeDefined();
          // The class of issue 17: no clean set carries a control or direction character.
          for (const text of strings(checked.model)) expect(text).not.toMatch(actingInText);
          const policies = new PolicySet(checked.model!);
          for (const point of policies.points) {
            // Either a decision or a clean refusal of the (possibly now incomplete) facts.
            try {
              const decision = policies.decideSync(point, { colour: 'red', count: 1 });
              expect(decision.point).toBe(point);
            } catch (error) {
              expect((error as Error).name).toBe('PolicyError');
            }
          }
        }
        assertUnpolluted(before);
      }),
      fuzzParameters(700),
    );
  });
});

describe('the hang budget', () => {
  it('interrupts an endless loop and fails the case instead of stalling the run', () => {
    expect(() =>
      withinBudget(
        'a loop',
        () => {
          for (;;) {
            // spins until interrupted
          }
        },
        200,
      ),
    ).toThrow(/did not finish within the \d+ ms hang budget/);
    expect(withinBudget('a quick case', () => 42)).toBe(42);
  });
});
