/**
 * The regulation gate on the small fixture set: worked examples with hand-derived answers, and a
 * property test that the gate's verdict on random small policies and duties equals a brute-force
 * check of every fact combination of the unreduced domain, decided by the full decision path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../decide/decision.js';
import type { DutyExpectation, PolicySetModel } from '../model.js';
import {
  expectBruteForceVerdict,
  fixtureCondition,
  fixtureDuties,
  fixtureModel,
  fixtureOutcome,
  fixtureStatus,
  fixtureStatusList,
  gateOnRandomDuties,
} from '../testing/fixture-arbitraries.js';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { runGate } from './gate.js';
import { renderGateReport } from './gate-render.js';

const dutiesFile = (obligations: string, appliesWhen = ''): string => fixtureDuties(obligations, { appliesWhen });
const modelWith = (changes: Record<string, string>): PolicySetModel => fixtureModel({ ...minimalPolicyFiles, ...changes });

describe('regulation gate on the fixture set', () => {
  it('holds for duties the fixture policy meets, covering only the facts the outcome reads', () => {
    const model = modelWith({
      'duties/doors.yaml':
        dutiesFile(`      - invariant: { point: access, when: { fact: colour, is: red }, expect: { outcome: open-door, status: [not-permitted, absent] } }
      - invariant: { point: access, expect: { outcome: open-door, requires: [ask-first] } }
      - invariant: { point: access, when: { fact: colour, isNot: blue }, expect: { outcome: open-door, requires: [log-entry] } }
      - invariant: { point: access, expect: { outcome: open-door, limit: maxWeeks, atMost: 12 } }
      - coverage: { cites: rule-book-2, point: access }`),
    });
    const report = runGate(model);
    expect(report.ok).toBe(true);
    const first = report.duties[0]!.obligations[0]!;
    // open-door reads colour, count and flag. count is compared with 10 only; every comparison
    // splits at c and c + 1 (which covers `≥`, `>` and `=` alike), so count takes 0, 10 and 11:
    // 3 × 3 × 2 combinations, 6 of them red; the invariant's `when` admits only red, so only
    // those 6 are enumerated.
    expect(first.slice).toEqual(['colour', 'count', 'flag']);
    expect(first.combinations).toBe(6);
    expect(first.applicable).toBe(6);
    // `isNot: blue` rules out no value up front: all 18 are tried, the 12 not blue apply.
    expect(report.duties[0]!.obligations[2]).toMatchObject({ combinations: 18, applicable: 12 });
    expect(report.duties[0]!.obligations[4]!.citedBy!.map((c) => c.outcome)).toEqual(['close-door']);
  });

  it('reports the smallest counterexample, minimised, with the rule and its file:line', () => {
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(
        `      - invariant: { point: access, when: { fact: count, atLeast: 5 }, expect: { outcome: open-door, status: permitted } }`,
      ),
    });
    const report = runGate(model);
    const obligation = report.duties[0]!.obligations[0]!;
    expect(obligation.ok).toBe(false);
    // colour has no default, so its first value (red) stays; count 5 is the smallest value the
    // duty's condition admits; flag keeps its default and is left out.
    expect(obligation.counterexample!.facts).toEqual({ colour: 'red', count: 5 });
    const decided = obligation.counterexample!.decided[0]!;
    expect(decided).toMatchObject({ outcome: 'open-door', status: 'not-permitted', rule: 'doors/open-door#1' });
    expect(decided.at).toMatch(/^policies\/access\/doors\.yaml:\d+:\d+$/);
    const text = renderGateReport(report, { lang: 'en' });
    expect(text).toContain('✗ broken duty `door-duty` (door-duties): The duty');
    expect(text).toContain('source: Rule book § 1 <https://example.org/rule-book#1>');
    expect(text).toContain('    colour: red\n    count: 5\n');
    expect(renderGateReport(report, { lang: 'nb' })).toContain('minste moteksempel');
  });

  it('accepts a status at least as strong as `atLeast`, and says so in the report', () => {
    // close-door is required when weeks > 12 and left out otherwise; open-door is at best permitted.
    // open-door is permitted when green and the flag is up.
    const duty = (expect: string, when = '{ fact: weeks, above: 12 }') =>
      modelWith({ 'duties/doors.yaml': dutiesFile(`      - invariant: { point: access, when: ${when}, expect: ${expect} }`) });
    expect(runGate(duty('{ outcome: close-door, atLeast: recommended }')).ok).toBe(true);
    expect(runGate(duty('{ outcome: close-door, atLeast: required }')).ok).toBe(true);
    const greenAndFlagged = '{ all: [ { fact: colour, is: green }, { fact: flag, is: true } ] }';
    expect(runGate(duty('{ outcome: open-door, atLeast: permitted }', greenAndFlagged)).ok).toBe(true);
    const weak = runGate(duty('{ outcome: open-door, atLeast: recommended }', greenAndFlagged));
    expect(weak.ok).toBe(false);
    expect(weak.duties[0]!.obligations[0]!.counterexample!.decided[0]).toMatchObject({ outcome: 'open-door', status: 'permitted' });
    expect(renderGateReport(weak, { lang: 'en' })).toContain('`open-door` is at least recommended');
    expect(renderGateReport(weak, { lang: 'nb' })).toContain('`open-door` er minst anbefalt');
    expect(runGate(duty('{ anyOf: [open-door, close-door], atLeast: required }')).ok).toBe(true);
  });

  it('checks a limit taken from a setting at the highest value a host may set', () => {
    const model = modelWith({
      'settings.yaml': minimalPolicyFiles['settings.yaml']!.replace('max: 12', 'max: 20'),
      'duties/doors.yaml': dutiesFile(`      - invariant: { point: access, expect: { outcome: open-door, limit: maxWeeks, atMost: 12 } }`),
    });
    const obligation = runGate(model).duties[0]!.obligations[0]!;
    expect(obligation.ok).toBe(false);
    expect(obligation.counterexample!.decided[0]).toMatchObject({
      status: 'permitted',
      limits: { maxWeeks: 12 },
      settingLimits: { maxWeeks: { setting: 'door.max-weeks', max: 20 } },
    });
  });

  it('fails coverage when only a not-permitted rule cites the source, and skips combinations outside the catalogue scope', () => {
    const model = modelWith({
      'access/doors.yaml': minimalPolicyFiles['access/doors.yaml']!.replace(
        '        status: required\n        basis: [rule-book-2]',
        '        status: not-permitted\n        basis: [rule-book-2]',
      ),
      'duties/doors.yaml': dutiesFile(
        `      - coverage: { cites: rule-book-2 }
      - invariant: { point: access, expect: { outcome: open-door, status: not-permitted } }`,
        'appliesWhen: { fact: colour, is: red }',
      ),
    });
    const [coverage, invariant] = runGate(model).duties[0]!.obligations;
    expect(coverage).toMatchObject({ ok: false, citedBy: [] });
    // The catalogue's scope admits only red: the other colours are not enumerated at all.
    expect(invariant).toMatchObject({ ok: true, combinations: 6, applicable: 6 });
  });

  it('fails an invariant whose condition never holds inside the scope: it would check nothing', () => {
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(
        '      - invariant: { point: access, when: { fact: colour, is: blue }, expect: { outcome: open-door, status: required } }',
        'appliesWhen: { fact: colour, is: red }',
      ),
    });
    const report = runGate(model);
    expect(report.duties[0]!.obligations[0]).toMatchObject({ ok: false, vacuous: true, applicable: 0 });
    expect(renderGateReport(report)).toContain("the obligation checks nothing: its condition never holds inside the catalogue's scope");
  });

  it('does not count a citing rule that never decides inside the catalogue scope', () => {
    // close-door cites rule-book-2 only when weeks > 12; inside this scope weeks is always none.
    const duties = (scope: string) => ({ 'duties/doors.yaml': dutiesFile('      - coverage: { cites: rule-book-2 }', scope) });
    expect(runGate(modelWith(duties('appliesWhen: { fact: weeks, is: none }'))).duties[0]!.obligations[0]).toMatchObject({
      ok: false,
      citedBy: [],
    });
    expect(runGate(modelWith(duties('appliesWhen: { fact: weeks, above: 12 }'))).duties[0]!.obligations[0]).toMatchObject({
      ok: true,
      citedBy: [{ point: 'access', outcome: 'close-door', rule: 'doors/close-door#1' }],
    });
  });
});

// --- property: the gate equals brute force over the unreduced domain ----------------------------------

const condition = fixtureCondition;

const status = fixtureStatus;
const rule = fc.record({
  when: condition,
  status,
  requires: fc.option(fc.constantFrom<unknown[]>(['ask-first'], ['ask-first', { id: 'log-entry', when: { fact: 'flag', is: true } }]), {
    nil: undefined,
  }),
  limits: fc.option(fc.constantFrom<unknown>({ maxWeeks: { setting: 'door.max-weeks' } }, { maxWeeks: 8 }, { maxWeeks: 20 }), {
    nil: undefined,
  }),
});
const outcome = (id: string) => fixtureOutcome(id, rule);
const statuses = fixtureStatusList;
const floor = fc.constantFrom('required', 'recommended', 'permitted');
const expectation = fc.oneof(
  fc.record({ outcome: fc.constantFrom('open-door', 'close-door'), status: statuses }),
  fc.record({ anyOf: fc.constant(['open-door', 'close-door']), status: statuses }),
  fc.record({ outcome: fc.constantFrom('open-door', 'close-door'), atLeast: floor }),
  fc.record({ anyOf: fc.constant(['open-door', 'close-door']), atLeast: floor }),
  fc.record({
    outcome: fc.constantFrom('open-door', 'close-door'),
    limit: fc.constant('maxWeeks'),
    atMost: fc.integer({ min: 5, max: 25 }),
  }),
  fc.record({ outcome: fc.constantFrom('open-door', 'close-door'), requires: fc.constantFrom(['ask-first'], ['log-entry']) }),
);
const invariant = fc
  .record({ when: fc.option(condition, { nil: undefined }), expect: expectation })
  .map((i) => ({ invariant: { point: 'access', ...i } }));

/** The voices from the strongest down; not-permitted and absent are equally weak. */
const strongestFirst = ['required', 'recommended', 'permitted'];

