/**
 * pointFactsSchema (what the HTTP service validates with and documents in OpenAPI) accepts
 * exactly the fact records decide() accepts, for every bundled point: a property over records
 * built from the vocabulary with valid values, then a value outside the domain or of the wrong
 * type, an unknown key or a left-out fact.
 */
import { pointFactsSchema, type FactModel } from '@vot/engine';
import { createFactsValidator } from '@vot/engine/tools';
import { loadPolicies, type PolicySet } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

let policies: PolicySet;
beforeAll(async () => {
  policies = await loadPolicies();
});

const validValue = (fact: FactModel): fc.Arbitrary<unknown> => {
  if (fact.type === 'boolean') return fc.boolean();
  if (fact.type === 'integer') return fc.integer({ min: fact.min!, max: fact.max! });
  if (fact.type === 'date')
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  return fc.constantFrom(...fact.values!);
};

const invalidValue = fc.constantFrom<unknown>(null, 'not-a-value', -1, 1.5, 'true', [], {});

type Mutation =
  | { kind: 'none' }
  | { kind: 'invalid'; index: number; value: unknown }
  | { kind: 'extra'; key: string }
  | { kind: 'drop'; index: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('invalid' as const), index: fc.nat(), value: invalidValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.constantFrom('priorIncident', 'colour', 'toString', 'constructor'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }) },
);

function mutate(facts: Record<string, unknown>, change: Mutation): Record<string, unknown> {
  const keys = Object.keys(facts);
  const copy = { ...facts };
  if (change.kind === 'invalid' && keys.length > 0) copy[keys[change.index % keys.length]!] = change.value;
  if (change.kind === 'extra') copy[change.key] = true;
  if (change.kind === 'drop' && keys.length > 0) delete copy[keys[change.index % keys.length]!];
  return copy;
}

describe('pointFactsSchema', () => {
  it('agrees with the facts validator of decide() on every point', () => {
    const validator = createFactsValidator(policies.model.facts);
    for (const point of policies.model.points) {
      const schema = pointFactsSchema(policies.model.facts, point);
      // Valid records (the point's required facts, any others), then at most one change each.
      const valid = fc.record(Object.fromEntries(policies.model.facts.map((fact) => [fact.id, validValue(fact)])), {
        requiredKeys: point.requiredFacts,
      });
      const records = fc.tuple(valid, mutation).map(([facts, change]) => mutate(facts, change));
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(records, (facts) => {
          const bySchema = schema.safeParse(facts).success;
          const byValidator = validator.validate(point, facts).facts !== undefined;
          if (byValidator) accepted++;
          else refused++;
          expect(bySchema, `${point.id}: ${JSON.stringify(facts)}`).toBe(byValidator);
        }),
        { numRuns: 300, seed: 7 },
      );
      // Both answers occur often, so the agreement is not trivial.
      expect(Math.min(accepted, refused), point.id).toBeGreaterThan(30);
    }
  });
});
