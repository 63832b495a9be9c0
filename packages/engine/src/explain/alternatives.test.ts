/**
 * Why not, on the engine's own small policy set (testing/fixtures.ts): the alternatives are the
 * smallest changes, nearest values first, numbers widened to the range that gives the status,
 * an overriding policy's outcome explained in its shared place, fixed facts never changed, and
 * nothing computed or added without `explain: true`. The property test over every bundled point
 * is tests/why-not.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../decide/policy-set.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles, overridingPolicyFiles } from '../testing/fixtures.js';
import { explainLimits, largestSize } from './alternatives.js';

function setOf(files: Record<string, string>): PolicySet {
  const checked = checkPolicyTexts(new Map(Object.entries(files)));
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return new PolicySet(checked.model);
}

const plain = setOf(minimalPolicyFiles);
const overriding = setOf({ ...minimalPolicyFiles, ...overridingPolicyFiles });
/** The same set with `colour` declared fixed (a party, say). */
const colourFixed = setOf({
  ...minimalPolicyFiles,
  'vocabulary.yaml': minimalPolicyFiles['vocabulary.yaml']!.replace('    type: enum\n', '    type: enum\n    explain: fixed\n'),
});

const alternativesOf = (set: PolicySet, facts: Record<string, unknown>, id: string) =>
  set.decideSync('access', facts, { explain: true }).outcomes.find((o) => o.id === id)?.alternatives;

describe('alternatives', () => {
  it('gives the smallest changes, nearest first, a number as the range that gives the status', () => {
    expect(alternativesOf(plain, { colour: 'green', count: 0 }, 'open-door')).toEqual([
      {
        status: 'permitted',
        change: { count: 10 },
        ranges: { count: [10, 50] },
        text: {
          nb: '«Åpne døren» ville vært tillatt hvis antall var minst 10.',
          en: '«Open the door» would be permitted if count were at least 10.',
        },
      },
      {
        status: 'permitted',
        change: { flag: true },
        text: { nb: '«Åpne døren» ville vært tillatt hvis flagg var ja.', en: '«Open the door» would be permitted if flag were yes.' },
      },
    ]);
    // From red, the colour alone decides: green is nearer than blue in the declared order.
    expect(alternativesOf(plain, { colour: 'red', count: 0, flag: true }, 'open-door')).toMatchObject([
      { status: 'permitted', change: { colour: 'green' } },
      { status: 'permitted', change: { colour: 'blue' } },
    ]);
  });

  it('keeps only minimal changes: no part of one gives its status', () => {
    // Red and not busy: leaving red is not enough, so each alternative changes the colour and what makes it busy.
    const alternatives = alternativesOf(plain, { colour: 'red', count: 0 }, 'open-door')!;
    expect(alternatives.map((a) => a.change)).toEqual([
      { colour: 'green', count: 10 },
      { colour: 'green', flag: true },
      { colour: 'blue', count: 10 },
    ]);
    expect(alternatives.length).toBe(explainLimits.perStatus);
  });

  it('widens a number down as well as up, and says a range in words', () => {
    // 30 weeks requires closing; at most 12 (the setting) would leave the outcome out, which is no status.
    expect(alternativesOf(plain, { colour: 'green', count: 0, weeks: 30 }, 'close-door')).toEqual([]);
    const busy = alternativesOf(plain, { colour: 'green', count: 30 }, 'open-door')!;
    expect(busy[0]).toMatchObject({ status: 'not-permitted', change: { colour: 'red' } });
    expect(busy[1]).toMatchObject({ status: 'not-permitted', change: { count: 9 }, ranges: { count: [0, 9] } });
    expect(busy[1]!.text.en).toBe('«Open the door» would not be permitted if count were at most 9.');
  });

  it('never changes a fixed fact', () => {
    expect(alternativesOf(colourFixed, { colour: 'red', count: 0, flag: true }, 'open-door')).toEqual([]);
    expect(alternativesOf(colourFixed, { colour: 'green', count: 0 }, 'open-door')!.map((a) => a.change)).toEqual([
      { count: 10 },
      { flag: true },
    ]);
  });

  it('explains an outcome an overriding policy decides in its shared place, in its languages', () => {
    const alternatives = alternativesOf(overriding, { colour: 'red', count: 0 }, 'open-door')!;
    expect(alternatives.map((a) => a.change)).toEqual([{ flag: true }, { colour: 'green', count: 10 }, { colour: 'blue', count: 10 }]);
    expect(alternatives[0]!.text).toEqual({
      nb: '«Åpne døren» ville vært tillatt hvis flagg var ja.',
      en: '«Open the door» would be permitted if flag were yes.',
      // The fixture's titles have no Danish: they fall back to English, as everywhere.
      da: '«Open the door» ville være tilladt, hvis flag var ja.',
    });
  });

  it('is the same for a set that has explained before and a fresh one (what a search learns changes no answer)', () => {
    const facts = [
      { colour: 'red', count: 0 },
      { colour: 'green', count: 30, weeks: 13 },
      { colour: 'blue', count: 9, flag: true },
    ];
    const warmed = setOf(minimalPolicyFiles);
    for (const record of facts) warmed.decideSync('access', record, { explain: true });
    for (const record of facts) {
      expect(warmed.decideSync('access', record, { explain: true })).toEqual(
        setOf(minimalPolicyFiles).decideSync('access', record, { explain: true }),
      );
    }
  });

  it('adds nothing without explain: true, and computes nothing', async () => {
    const fresh = setOf(minimalPolicyFiles);
    const facts = { colour: 'green', count: 0, weeks: 13 };
    const before = JSON.stringify(await fresh.decide('access', facts));
    expect(before).not.toContain('alternatives');
    expect(JSON.stringify(await fresh.decide('access', facts, { explain: false }))).not.toContain('alternatives');
    // The explainer is built on the first explained decision only (a private field, read here on purpose).
    expect((fresh as unknown as { compiled: Map<string, { explainer?: unknown }> }).compiled.get('access')!.explainer).toBeUndefined();
    const explained = await fresh.decide('access', facts, { explain: true });
    const stripped = { ...explained, outcomes: explained.outcomes.map(({ alternatives: _, ...outcome }) => outcome) };
    expect(JSON.stringify(stripped)).toBe(before);
    expect(JSON.stringify(await fresh.decide('access', facts))).toBe(before);
  });

  it('explains on the json-rules-engine path as on the compiled one', async () => {
    const checked = checkPolicyTexts(new Map(Object.entries(minimalPolicyFiles)));
    const reference = new PolicySet(checked.model!, { evaluator: 'json-rules-engine' });
    const facts = { colour: 'red', count: 0 };
    expect(await reference.decide('access', facts, { explain: true })).toEqual(plain.decideSync('access', facts, { explain: true }));
  });
});

