/**
 * Law in time at the decision: the date a decision is made for (the decision-date fact, else the
 * option, else the injected clock), versions of a rule by their windows, the basis as it stood,
 * refusal outside the dates a point covers, and the two evaluation paths agreeing on every day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../diagnostics.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles, timedPolicyFiles } from '../testing/fixtures.js';
import { addDays } from '../time/calendar.js';
import { inWindow } from '../time/windows.js';
import { PolicySet } from './policy-set.js';

const model = (() => {
  const checked = checkPolicyTexts(new Map(Object.entries({ ...minimalPolicyFiles, ...timedPolicyFiles })));
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.model;
})();
const clock = () => new Date(2024, 5, 15, 12);
const compiled = new PolicySet(model, { clock });
const reference = new PolicySet(model, { evaluator: 'json-rules-engine', clock });

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).diagnostics.map((d) => d.code).join(',');
  }
  throw new Error('not refused');
};

describe('the date of a decision', () => {
  it('is the decision-date fact when given, else the option, else today by the clock', () => {
    expect(compiled.decideSync('bell', { count: 5, day: '2021-03-04' }, { date: '2016-01-01' }).date).toBe('2021-03-04');
    expect(compiled.decideSync('bell', { count: 5 }, { date: '2016-01-01' }).date).toBe('2016-01-01');
    expect(compiled.decideSync('bell', { count: 5 }).date).toBe('2024-06-15');
    // The point without windows decides on any date and still says which it used.
    expect(compiled.decideSync('access', { colour: 'red', count: 0 }, { date: '1850-01-01' }).date).toBe('1850-01-01');
  });

  it('property: today is the local date of the clock at every decision, across midnights and in years 0–99', () => {
    // Times in order, a few minutes to days apart, so consecutive decisions share a day or cross midnight.
    const start = fc.oneof(
      fc.date({ min: new Date(-61_000_000_000_000), max: new Date(-59_000_000_000_000), noInvalidDate: true }),
      fc.date({ min: new Date(-61_000_000_000_000), max: new Date(253_000_000_000_000), noInvalidDate: true }),
    );
    const steps = fc.array(fc.integer({ min: 0, max: 3 * 86_400_000 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(start, steps, (first, gaps) => {
        let now = first.getTime();
        const moving = new PolicySet(model, { clock: () => new Date(now) });
        for (const gap of [0, ...gaps]) {
          now += gap;
          const time = new Date(now);
          const expected = `${String(time.getFullYear()).padStart(4, '0')}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')}`;
          expect(moving.decideSync('access', { colour: 'red', count: 0 }).date).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an impossible date naming the fact, and a malformed option', () => {
    for (const day of ['2024-02-30', '2024-6-1', '2023-02-29', 20240601, null]) {
      try {
        compiled.decideSync('bell', { count: 5, day });
        throw new Error(`accepted ${String(day)}`);
      } catch (error) {
        expect((error as PolicyError).diagnostics[0]).toMatchObject({ code: 'fact-invalid', message: 'fact `day` has an invalid value' });
      }
    }
    expect(refusal(() => compiled.decideSync('bell', { count: 5 }, { date: '2024-02-30' }))).toBe('invalid-decision-date');
  });

  it('decides each day by the version of the rule in force, and cites only the sources in force', () => {
    const old = compiled.decideSync('bell', { count: 10, day: '2019-12-31' });
    expect(old.outcomes).toEqual([
      expect.objectContaining({ id: 'ring-bell', status: 'permitted', basis: [expect.objectContaining({ id: 'old-book' })] }),
    ]);
    expect(old.outcomes[0]!.basis[0]!.inForce).toEqual({ until: '2020-01-01' });
    const fresh = compiled.decideSync('bell', { count: 5, day: '2020-01-01' });
    expect(fresh.outcomes[0]).toMatchObject({
      status: 'required',
      basis: [{ id: 'new-book', inForce: { from: '2020-01-01' } }, { id: 'rule-book-1' }],
    });
    expect(fresh.outcomes[0]!.basis[1]!.inForce).toBeUndefined();
    // Below the old threshold: no rule held, and the trace says so (not "not in force").
    expect(compiled.decideSync('bell', { count: 5, day: '2019-06-01' }).trace.omitted).toEqual([
      { outcome: 'ring-bell', because: 'no-rule-held' },
    ]);
  });

  it('refuses a date before or after every rule of the point, never an empty decision', () => {
    expect(refusal(() => compiled.decideSync('bell', { count: 50, day: '2014-12-31' }))).toBe('date-before-point');
    expect(refusal(() => compiled.decideSync('bell', { count: 50 }, { date: '2030-01-01' }))).toBe('date-after-point');
    expect(compiled.decideSync('bell', { count: 50, day: '2015-01-01' }).outcomes).toHaveLength(1);
    expect(compiled.decideSync('bell', { count: 50, day: '2029-12-31' }).outcomes).toHaveLength(1);
    // Analysis tools decide outside the covered dates: nothing is in force there.
    expect(compiled.decideValidated('bell', { ...compiled.validateFacts('bell', { count: 50, day: '2014-12-31' }) }).trace.omitted).toEqual(
      [{ outcome: 'ring-bell', because: 'not-in-force' }],
    );
  });

  it('property: both evaluation paths decide alike on every day, and no decision cites a source not in force on its date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 365 * 15 }), fc.integer({ min: 0, max: 50 }), async (offset, count) => {
        const day = addDays('2015-01-01', offset);
        const a = await compiled.decide('bell', { count, day });
        const b = await reference.decide('bell', { count, day });
        expect(b).toEqual(a);
        expect(a.date).toBe(day);
        for (const outcome of a.outcomes) {
          for (const entry of outcome.basis) expect(inWindow(model.sources.find((s) => s.id === entry.id)!.inForce, day)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
