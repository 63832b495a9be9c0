/**
 * Generators over the fixture vocabulary (testing/fixtures.ts) for the property tests of the
 * analysis: random conditions on its facts, random statuses, and every combination of its facts
 * over their whole ranges, the brute-force oracle a reduced enumeration is checked against.
 * For tests only; not part of any entry.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { runGate } from '../analyze/gate.js';
import { compilePredicate } from '../compile/predicate.js';
import { PolicySet } from '../decide/policy-set.js';
import type { ConditionNode, FactValue, PolicySetModel } from '../model.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { expectedStatuses, statuses } from '../status.js';

const leaf = fc.oneof(
  fc.constantFrom('red', 'green', 'blue').map((c) => ({ fact: 'colour', is: c })),
  fc.subarray(['red', 'green', 'blue'], { minLength: 1 }).map((cs) => ({ fact: 'colour', in: cs })),
  fc
    .tuple(fc.constantFrom('atLeast', 'atMost', 'above', 'below'), fc.integer({ min: 0, max: 50 }))
    .map(([op, n]) => ({ fact: 'count', [op]: n })),
  fc.boolean().map((b) => ({ fact: 'flag', is: b })),
  fc.constant({ fact: 'weeks', is: 'none' }),
  fc.integer({ min: 1, max: 104 }).map((n) => ({ fact: 'weeks', above: n })),
);

/** A condition on the fixture's facts, as a reviewer writes it (YAML-shaped data). */
export const fixtureCondition: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ all: items })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ any: items })),
    tie('node').map((item) => ({ not: item })),
  ),
})).node;

/** A status a rule can give. */
export const fixtureStatus = fc.constantFrom(...statuses);

/** What an expectation may accept: a non-empty list of statuses, `absent` included. */
export const fixtureStatusList = fc.subarray([...expectedStatuses], { minLength: 1 });

/** An outcome of a fixture policy: up to three rules drawn from `rule`, then a status or `omit` otherwise. */
export function fixtureOutcome(id: string, rule: fc.Arbitrary<object>) {
  return fc
    .record({
      rules: fc.array(rule, { maxLength: 3 }),
      otherwise: fc.oneof(
        fc.constant('omit'),
        fixtureStatus.map((s) => ({ status: s })),
      ),
    })
    .map((o) => ({
      id,
      basis: ['rule-book-1'],
      rules: o.rules.map((r) => ({ ...r, reason: { nb: 'Grunn.', en: 'Reason.' } })),
      otherwise: o.otherwise === 'omit' ? 'omit' : { ...o.otherwise, reason: { nb: 'Ellers.', en: 'Otherwise.' } },
    }));
}

/** Every combination of every fixture fact over its whole range: no reduction at all. */
export function* everyFixtureCombination(): Generator<Record<string, FactValue>> {
  for (const colour of ['red', 'green', 'blue']) {
    for (let count = 0; count <= 50; count++) {
      for (const flag of [false, true]) {
        for (const weeks of [null, ...Array.from({ length: 104 }, (_, i) => i + 1)]) yield { colour, count, flag, weeks };
      }
    }
  }
}

/** What an obligation says of one combination: it does not apply there, it holds, or it fails. */
export type Verdict = 'skip' | 'holds' | 'fails';

/**
 * Holds the gate's result for one obligation to brute force over every fixture combination:
 * ok exactly when no combination fails and some applies, vacuous exactly when none applies, and
 * a reported counterexample, completed with the fixture's defaults, really fails.
 */
export function expectBruteForceVerdict(
  result: { ok: boolean; vacuous?: boolean; counterexample?: { facts: Record<string, FactValue> } },
  verdict: (facts: Record<string, FactValue>) => Verdict,
): void {
  let failed = false;
  let applies = 0;
  for (const facts of everyFixtureCombination()) {
    const said = verdict(facts);
    if (said === 'skip') continue;
    applies++;
    if (said === 'fails') {
      failed = true;
      break;
    }
  }
  expect(result.ok).toBe(!failed && applies > 0);
  expect(result.vacuous ?? false).toBe(applies === 0);
  if (failed) expect(verdict({ colour: 'red', count: 0, flag: false, weeks: null, ...result.counterexample!.facts })).toBe('fails');
}

/** A fixture duty catalogue `door-duties` with one duty (`id`) holding `obligations` (YAML lines, indented six). */
export const fixtureDuties = (obligations: string, options: { id?: string; appliesWhen?: string } = {}): string => `kind: duties
catalogue: door-duties
title: { nb: Dørplikter, en: Door duties }
jurisdiction: NO
${options.appliesWhen ?? ''}
duties:
  - id: ${options.id ?? 'door-duty'}
    title: { nb: Plikten, en: The duty }
    basis: [rule-book-1]
    obligations:
${obligations}
`;

/** The checked model of the fixture files with `files` laid over them; fails the test on any error. */
export function fixtureModel(files: Readonly<Record<string, string>>): PolicySetModel {
  const checked = checkPolicyTexts(new Map(Object.entries(files)));
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return checked.model!;
}

/**
 * The gate on fixture files with one random duty catalogue: the checked obligations beside the
 * gate's results, a decider for brute force, and the catalogue's scope and each obligation's
 * `when` as predicates.
 */
export function gateOnRandomDuties(files: Readonly<Record<string, string>>, obligations: unknown[], catalogueScope: unknown) {
  const duties = {
    kind: 'duties',
    catalogue: 'door-duties',
    title: { nb: 'Plikter', en: 'Duties' },
    jurisdiction: 'NO',
    ...(catalogueScope ? { appliesWhen: catalogueScope } : {}),
    duties: [{ id: 'door-duty', title: { nb: 'Plikt', en: 'Duty' }, basis: ['rule-book-1'], obligations }],
  };
  const checked = checkPolicyTexts(new Map(Object.entries({ ...files, 'duties/doors.yaml': JSON.stringify(duties) })));
  expect(checked.model, checked.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  const model = checked.model!;
  const catalogue = model.duties[0]!;
  const holds = (condition: ConditionNode | null) => (condition ? compilePredicate(condition, new Map()) : () => true);
  const inScope = holds(catalogue.scope);
  return {
    set: new PolicySet(model),
    results: runGate(model).duties[0]!.obligations,
    obligations: catalogue.duties[0]!.obligations,
    /** Whether a combination lies inside the catalogue's scope and the obligation's `when`. */
    applies: (obligation: { when: ConditionNode | null }) => {
      const when = holds(obligation.when);
      return (facts: Record<string, FactValue>) => inScope(facts) && when(facts);
    },
  };
}
