/**
 * Points that agree, on the two-point fixture set: worked examples with hand-derived answers,
 * the checker's diagnostics for a wrong obligation, and a property test that the gate's verdict
 * equals a brute-force check of every fact combination of the unreduced domain, each side decided
 * by the full decision path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../decide/decision.js';
import type { AgreeSideModel, FactValue, PolicySetModel } from '../model.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { isLive } from '../status.js';
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
import { minimalPolicyFiles, twoPointPolicyFiles } from '../testing/fixtures.js';
import { runGate } from './gate.js';
import { renderGateReport } from './gate-render.js';

const dutiesFile = (obligations: string): string => fixtureDuties(obligations, { id: 'doors-and-notices-agree' });
const files = (changes: Record<string, string>) => ({ ...minimalPolicyFiles, ...twoPointPolicyFiles, ...changes });
const checked = (changes: Record<string, string>) => checkPolicyTexts(new Map(Object.entries(files(changes))));
const modelWith = (changes: Record<string, string>): PolicySetModel => fixtureModel(files(changes));

describe('points that agree, on the two-point fixture', () => {
  it('holds when the conclusion follows wherever the premise does, over the facts both sides read', () => {
    // open-door is permitted only when busy (count ≥ 10 or flag) and not red. With the flag fixed
    // up on the notice side, log-entry is required for red and green, so a green busy door is
    // always logged; blue is kept out by `when`.
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(`      - agree:
          when: { fact: colour, isNot: blue }
          if: { point: access, outcome: open-door, atLeast: permitted }
          then: { point: notice, with: { flag: true }, outcome: log-entry, status: required, requires: [ask-first] }`),
    });
    const result = runGate(model).duties[0]!.obligations[0]!;
    expect(result).toMatchObject({ kind: 'agree', ok: true });
    // colour 3 × count {0, 10, 11, 20, 21} 5 × flag 2 (the premise reads the flag unfixed).
    expect(result.slice).toEqual(['colour', 'count', 'flag']);
    expect(result.combinations).toBe(30);
    expect(result.applicable).toBe(20);
    // Green and busy: count 10, 11, 20, 21 with either flag, or count 0 with the flag up.
    expect(result.triggered).toBe(9);
  });

  it('reports the smallest counterexample with both decisions and the facts each side fixes', () => {
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(`      - agree:
          if: { point: access, outcome: open-door, status: [required, recommended, permitted] }
          then: { point: notice, with: { flag: true }, outcome: log-entry, atLeast: recommended }`),
    });
    const report = runGate(model);
    const result = report.duties[0]!.obligations[0]!;
    expect(result.ok).toBe(false);
    // A blue door with the flag up is permitted to open (busy), but a blue notice below a count
    // of 20 is not logged. colour has no default and count none: both stay at their first
    // failing values; the flag must stay up for the door to open.
    expect(result.counterexample!.facts).toEqual({ colour: 'blue', count: 0, flag: true });
    const [premise, conclusion] = result.counterexample!.sides!;
    expect(premise).toMatchObject({
      point: 'access',
      with: {},
      decided: [{ outcome: 'open-door', status: 'permitted', rule: 'doors/open-door#2' }],
    });
    expect(conclusion).toMatchObject({
      point: 'notice',
      with: { flag: true },
      decided: [{ outcome: 'log-entry', status: 'not-permitted', rule: 'notices/log-entry#otherwise' }],
    });
    expect(conclusion!.decided[0]!.at).toMatch(/^policies\/notice\/notices\.yaml:\d+:\d+$/);

    const en = renderGateReport(report, { lang: 'en', model });
    expect(en).toContain(
      'obligation: for every combination: if at point `access`: `open-door` is required or recommended or permitted, then at point `notice` with flag = true: `log-entry` is at least recommended',
    );
    expect(en).toContain('  decision at point `access`:\n    open-door (Open the door): permitted');
    expect(en).toContain('  decision at point `notice` with flag = true:\n    log-entry (Log the entry): not permitted');
    expect(en).toContain('      decided by rule notices/log-entry#otherwise (policies/notice/notices.yaml:');
    expect(en).toContain('      reason: No log.');
    const nb = renderGateReport(report, { lang: 'nb', model });
    expect(nb).toContain('hvis i beslutningspunktet `access`');
    expect(nb).toContain('så i beslutningspunktet `notice` med flag = true: `log-entry` er minst anbefalt');
    expect(nb).toContain('beslutning i beslutningspunktet `notice` med flag = true:');
    expect(renderGateReport(report, { lang: 'da', model })).toContain('`notice` med flag = true: `log-entry` er mindst anbefalet');
  });

  it('checks the requires of the conclusion only where it is live', () => {
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(`      - agree:
          if: { point: access, outcome: open-door, status: permitted }
          then: { point: notice, outcome: log-entry, requires: [ask-first] }`),
    });
    // log-entry is either required with ask-first, recommended without it, or not permitted.
    const result = runGate(model).duties[0]!.obligations[0]!;
    expect(result.ok).toBe(false);
    expect(result.counterexample!.sides![1]!.decided[0]).toMatchObject({ status: 'recommended' });
    expect(result.counterexample!.facts).toMatchObject({ count: 20 });
  });

  it('fails as a gap when the premise never holds inside the scope', () => {
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(`      - agree:
          when: { fact: colour, is: red }
          if: { point: access, outcome: open-door, status: permitted }
          then: { point: notice, outcome: log-entry, status: required }`),
    });
    const report = runGate(model);
    expect(report.duties[0]!.obligations[0]).toMatchObject({ ok: false, vacuous: true, triggered: 0 });
    expect(renderGateReport(report)).toContain('the obligation checks nothing: its `if` decision never has that status');
  });

  it('lists both sides in the traceability matrix', () => {
    const model = modelWith({
      'duties/doors.yaml': dutiesFile(`      - agree:
          if: { point: access, outcome: open-door, status: permitted }
          then: { point: notice, outcome: log-entry, atLeast: permitted }`),
    });
    const row = runGate(model).traceability[0]!;
    expect(row.outcomes.filter((o) => o.via === 'agree')).toEqual([
      { point: 'access', outcome: 'open-door', via: 'agree' },
      { point: 'notice', outcome: 'log-entry', via: 'agree' },
    ]);
  });

  it('reports unknown points, outcomes and facts, values out of domain and facts the point never reads', () => {
    const result = checked({
      'vocabulary.yaml': minimalPolicyFiles['vocabulary.yaml']!.replace(
        'outcomes:',
        '  - id: unread\n    type: boolean\n    default: false\n    title: { nb: Ulest, en: Unread }\noutcomes:',
      ),
      'duties/doors.yaml': dutiesFile(`      - agree:
          if: { point: acces, outcome: open-door, status: permitted }
          then: { point: notice, with: { colour: purple, colr: red, unread: true }, outcome: open-door, requires: [ask-frist] }`),
    });
    const codes = result.diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'unknown-point duties[0].obligations[0].agree.if.point',
        'value-out-of-domain duties[0].obligations[0].agree.then.with.colour',
        'unknown-fact duties[0].obligations[0].agree.then.with.colr',
        'agree-fact-not-read duties[0].obligations[0].agree.then.with.unread',
        'duty-outcome-not-at-point duties[0].obligations[0].agree.then.outcome',
        'unknown-outcome duties[0].obligations[0].agree.then.requires[0]',
      ]),
    );
    expect(result.diagnostics.find((d) => d.code === 'value-out-of-domain')).toMatchObject({
      expected: 'one of `red`, `green`, `blue`',
    });
  });
});

// --- property: the gate equals brute force over the unreduced domain ----------------------------------

const condition = fixtureCondition;
const status = fixtureStatus;
const rule = fc.record({ when: condition, status, requires: fc.option(fc.constant(['ask-first']), { nil: undefined }) });
const policy = (name: string, point: string, id: string) =>
  fixtureOutcome(id, rule).map((o) => ({ kind: 'policy', policy: name, point, title: { nb: name, en: name }, outcomes: [o] }));

const statuses = fixtureStatusList;
const accepts = fc.oneof(
  statuses.map((s) => ({ status: s })),
  fc.constantFrom('required', 'recommended', 'permitted').map((s) => ({ atLeast: s })),
);
/** Facts one side may fix: most often none, else one or two facts with a value each. */
const fixed = fc.oneof(
  { arbitrary: fc.constant({}), weight: 2 },
  fc
    .record(
      {
        colour: fc.constantFrom('red', 'green', 'blue'),
        count: fc.constantFrom(0, 10, 25, 50),
        flag: fc.boolean(),
        weeks: fc.constantFrom<number | string>('none', 5, 104),
      },
      { requiredKeys: [] },
    )
    .filter((facts) => Object.keys(facts).length <= 2),
);
const sides = fc.tuple(fc.constantFrom('access', 'notice'), fc.constantFrom('access', 'notice'));
const agreement = fc
  .record({
    when: fc.option(condition, { nil: undefined }),
    points: sides,
    premiseWith: fixed,
    conclusionWith: fixed,
    premise: accepts,
    conclusion: fc.oneof(
      accepts,
      accepts.map((a) => ({ ...a, requires: ['ask-first'] })),
      fc.constant({ requires: ['ask-first'] }),
    ),
  })
  .map(({ when, points, premiseWith, conclusionWith, premise, conclusion }) => ({
    agree: {
      ...(when ? { when } : {}),
      if: { point: points[0], with: premiseWith, outcome: points[0] === 'access' ? 'open-door' : 'log-entry', ...premise },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the key of the YAML obligation
      then: { point: points[1], with: conclusionWith, outcome: points[1] === 'access' ? 'open-door' : 'log-entry', ...conclusion },
    },
  }));

