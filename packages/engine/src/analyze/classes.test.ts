/**
 * Enumeration by classes of values (analyze/domain.ts `valueClasses`): the gate tries one value
 * of each class of an equality fact that no condition can tell apart. Checked here against
 * brute force over every value, on a fixture shaped like many organisations in one set: a `site`
 * fact with eight values, a shared policy naming some of them, and packs scoped to one or a few
 * sites that override the shared outcome.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../decide/policy-set.js';
import { compilePredicate } from '../compile/predicate.js';
import type { ConditionNode, FactValue } from '../model.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { fixtureStatus, fixtureStatusList } from '../testing/fixture-arbitraries.js';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { valueClasses } from './domain.js';
import { runGate } from './gate.js';
import { renderGateReport } from './gate-render.js';

const sites = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];

describe('valueClasses', () => {
  it('puts values named by the same tests together, every value no test names in one class, the preferred value first', () => {
    expect(valueClasses(sites, [['s2', 's5'], ['s2', 's5', 's6'], ['s3']])).toEqual([
      ['s1', 's4', 's7', 's8'],
      ['s2', 's5'],
      ['s3'],
      ['s6'],
    ]);
    expect(valueClasses(sites, [['s2', 's5']], 's5')).toEqual([
      ['s1', 's3', 's4', 's6', 's7', 's8'],
      ['s5', 's2'],
    ]);
    expect(valueClasses([false, true, null], [[true]])).toEqual([[false, null], [true]]);
  });

  it('property: two values share a class exactly when every test names both or neither', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(sites), { maxLength: 6 }), (tests) => {
        const classes = valueClasses(sites, tests);
        expect(classes.flat().sort()).toEqual([...sites].sort());
        const classOf = (value: string) => classes.findIndex((members) => members.includes(value));
        for (const x of sites)
          for (const y of sites) expect(classOf(x) === classOf(y)).toBe(tests.every((test) => test.includes(x) === test.includes(y)));
      }),
      { numRuns: 200, seed: 18 },
    );
  });
});

// --- the fixture: one vocabulary fact with many values, packs scoped by it ----------------------

const vocabulary = (siteDefault: string | undefined) =>
  minimalPolicyFiles['vocabulary.yaml']!.replace(
    'facts:\n',
    `facts:\n  - id: site\n    type: enum\n    values: [${sites.join(', ')}]\n${siteDefault ? `    default: ${siteDefault}\n` : ''}    title: { nb: Sted, en: Site }\n`,
  );

const leaf = fc.oneof(
  fc.constantFrom(...sites).map((s) => ({ fact: 'site', is: s })),
  fc.constantFrom(...sites).map((s) => ({ fact: 'site', isNot: s })),
  fc.subarray(sites, { minLength: 1, maxLength: 3 }).map((s) => ({ fact: 'site', in: s })),
  fc.subarray(sites, { minLength: 1, maxLength: 3 }).map((s) => ({ fact: 'site', notIn: s })),
  fc.boolean().map((b) => ({ fact: 'flag', is: b })),
  fc.constantFrom('red', 'green', 'blue').map((c) => ({ fact: 'colour', is: c })),
);
const condition: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ all: items })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ any: items })),
  ),
})).node;
const reason = { nb: 'Grunn.', en: 'Reason.' };
const rules = fc.array(
  fc.record({ when: condition, status: fixtureStatus }).map((r) => ({ ...r, reason })),
  { maxLength: 2 },
);
const outcome = (id: string) =>
  fc
    .record({ rules, otherwise: fixtureStatus })
    .map((o) => ({ id, basis: ['rule-book-1'], rules: o.rules, otherwise: { status: o.otherwise, reason } }));
/**
 * Packs: each site in at most one (an override's scopes may not overlap), scoped to its sites
 * conjunctively, perhaps with a further condition, overriding `open-door`.
 */