describe('largestSize', () => {
  it('is the largest change size whose changes, with all smaller ones, fit the budget', () => {
    expect(largestSize([1, 1, 1], 3)).toBe(1);
    expect(largestSize([1, 1, 1], 6)).toBe(2);
    expect(largestSize([1, 1, 1], 7)).toBe(3);
    expect(largestSize([2, 3], 4)).toBe(0);
    expect(largestSize([2, 3], 5)).toBe(1);
    expect(largestSize([2, 3], 11)).toBe(2);
    expect(largestSize([], 0)).toBe(0);
  });
});

describe('explain in the vocabulary', () => {
  it('refuses a value other than vary or fixed, naming the place and the values it takes', () => {
    const checked = checkPolicyTexts(
      new Map(
        Object.entries({
          ...minimalPolicyFiles,
          'vocabulary.yaml': minimalPolicyFiles['vocabulary.yaml']!.replace(
            '    type: integer\n',
            '    type: integer\n    explain: varies\n',
          ),
        }),
      ),
    );
    expect(checked.model).toBeUndefined();
    expect(checked.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'invalid-value',
        file: 'policies/vocabulary.yaml',
        path: 'facts[1].explain',
        start: { line: 9, column: 14 },
        expected: 'one of `vary`, `fixed`',
        received: '`varies`',
      }),
    );
  });

  it('keeps the choice in the checked model, and leaves it out where the vocabulary does', () => {
    expect(colourFixed.model.facts.find((f) => f.id === 'colour')!.explain).toBe('fixed');
    expect(plain.model.facts.find((f) => f.id === 'colour')!.explain).toBeUndefined();
  });
});
