/**
 * Organisation packs: a policy that `overrides` a shared one decides the shared outcomes where
 * its own scope holds, in the shared outcome's place, and a document may require extra languages.
 * Checked over the whole (reduced) fact domain of the fixture, on both evaluation paths.
 */
import { describe, expect, it } from 'vitest';
import { combinations, defaultFacts, pointDomain } from '../analyze/domain.js';
import { PolicySet } from '../decide/policy-set.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import type { FactValue, PolicySetModel } from '../model.js';
import { minimalPolicyFiles, overridingPolicyFiles } from '../testing/fixtures.js';

function model(files: Record<string, string>): PolicySetModel {
  const checked = checkPolicyTexts(new Map(Object.entries(files)));
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.model;
}

const shared = new PolicySet(model(minimalPolicyFiles));
const specialised = model({ ...minimalPolicyFiles, ...overridingPolicyFiles });
const compiled = new PolicySet(specialised);
const reference = new PolicySet(specialised, { evaluator: 'json-rules-engine' });
const point = specialised.points[0]!;
// `combinations` reuses one record, so each is copied.
const everyIncident = Array.from(combinations(pointDomain(specialised, point), defaultFacts(specialised)), (facts) => ({ ...facts }));

const summary = (decision: { outcomes: Array<{ id: string; status: string; reason: { en?: string } }> }) =>
  decision.outcomes.map((o) => `${o.id}:${o.status}:${o.reason.en}`);

