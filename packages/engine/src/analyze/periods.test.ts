/**
 * The gate per period against brute force: random policies whose rules come into and go out of
 * force, and random duties with windows of their own, on the timed fixture. The gate's verdict per
 * period must equal deciding every day of a stretch around all boundaries, for every value of the
 * fact the rules read, by the full decision path; days the point does not cover are refused, so
 * they are not checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../decide/policy-set.js';
import type { Decision } from '../decide/decision.js';
import type { ExpectedStatus } from '../model.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles, timedPolicyFiles } from '../testing/fixtures.js';
import { addDays, daysBetween } from '../time/calendar.js';
import { inWindow, type Window } from '../time/windows.js';
import { runGate } from './gate.js';
import { renderGateReport } from './gate-render.js';
import { periodsOf } from './periods.js';

/** Boundaries fall on the first of a month from 2019 to 2021; every day from 2018-06-01 to 2022-06-30 is tried. */
const boundary = fc
  .integer({ min: 0, max: 35 })
  .map((month) => `${2019 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`);
const windowArb: fc.Arbitrary<Window | undefined> = fc.option(
  fc.tuple(fc.option(boundary, { nil: undefined }), fc.option(boundary, { nil: undefined })).map(([a, b]) => {
    const window: Window = {};
    if (a !== undefined) window.from = a;
    if (b !== undefined && (a === undefined || b > a)) window.until = b;
    return window;
  }),
  { nil: undefined },
);
const status = fc.constantFrom('required', 'permitted', 'not-permitted');
const ruleArb = fc.record({ atLeast: fc.integer({ min: 0, max: 50 }), status, inForce: windowArb });
const expected = fc.subarray<ExpectedStatus>(['required', 'permitted', 'not-permitted', 'absent'], { minLength: 1 });
const firstDay = '2018-06-01';
const days = Array.from({ length: daysBetween(firstDay, '2022-07-01') }, (_, i) => addDays(firstDay, i));

const withWindow = <T extends object>(value: T, window: Window | undefined) =>
  window && Object.keys(window).length ? { ...value, inForce: window } : value;