/** One side, read directly off a full decision (written apart from the gate's own check). */
function bruteSide(side: AgreeSideModel, decision: Decision): boolean {
  const decided = decision.outcomes.find((o) => o.id === side.outcome);
  const status = decided?.status ?? 'absent';
  return side.expect.every((expect) => {
    if (expect.kind === 'status') return expect.statuses.includes(status);
    if (expect.kind === 'requires') return !decided || !isLive(decided.status) || expect.ids.every((id) => decided.requires?.includes(id));
    throw new Error(`an agreement does not expect ${expect.kind}`);
  });
}

describe('points that agree, property', () => {
  it('gives the verdict of a brute-force check over the unreduced domain', () => {
    fc.assert(
      fc.property(
        policy('doors', 'access', 'open-door'),
        policy('notices', 'notice', 'log-entry'),
        fc.array(agreement, { minLength: 1, maxLength: 2 }),
        fc.option(condition, { nil: undefined }),
        (doors, notices, obligations, catalogueScope) => {
          const gate = gateOnRandomDuties(
            files({ 'access/doors.yaml': JSON.stringify(doors), 'notice/notices.yaml': JSON.stringify(notices) }),
            obligations,
            catalogueScope,
          );
          const decide = (side: AgreeSideModel, facts: Record<string, FactValue>) =>
            gate.set.decideValidated(side.point, { ...facts, ...side.with }, { explain: false });
          gate.obligations.forEach((obligation, index) => {
            if (obligation.kind !== 'agree') return;
            const applies = gate.applies(obligation);
            // An agreement whose premise never holds checks nothing, and fails as a gap.
            expectBruteForceVerdict(gate.results[index]!, (facts) => {
              if (!applies(facts) || !bruteSide(obligation.premise, decide(obligation.premise, facts))) return 'skip';
              return bruteSide(obligation.conclusion, decide(obligation.conclusion, facts)) ? 'holds' : 'fails';
            });
          });
        },
      ),
      { numRuns: 30, seed: 2027 },
    );
  }, 120_000);
});