/** The expectation, read directly off a full decision (written apart from the gate's own check). */
function bruteMeets(expect: DutyExpectation, decision: Decision): boolean {
  const statusOf = (id: string) => decision.outcomes.find((o) => o.id === id)?.status ?? 'absent';
  const decided = (id: string) => decision.outcomes.find((o) => o.id === id);
  const accepts = (status: string, e: Extract<DutyExpectation, { statuses: unknown }>) =>
    e.atLeast ? strongestFirst.slice(0, strongestFirst.indexOf(e.atLeast) + 1).includes(status) : e.statuses.includes(status as never);
  if (expect.kind === 'status') return accepts(statusOf(expect.outcome), expect);
  if (expect.kind === 'any-of') return expect.outcomes.some((id) => accepts(statusOf(id), expect));
  const o = decided(expect.outcome);
  if (!o || o.status === 'not-permitted') return true;
  if (expect.kind === 'limit') return o.limits?.[expect.limit] !== undefined && o.limits[expect.limit]! <= expect.atMost;
  return expect.ids.every((id) => o.requires?.includes(id));
}

describe('regulation gate property', () => {
  it('gives the verdict of a brute-force check over the unreduced domain', () => {
    fc.assert(
      fc.property(
        fc.tuple(outcome('open-door'), outcome('close-door')),
        fc.option(condition, { nil: undefined }),
        fc.array(invariant, { minLength: 1, maxLength: 3 }),
        fc.option(condition, { nil: undefined }),
        (outcomes, scope, obligations, catalogueScope) => {
          const policy = {
            kind: 'policy',
            policy: 'doors',
            point: 'access',
            title: { nb: 'Dører', en: 'Doors' },
            ...(scope ? { appliesWhen: scope } : {}),
            outcomes,
          };
          const gate = gateOnRandomDuties(
            { ...minimalPolicyFiles, 'access/doors.yaml': JSON.stringify(policy) },
            obligations,
            catalogueScope,
          );
          gate.obligations.forEach((obligation, index) => {
            if (obligation.kind !== 'invariant') return;
            const applies = gate.applies(obligation);
            // An invariant that applies to no combination checks nothing, and fails as a gap.
            expectBruteForceVerdict(gate.results[index]!, (facts) => {
              if (!applies(facts)) return 'skip';
              return bruteMeets(obligation.expect, gate.set.decideValidated('access', facts, { explain: false })) ? 'holds' : 'fails';
            });
          });
        },
      ),
      { numRuns: 40, seed: 2026 },
    );
  });
});