const packs = fc
  .tuple(
    fc.array(fc.integer({ min: -1, max: 3 }), { minLength: sites.length, maxLength: sites.length }),
    fc.array(fc.record({ also: fc.option(condition, { nil: undefined }), outcome: outcome('open-door') }), { minLength: 4, maxLength: 4 }),
  )
  .map(([owner, made]) =>
    made.map((p, index) => ({ ...p, sites: sites.filter((_, at) => owner[at] === index) })).filter((p) => p.sites.length > 0),
  );

function files(shared: unknown[], packs: Array<{ sites: string[]; also?: unknown; outcome: unknown }>, siteDefault: string | undefined) {
  const set: Record<string, string> = { ...minimalPolicyFiles, 'vocabulary.yaml': vocabulary(siteDefault) };
  set['access/doors.yaml'] = JSON.stringify({ kind: 'policy', policy: 'doors', point: 'access', title: reason, outcomes: shared });
  packs.forEach((p, index) => {
    const scope = { fact: 'site', in: p.sites };
    set[`access/pack-${index}.yaml`] = JSON.stringify({
      kind: 'policy',
      policy: `pack-${index}`,
      point: 'access',
      title: reason,
      overrides: 'doors',
      appliesWhen: p.also ? { all: [scope, p.also] } : scope,
      outcomes: [p.outcome],
    });
  });
  return set;
}

/** Every combination of the facts the fixture's conditions read, over their whole ranges. */
function* everyCombination(siteDefault: string | undefined): Generator<Record<string, FactValue>> {
  for (const site of siteDefault === 'none' ? [...sites, null] : sites)
    for (const colour of ['red', 'green', 'blue']) for (const flag of [false, true]) yield { site, colour, flag };
}

/**
 * The gate's verdict on each invariant against brute force: ok exactly when no combination
 * inside the scope and `when` fails, vacuous exactly when none is inside, and the counterexample
 * really fails.
 */
