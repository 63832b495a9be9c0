/**
 * The scope index: a point with one pack per unit (as one organisation pack per municipality),
 * packs scoped by `is`, by `in` inside a conjunction and through a named condition, beside
 * policies whose scope the index cannot key (no scope, `any`, `not`). Every combination of the
 * facts is decided with the index (the compiled path) and without it (the json-rules-engine path
 * tries every scope), and the decisions, traces included, must be equal.
 */
import { describe, expect, it } from 'vitest';
import { combinations, defaultFacts, pointDomain } from '../analyze/domain.js';
import { namedConditions } from '../compile/keys.js';
import { renderDiagnostics } from '../diagnostics.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { PolicySet } from './policy-set.js';
import { buildScopeIndex, candidatePolicies } from './scope-index.js';

const units = Array.from({ length: 12 }, (_, i) => `unit-${i}`);
const reason = '{ nb: Grunn., en: Reason. }';
const pack = (id: string, scope: string, extra = '') => `kind: policy
policy: ${id}
point: access
title: { nb: Pakke, en: Pack }
${extra}appliesWhen: ${scope}
outcomes:
  - id: log-entry
    basis: [rule-book-1]
    rules:
      - when: { fact: flag, is: true }
        status: required
        reason: ${reason}
    otherwise: omit
`;

const files: Record<string, string> = {
  ...minimalPolicyFiles,
  'vocabulary.yaml': minimalPolicyFiles['vocabulary.yaml']!.replace(
    'facts:\n',
    `facts:\n  - id: unit\n    type: enum\n    values: [${units.join(', ')}]\n    title: { nb: Enhet, en: Unit }\n`,
  ),
  // Scoped by one unit each (units 0-5), by a unit list inside a conjunction (6-8), through a
  // named condition (9), by `not` (11); unit 10 has no pack deciding log-entry.
  ...Object.fromEntries(units.slice(0, 6).map((unit, i) => [`packs/p${i}.yaml`, pack(`p${i}`, `{ fact: unit, is: ${unit} }`)])),
  'packs/p6.yaml': pack('p6', `{ all: [ { fact: colour, isNot: blue }, { fact: unit, in: [${units.slice(6, 9).join(', ')}] } ] }`),
  'packs/p9.yaml': pack('p9', '{ condition: ninth }', `conditions:\n  ninth:\n    when: { fact: unit, is: ${units[9]} }\n`),
  'packs/any.yaml': pack('any-unit', `{ any: [ { fact: unit, is: ${units[10]} }, { fact: colour, is: red } ] }`).replace(
    'log-entry',
    'ask-first',
  ),
  'packs/not.yaml': pack('not-unit', `{ not: { fact: unit, in: [${units.slice(0, 11).join(', ')}] } }`),
};
const checked = checkPolicyTexts(new Map(Object.entries(files)));
if (!checked.model) throw new Error(renderDiagnostics(checked.diagnostics));
const model = checked.model;
const point = model.points[0]!;

describe('scope index', () => {
  it('checks, and keys the packs by the unit', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const index = buildScopeIndex(point, namedConditions(point))!;
    expect(index.fact).toBe('unit');
    const ids = (value: string) => candidatePolicies(index, { unit: value }).map((i) => point.policies[i]!.id);
    // The unkeyed policies (doors without a scope, `any`, `not`) are tried for every unit.
    expect(ids('unit-0')).toEqual(expect.arrayContaining(['p0', 'doors', 'any-unit', 'not-unit']));
    expect(ids('unit-0')).not.toContain('p1');
    expect(ids('unit-7')).toEqual(expect.arrayContaining(['p6', 'doors']));
    expect(ids('unit-9')).toContain('p9');
    expect(ids('unit-10').sort()).toEqual(['any-unit', 'doors', 'not-unit']);
  });

  it('decides every combination as trying every scope does, trace included', async () => {
    const compiled = new PolicySet(model);
    const everyScope = new PolicySet(model, { evaluator: 'json-rules-engine' });
    let decided = 0;
    for (const facts of combinations(pointDomain(model, point), defaultFacts(model))) {
      const decision = compiled.decideValidated('access', { ...facts });
      expect(decision).toEqual(await everyScope.decide('access', { ...facts }));
      // Ten packs list log-entry: the trace names it once, and never beside a decision of it.
      const left = decision.trace.omitted.map((o) => o.outcome);
      expect(new Set(left).size).toBe(left.length);
      for (const outcome of decision.outcomes) expect(left).not.toContain(outcome.id);
      decided++;
    }
    expect(decided).toBeGreaterThan(500);
  });
});
