/**
 * Words per language: the type makes a missing word a compile error; these tests catch what the
 * type cannot: an empty word, a piece that drops one of its values, Danish left in English, two
 * statuses that print alike, and the fallback order of policy texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang, Text } from '../model.js';
import { expectedStatuses, statuses } from '../status.js';
import { capitalize, isLang, langOf, langs, textIn, wordsFor, type StatusWords, type Words } from './index.js';

/** Every word of a language by its path; a piece that takes values is called with markers. */
function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const markers = Array.from({ length: value.length }, (_, i) => `⟨${i}⟩`);
    return [[path, (value as (...args: string[]) => string)(...markers)]];
  }
  return Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

/** Words that are the same in Danish and English: international terms. */
const sameInDanishAndEnglish = new Set(['labels.version', 'gate.via.invariant', 'book.hash', 'time.period']);

describe('words of every language', () => {
  it('has the same words as English, none of them empty or blank', () => {
    const english = leaves(wordsFor('en')).map(([path]) => path);
    for (const lang of langs) {
      const words = leaves(wordsFor(lang));
      expect(words.map(([path]) => path)).toEqual(english);
      for (const [path, word] of words) expect(word.trim(), `${lang}: ${path}`).not.toBe('');
    }
  });

  it('says every value a sentence piece is given, and something besides', () => {
    for (const lang of langs) {
      const visit = (value: unknown, path: string): void => {
        if (typeof value === 'function') {
          const markers = Array.from({ length: value.length }, (_, i) => `⟨${i}⟩`);
          const said = (value as (...args: string[]) => string)(...markers);
          for (const marker of markers) expect(said, `${lang}: ${path}`).toContain(marker);
          expect(said.length, `${lang}: ${path}`).toBeGreaterThan(markers.join('').length);
        } else if (value && typeof value === 'object') {
          for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
        }
      };
      visit(wordsFor(lang), lang);
    }
    // The pieces take at least one value each; a piece with none would not test anything above.
    expect(wordsFor('da').diff.goes.length).toBe(3);
  });

  it('has its own word in Danish wherever Danish and English differ', () => {
    const english = new Map(leaves(wordsFor('en')));
    const copied = leaves(wordsFor('da'))
      .filter(([path, word]) => english.get(path) === word && !sameInDanishAndEnglish.has(path))
      .map(([path]) => path);
    expect(copied).toEqual([]);
  });

  it('spells the Danish statuses in Danish, not bokmål', () => {
    expect(wordsFor('da').statuses).toEqual({
      required: 'påkrævet',
      recommended: 'anbefalet',
      permitted: 'tilladt',
      'not-permitted': 'ikke tilladt',
    });
    for (const status of statuses) expect(wordsFor('da').statuses[status]).not.toBe(wordsFor('nb').statuses[status]);
  });

  it('property: no two statuses print alike, in any language and any of its status forms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...langs), fc.constantFrom(...statuses), fc.constantFrom(...statuses), (lang, a, b) => {
        fc.pre(a !== b);
        const w = wordsFor(lang);
        for (const form of [w.statuses, w.statusTerms, w.replay.statuses, w.scenarios.statuses]) expect(form[a]).not.toBe(form[b]);
        expect(w.statuses[a]).not.toBe(w.absent);
      }),
    );
  });

  it('covers every status of the closed set, and absent where a report expects it', () => {
    for (const lang of langs) {
      const w = wordsFor(lang);
      for (const form of [w.statuses, w.statusTerms, w.replay.statuses]) expect(Object.keys(form).sort()).toEqual([...statuses].sort());
      expect(Object.keys(w.scenarios.statuses).sort()).toEqual([...expectedStatuses].sort());
    }
  });

  it('names the statuses by their ids where English and the machine reports do', () => {
    for (const status of statuses) {
      expect(wordsFor('en').statusTerms[status]).toBe(status);
      expect(wordsFor('nb').replay.statuses[status]).toBe(status);
    }
    expect(wordsFor('en').statuses['not-permitted']).toBe('not permitted');
  });
});

describe('the Words type', () => {
  it('refuses a language with a word missing, and a status table with a status missing (checked by tsc)', () => {
    const { absent, ...withoutAbsent } = wordsFor('da');
    // @ts-expect-error `absent` is missing
    const incomplete: Words = withoutAbsent;
    // @ts-expect-error `not-permitted` is missing
    const twoStatuses: StatusWords = { required: 'påkrævet', permitted: 'tilladt' };
    expect(absent).toBe('ikke med');
    expect(Object.keys(incomplete)).not.toContain('absent');
    expect(twoStatuses).not.toHaveProperty('not-permitted');
  });
});

describe('languages', () => {
  it('are bokmål, English and Danish, and nothing inherited from Object is one', () => {
    expect(langs).toEqual(['nb', 'en', 'da']);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'NB', 'fr', '']) {
      expect(isLang(name), name).toBe(false);
      expect(langOf(name)).toBe('en');
    }
    for (const lang of langs) expect(wordsFor(lang).lang).toBe(lang);
  });

  it('capitalize makes a heading of a label', () => {
    expect(capitalize('kræver')).toBe('Kræver');
    expect(capitalize('økonomi')).toBe('Økonomi');
    expect(capitalize('')).toBe('');
  });
});

describe('textIn', () => {
  const present = fc.subarray(['nb', 'en', 'da'] as Lang[]);
  it('property: gives the wanted language when the text has it, else English, else bokmål', () => {
    fc.assert(
      fc.property(present, fc.constantFrom<string>(...langs, 'fr'), (given, lang) => {
        const text: Text = Object.fromEntries(given.map((l) => [l, `text in ${l}`]));
        const wanted = isLang(lang) ? lang : 'en';
        const expected = given.includes(wanted) ? wanted : given.includes('en') ? 'en' : given.includes('nb') ? 'nb' : undefined;
        expect(textIn(text, lang)).toBe(expected ? `text in ${expected}` : '');
      }),
    );
  });

  it('reads Danish for da, and never Danish for another language', () => {
    const text: Text = { nb: 'Lederen skal følge opp', en: 'The leader follows up', da: 'Lederen skal følge op' };
    expect(textIn(text, 'da')).toBe('Lederen skal følge op');
    expect(textIn({ da: 'kun dansk' }, 'nb')).toBe('');
    expect(textIn(undefined, 'da')).toBe('');
  });
});
