/**
 * Differential testing of the two evaluation paths over the bundled policies: the compiled
 * predicates must decide exactly as json-rules-engine, the reference semantics, for every
 * combination of the reduced fact domain of every decision point.
 *
 * The full product of a point's domain is millions of combinations and json-rules-engine
 * costs ~100 µs per run, so each outcome is checked over its own slice (`outcomeSlice`): the
 * facts its policy scope, rules, requirements and named conditions read. Facts outside the
 * slice cannot change that outcome; the property test below holds the slicing to that.
 */
import type { DecidedOutcome, FactValue, PointModel, PolicySet } from '@vot/engine';
import { domainSize, outcomeSlice, pointDomain, combinations, type FactDomain } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

let compiled: PolicySet;
let reference: PolicySet;
beforeAll(async () => {
  [compiled, reference] = await Promise.all([loadPolicies(), loadPolicies({ evaluator: 'json-rules-engine' })]);
});

/**
 * What a host reads of one outcome id: every decided outcome with it, in order (two policies of
 * a point may decide the same id, e.g. one per organisation), empty when left out.
 */
const outcomeView = (outcomes: readonly DecidedOutcome[], id: string): DecidedOutcome[] => outcomes.filter((o) => o.id === id);

/** A fact record a host could send: null (an absent `none` fact) is left out. */
const hostFacts = (record: Readonly<Record<string, FactValue>>): Record<string, FactValue> => {
  const facts: Record<string, FactValue> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null) facts[key] = value;
  return facts;
};

/** The point's facts at their first representative: the values held fixed outside a slice. */
const firstValues = (domains: readonly FactDomain[]): Record<string, FactValue> =>
  Object.fromEntries(domains.map((domain) => [domain.fact, domain.values[0]!]));

/**
 * The slice of an outcome id: the facts of the slices of every outcome with that id in the
 * point, each over its point-wide representatives (a refinement of every slice's, so sound).
 */
function idSlice(policies: PolicySet, point: PointModel, id: string): FactDomain[] {
  const facts = new Set(
    point.outcomes.filter((o) => o.id === id).flatMap((o) => outcomeSlice(policies.model, point, o).map((d) => d.fact)),
  );
  return pointDomain(policies.model, point).filter((domain) => facts.has(domain.fact));
}

/** Outcome ids of a point grouped by identical slice, so each combination runs once per group. */
function sliceGroups(policies: PolicySet, point: PointModel): Array<{ outcomes: string[]; slice: FactDomain[] }> {
  const groups = new Map<string, { outcomes: string[]; slice: FactDomain[] }>();
  for (const id of new Set(point.outcomes.map((o) => o.id))) {
    const slice = idSlice(policies, point, id);
    const key = JSON.stringify(slice.map((domain) => [domain.fact, domain.values]));
    const group = groups.get(key) ?? { outcomes: [], slice };
    group.outcomes.push(id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

describe('compiled predicates against json-rules-engine', () => {
  it('agree on status, requires, limits, reason and basis of every outcome over its whole slice of every point', async () => {
    const compared: Record<string, number> = {};
    let runs = 0;
    for (const point of compiled.model.points) {
      const base = firstValues(pointDomain(compiled.model, point));
      compared[point.id] = 0;
      for (const { outcomes, slice } of sliceGroups(compiled, point)) {
        let combinationsRun = 0;
        for (const combination of combinations(slice, base)) {
          const facts = hostFacts(combination);
          const [fast, slow] = await Promise.all([
            compiled.decide(point.id, facts, { explain: false }),
            reference.decide(point.id, facts, { explain: false }),
          ]);
          for (const id of outcomes) {
            const fastView = outcomeView(fast.outcomes, id);
            const slowView = outcomeView(slow.outcomes, id);
            if (JSON.stringify(fastView) !== JSON.stringify(slowView)) {
              expect(fastView, `${point.id} ${id} for ${JSON.stringify(facts)}`).toEqual(slowView);
            }
          }
          combinationsRun++;
        }
        expect(combinationsRun).toBe(domainSize(slice));
        compared[point.id]! += combinationsRun * outcomes.length;
        runs += combinationsRun;
      }
    }
    // Every point is compared, and on more than a token sample (the figures go in the report).
    console.info(
      `differential: ${runs} fact combinations decided on both paths; outcome decisions compared per point ${JSON.stringify(compared)}`,
    );
    for (const point of compiled.model.points) expect(compared[point.id], point.id).toBeGreaterThanOrEqual(point.outcomes.length * 4);
    // Tens of thousands of runs on json-rules-engine: over a minute on a loaded two-core machine.
  }, 300_000);

  it('the trace and policy hash agree too, on a sample of whole-point combinations', async () => {
    for (const point of compiled.model.points) {
      const domains = pointDomain(compiled.model, point);
      await fc.assert(
        fc.asyncProperty(fc.tuple(...domains.map((domain) => fc.constantFrom(...domain.values))), async (values) => {
          const facts = hostFacts(Object.fromEntries(domains.map((domain, index) => [domain.fact, values[index]!])));
          expect(await compiled.decide(point.id, facts)).toEqual(await reference.decide(point.id, facts));
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe('outcomeSlice', () => {
  it('property: facts outside an outcome slice never change that outcome', () => {
    const cases = compiled.model.points.flatMap((point) =>
      [...new Set(point.outcomes.map((o) => o.id))].map((id) => ({ point, outcome: { id }, slice: idSlice(compiled, point, id) })),
    );
    const anyCase = fc.constantFrom(...cases).chain(({ point, outcome, slice }) => {
      const domains = pointDomain(compiled.model, point);
      const record = fc
        .tuple(...domains.map((domain) => fc.constantFrom(...domain.values)))
        .map((values) => Object.fromEntries(domains.map((d, i) => [d.fact, values[i]!])));
      return fc.tuple(fc.constant({ point, outcome, slice }), record, record);
    });
    fc.assert(
      fc.property(anyCase, ([{ point, outcome, slice }, first, other]) => {
        // `second` keeps the slice facts of `first` and takes every other fact from `other`.
        const second = { ...other };
        for (const domain of slice) second[domain.fact] = first[domain.fact]!;
        const decide = (record: Record<string, FactValue>) =>
          outcomeView(
            compiled.decideValidated(point.id, compiled.validateFacts(point.id, hostFacts(record)), { explain: false }).outcomes,
            outcome.id,
          );
        expect(decide(second)).toEqual(decide(first));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only facts the point reads, and at least the facts of the outcome rules', () => {
    for (const point of compiled.model.points) {
      for (const outcome of point.outcomes) {
        const slice = outcomeSlice(compiled.model, point, outcome).map((d) => d.fact);
        expect(
          slice.every((fact) => point.reads.includes(fact)),
          `${point.id} ${outcome.id}`,
        ).toBe(true);
        const direct = JSON.stringify(outcome.rules.map((r) => r.when));
        for (const fact of point.reads) if (direct.includes(`"fact":"${fact}"`)) expect(slice, `${point.id} ${outcome.id}`).toContain(fact);
      }
    }
  });
});