function expectGateMatchesBruteForce(set: Record<string, string>, duties: unknown, siteDefault: string | undefined) {
  const checked = checkPolicyTexts(new Map(Object.entries({ ...set, 'duties/doors.yaml': JSON.stringify(duties) })));
  expect(checked.model, checked.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  const model = checked.model!;
  const policies = new PolicySet(model);
  const catalogue = model.duties[0]!;
  const holds = (c: ConditionNode | null) => (c ? compilePredicate(c, new Map()) : () => true);
  const results = runGate(model).duties[0]!.obligations;
  catalogue.duties[0]!.obligations.forEach((obligation, index) => {
    if (obligation.kind !== 'invariant' || obligation.expect.kind !== 'status') return;
    const expected = obligation.expect;
    const applies = (facts: Record<string, FactValue>) => holds(catalogue.scope)(facts) && holds(obligation.when)(facts);
    const fails = (facts: Record<string, FactValue>) => {
      const decided = policies.decideValidated('access', facts, { explain: false }).outcomes.find((o) => o.id === expected.outcome);
      return !expected.statuses.includes(decided?.status ?? 'absent');
    };
    const inside = [...everyCombination(siteDefault)].filter(applies);
    const result = results[index]!;
    expect(result.vacuous ?? false).toBe(inside.length === 0);
    expect(result.ok).toBe(inside.length > 0 && !inside.some(fails));
    if (result.counterexample) {
      const facts = {
        flag: false,
        ...(siteDefault ? { site: siteDefault === 'none' ? null : siteDefault } : {}),
        ...result.counterexample.facts,
      };
      expect(applies(facts) && fails(facts)).toBe(true);
    }
  });
}

const duties = (obligations: unknown[], scope: unknown) => ({
  kind: 'duties',
  catalogue: 'door-duties',
  title: reason,
  jurisdiction: 'NO',
  ...(scope ? { appliesWhen: scope } : {}),
  duties: [{ id: 'door-duty', title: reason, basis: ['rule-book-1'], obligations }],
});

describe('the gate by classes of values, against brute force over every value', () => {
  it('property: the same verdict as deciding every site, colour and flag', () => {
    const invariant = fc
      .record({
        when: fc.option(condition, { nil: undefined }),
        expect: fc.record({ outcome: fc.constantFrom('open-door', 'close-door'), status: fixtureStatusList }),
      })
      .map((i) => ({ invariant: { point: 'access', ...i } }));
    fc.assert(
      fc.property(
        fc.tuple(outcome('open-door'), outcome('close-door')),
        packs,
        fc.array(invariant, { minLength: 1, maxLength: 3 }),
        fc.option(condition, { nil: undefined }),
        // The site's default: a site, none (absent is allowed), or no default (the site must be given).
        fc.option(fc.constantFrom(...sites, 'none'), { nil: undefined }),
        (shared, packs, obligations, scope, siteDefault) => {
          expectGateMatchesBruteForce(files(shared, packs, siteDefault), duties(obligations, scope), siteDefault);
        },
      ),
      { numRuns: 60, seed: 2026 },
    );
  });

  it('catches a copy of a site whose pack differs, though the shared policy names it with the original', () => {
    // s2 and s3 are copies of s1 in the shared policy: one class there. Each has its own pack,
    // alike except that s3's permits open-door on green, which the duty forbids.
    const shared = [
      {
        id: 'open-door',
        basis: ['rule-book-1'],
        rules: [{ when: { fact: 'site', in: ['s1', 's2', 's3'] }, status: 'not-permitted', reason }],
        otherwise: { status: 'permitted', reason },
      },
    ];
    const packFor = (site: string, greenStatus: string) => ({
      sites: [site],
      outcome: {
        id: 'open-door',
        basis: ['rule-book-1'],
        rules: [{ when: { fact: 'colour', is: 'green' }, status: greenStatus, reason }],
        otherwise: { status: 'not-permitted', reason },
      },
    });
    const obligations = [{ invariant: { point: 'access', expect: { outcome: 'open-door', status: ['not-permitted', 'absent'] } } }];
    const scope = { fact: 'site', in: ['s1', 's2', 's3'] };
    const gate = (packs: ReturnType<typeof packFor>[]) => {
      const checked = checkPolicyTexts(
        new Map(Object.entries({ ...files(shared, packs, undefined), 'duties/doors.yaml': JSON.stringify(duties(obligations, scope)) })),
      );
      return runGate(checked.model!).duties[0]!.obligations[0]!;
    };
    const alike = gate([packFor('s1', 'not-permitted'), packFor('s2', 'not-permitted'), packFor('s3', 'not-permitted')]);
    expect(alike.ok).toBe(true);
    // The scope leaves s1..s3, told apart by their packs; colour is green or not (red and blue
    // alike) and flag is unread: 3 × 2 combinations.
    expect(alike.combinations).toBe(6);
    const differs = gate([packFor('s1', 'not-permitted'), packFor('s2', 'not-permitted'), packFor('s3', 'permitted')]);
    expect(differs.ok).toBe(false);
    expect(differs.counterexample!.facts).toEqual({ site: 's3', colour: 'green' });
    // Without packs, s1..s3 are one class inside the scope: one site is enough.
    expect(gate([]).combinations).toBe(1);
  });

  it('names the values a counterexample stands for', () => {
    const shared = [
      {
        id: 'open-door',
        basis: ['rule-book-1'],
        rules: [{ when: { fact: 'site', is: 's1' }, status: 'not-permitted', reason }],
        otherwise: { status: 'permitted', reason },
      },
    ];
    const obligations = [{ invariant: { point: 'access', expect: { outcome: 'open-door', status: ['not-permitted'] } } }];
    const checked = checkPolicyTexts(
      new Map(Object.entries({ ...files(shared, [], undefined), 'duties/doors.yaml': JSON.stringify(duties(obligations, undefined)) })),
    );
    const report = runGate(checked.model!);
    // s1 and the class of every other site: two combinations, the second fails.
    expect(report.duties[0]!.obligations[0]).toMatchObject({
      combinations: 2,
      counterexample: { facts: { site: 's2' }, alike: { site: ['s3', 's4', 's5', 's6', 's7', 's8'] } },
    });
    expect(renderGateReport(report)).toContain('site: s2 (and 6 values alike)');
    expect(renderGateReport(report, { lang: 'nb' })).toContain('site: s2 (og 6 verdier til som gir samme svar)');
  });
});