describe('overrides', () => {
  it('enumerates a non-trivial domain', () => {
    // colour 3 × count intervals × flag 2 × weeks intervals + none: the loop below must mean something.
    expect(everyIncident.length).toBeGreaterThan(20);
    expect(everyIncident.filter((f) => f.colour === 'red').length).toBe(everyIncident.length / 3);
    expect(new Set(everyIncident.map((f) => JSON.stringify(f))).size).toBe(everyIncident.length);
  });

  it('links the shared outcome to its override', () => {
    const open = point.outcomes.filter((o) => o.id === 'open-door');
    expect(open.map((o) => [o.policy, o.overrides, o.overriddenBy])).toEqual([
      ['doors', undefined, ['red-doors']],
      ['red-doors', 'doors', undefined],
    ]);
    // An outcome the override adds replaces nothing, so it is not marked as an override.
    expect(point.outcomes.find((o) => o.id === 'log-entry')!.overrides).toBeUndefined();
  });

  it('leaves every decision outside the override scope exactly as the shared policy decides it', () => {
    for (const facts of everyIncident.filter((f) => f.colour !== 'red')) {
      expect(summary(compiled.decideValidated('access', facts as Record<string, FactValue>))).toEqual(
        summary(shared.decideValidated('access', facts as Record<string, FactValue>)),
      );
    }
  });

  it('inside the scope: the override decides the shared outcome in its place, and adds its own outcome after', () => {
    for (const facts of everyIncident.filter((f) => f.colour === 'red')) {
      const before = shared.decideValidated('access', facts as Record<string, FactValue>);
      const after = compiled.decideValidated('access', facts as Record<string, FactValue>);
      // Same order for the shared outcomes; the override's own outcome comes last.
      expect(after.outcomes.map((o) => o.id)).toEqual([...before.outcomes.map((o) => o.id), 'log-entry']);
      const open = after.outcomes.find((o) => o.id === 'open-door')!;
      expect(open.status).toBe(facts.flag === true ? 'permitted' : 'not-permitted');
      expect(open.reason.da).toBe(facts.flag === true ? 'Flaget åbner.' : 'Rød uden flag.');
      expect(open.basis.map((b) => b.id)).toEqual(['rule-book-2']);
      expect(after.trace.steps.find((s) => s.outcome === 'open-door')!.rule).toMatch(/^red-doors\/open-door#/);
      // Outcomes the override does not define stay with the shared policy.
      expect(after.outcomes.find((o) => o.id === 'close-door')).toEqual(before.outcomes.find((o) => o.id === 'close-door'));
    }
  });

  it('decides the same on json-rules-engine', async () => {
    for (const facts of everyIncident) {
      const record = facts as Record<string, FactValue>;
      expect(summary(await reference.decide('access', record))).toEqual(summary(compiled.decideValidated('access', record)));
    }
  });

  it('requires every language a document lists', () => {
    const withoutDanish = overridingPolicyFiles['access/red-doors.yaml']!.replace(', da: Log altid rød.', '');
    const checked = checkPolicyTexts(new Map(Object.entries({ ...minimalPolicyFiles, 'access/red-doors.yaml': withoutDanish })));
    expect(checked.model).toBeUndefined();
    expect(checked.diagnostics.map((d) => [d.code, d.start?.line])).toEqual([['missing-translation', 23]]);
    expect(checked.diagnostics[0]!.message).toContain('`da`');
  });

  it('accepts an override whose scope is inside a scoped shared policy, and refuses one that is not', () => {
    const scopedShared = minimalPolicyFiles['access/doors.yaml']!.replace(
      'title: { nb: Dører, en: Doors }\n',
      'title: { nb: Dører, en: Doors }\nappliesWhen: { fact: colour, in: [red, green] }\n',
    );
    const inside = checkPolicyTexts(
      new Map(Object.entries({ ...minimalPolicyFiles, ...overridingPolicyFiles, 'access/doors.yaml': scopedShared })),
    );
    expect(inside.diagnostics).toEqual([]);
    // Integer scopes are compared at their breakpoints: count ≥ 5 inside count ≥ 3 holds, ≥ 3 inside ≥ 5 does not.
    const numeric = (own: number, sharedMin: number) =>
      checkPolicyTexts(
        new Map(
          Object.entries({
            ...minimalPolicyFiles,
            'access/doors.yaml': minimalPolicyFiles['access/doors.yaml']!.replace(
              'title: { nb: Dører, en: Doors }\n',
              `title: { nb: Dører, en: Doors }\nappliesWhen: { fact: count, atLeast: ${sharedMin} }\n`,
            ),
            'access/red-doors.yaml': overridingPolicyFiles['access/red-doors.yaml']!.replace(
              '{ fact: colour, is: red }',
              `{ fact: count, atLeast: ${own} }`,
            ),
          }),
        ),
      ).diagnostics.map((d) => d.code);
    expect(numeric(5, 3)).toEqual([]);
    expect(numeric(3, 5)).toEqual(['override-outside-scope']);
  });

  it('refuses an unscoped override of a scoped shared policy, and an override of another point', () => {
    const scopedShared = minimalPolicyFiles['access/doors.yaml']!.replace(
      'title: { nb: Dører, en: Doors }\n',
      'title: { nb: Dører, en: Doors }\nappliesWhen: { fact: colour, in: [red, green] }\n',
    );
    const unscoped = overridingPolicyFiles['access/red-doors.yaml']!.replace('appliesWhen: { fact: colour, is: red }\n', '');
    const escaping = checkPolicyTexts(
      new Map(Object.entries({ ...minimalPolicyFiles, 'access/doors.yaml': scopedShared, 'access/red-doors.yaml': unscoped })),
    );
    expect(escaping.diagnostics.map((d) => [d.code, d.start?.line])).toEqual([['override-outside-scope', 6]]);
    expect(escaping.diagnostics[0]!.message).toContain('`colour: blue`');

    const twoPoints = minimalPolicyFiles['policy-set.yaml']!.replace(
      'points:\n',
      'points:\n  - id: exit\n    title: { nb: Utgang, en: Exit }\n    question: { nb: Hva?, en: What? }\n',
    );
    const otherPoint = overridingPolicyFiles['access/red-doors.yaml']!.replace('point: access', 'point: exit');
    const crossing = checkPolicyTexts(
      new Map(Object.entries({ ...minimalPolicyFiles, 'policy-set.yaml': twoPoints, 'access/red-doors.yaml': otherPoint })),
    );
    expect(crossing.diagnostics.map((d) => d.code)).toEqual(['invalid-override']);
    expect(crossing.diagnostics[0]!.message).toContain('it decides point `access`, not `exit`');
  });

  it('refuses an override of a policy that is itself an override', () => {
    const chained = overridingPolicyFiles['access/red-doors.yaml']!.replace('policy: red-doors', 'policy: dark-red-doors').replace(
      'overrides: doors',
      'overrides: red-doors',
    );
    const checked = checkPolicyTexts(
      new Map(Object.entries({ ...minimalPolicyFiles, ...overridingPolicyFiles, 'access/dark-red-doors.yaml': chained })),
    );
    expect(checked.diagnostics.map((d) => d.code)).toContain('invalid-override');
    expect(checked.model).toBeUndefined();
  });
});