describe('the gate per period', () => {
  it('property: each period holds or breaks exactly as deciding every day of it does', () => {
    fc.assert(
      fc.property(
        windowArb,
        fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
        fc.record({ window: windowArb, atLeast: fc.integer({ min: 0, max: 50 }), statuses: expected }),
        (policyWindow, rules, duty) => {
          const policy = withWindow(
            {
              kind: 'policy',
              policy: 'bell',
              point: 'bell',
              title: { nb: 'Ringeklokke', en: 'Bell' },
              outcomes: [
                {
                  id: 'ring-bell',
                  basis: ['rule-book-1'],
                  rules: rules.map((rule) =>
                    withWindow(
                      { when: { fact: 'count', atLeast: rule.atLeast }, status: rule.status, reason: { nb: 'Ja.', en: 'Yes.' } },
                      rule.inForce,
                    ),
                  ),
                  otherwise: { status: 'not-permitted', reason: { nb: 'Nei.', en: 'No.' } },
                },
              ],
            },
            policyWindow,
          );
          const duties = {
            kind: 'duties',
            catalogue: 'bell-duties',
            title: { nb: 'Plikter', en: 'Duties' },
            jurisdiction: 'NO',
            duties: [
              withWindow(
                {
                  id: 'bell-duty',
                  title: { nb: 'Plikt', en: 'Duty' },
                  basis: ['rule-book-1'],
                  obligations: [
                    {
                      invariant: {
                        point: 'bell',
                        when: { fact: 'count', atLeast: duty.atLeast },
                        expect: { outcome: 'ring-bell', status: duty.statuses },
                      },
                    },
                  ],
                },
                duty.window,
              ),
            ],
          };
          const checked = checkPolicyTexts(
            new Map(
              Object.entries({
                ...minimalPolicyFiles,
                ...timedPolicyFiles,
                'bell/bell.yaml': JSON.stringify(policy),
                'duties.yaml': JSON.stringify(duties),
              }),
            ),
          );
          expect(checked.model, checked.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
          const model = checked.model!;
          const set = new PolicySet(model);
          const point = model.points.find((p) => p.id === 'bell')!;
          const report = runGate(model);

          // Brute force: every day the point covers and the duty is in force, every count.
          const failing = new Set<string>();
          let applicable = 0;
          for (const day of days) {
            if (!inWindow(point.covers, day) || !inWindow(duty.window, day)) continue;
            for (let count = duty.atLeast; count <= 50; count++) {
              applicable++;
              const decision: Decision = set.decideValidated(
                'bell',
                { colour: 'red', count, flag: false, weeks: null, day },
                { explain: false },
              );
              const got = decision.outcomes.find((o) => o.id === 'ring-bell')?.status ?? 'absent';
              if (!duty.statuses.includes(got)) failing.add(day);
            }
          }
          const obligation = report.duties[0]!.obligations[0]!;
          expect(obligation.ok).toBe(failing.size === 0 && applicable > 0);
          for (const { period, broken } of report.periods) {
            // An invariant that applies on no day checks nothing: a gap, broken wherever the duty is in force.
            const vacuous = applicable === 0 && days.some((day) => inWindow(period, day) && inWindow(duty.window, day));
            const brokenByDays = vacuous || days.some((day) => failing.has(day) && inWindow(period, day));
            expect(broken.includes('bell-duty'), `period ${period.from} – ${period.until}`).toBe(brokenByDays);
          }
          if (obligation.counterexample) {
            // The counterexample names its period, and deciding on that period's date fails as reported.
            const [period] = obligation.counterexample.periods;
            expect(period).toBeDefined();
            expect(days.some((day) => failing.has(day) && inWindow(period, day))).toBe(true);
          }
          // The gate's periods are the set's: boundaries of every window.
          expect(report.periods.map((p) => p.period)).toEqual(periodsOf(model));
        },
      ),
      { numRuns: 25, seed: 2015 },
    );
  });
});

describe('the gate report per period', () => {
  const model = (duties: string) => {
    const checked = checkPolicyTexts(new Map(Object.entries({ ...minimalPolicyFiles, ...timedPolicyFiles, 'duties.yaml': duties })));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return checked.model!;
  };

  it('checks a duty only in the periods it is in force, and lists every period', () => {
    const report = runGate(model(timedPolicyFiles['duties.yaml']!));
    expect(report.ok).toBe(true);
    expect(report.periods.map(({ period, duties }) => [period.from, period.until, duties])).toEqual([
      [undefined, '2015-01-01', 0],
      ['2015-01-01', '2020-01-01', 0],
      ['2020-01-01', '2030-01-01', 1],
      ['2030-01-01', undefined, 1],
    ]);
  });

  it('names the period of a counterexample: without its window the duty breaks under the old book', () => {
    const report = runGate(model(timedPolicyFiles['duties.yaml']!.replace('    inForce: { from: 2020-01-01 }\n', '')));
    const obligation = report.duties[0]!.obligations[0]!;
    expect(obligation.ok).toBe(false);
    expect(obligation.brokenIn?.map((p) => p.date)).toEqual(['2015-01-01']);
    expect(obligation.counterexample?.facts).toMatchObject({ day: '2015-01-01', count: 5 });
    expect(report.periods.map((p) => p.broken)).toEqual([[], ['ring-when-busy'], [], []]);
    const text = renderGateReport(report, { lang: 'en' });
    expect(text).toContain('smallest counterexample in the period 2015-01-01 – 2019-12-31:');
    expect(text).toContain('  ✗ 2015-01-01 – 2019-12-31: 1 duty in force, 1 broken (ring-when-busy)');
    expect(text).toContain('  ✓ 2020-01-01 – 2029-12-31: 1 duty in force, all hold');
  });
});
