/**
 * Fuzzing decide() with fact records a host might pass on: valid values mixed with wrong types,
 * out-of-range and non-finite numbers, strings with control characters, unknown and prototype
 * keys, symbols, getters, proxies, class instances and non-objects. The property is fail-closed
 * in both directions, against an oracle written here from the vocabulary and not from the
 * validator: decide() resolves exactly when the input is a valid record, and otherwise rejects
 * with a PolicyError. It never throws anything else, never hangs, never pollutes.
 */
import { checkPolicyTexts, PolicyError, PolicySet, type FactModel, type PointModel } from '@vot/engine';
import { loadPolicies } from '@vot/policies';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimalPolicyFiles } from '@vot/engine/tools';
import { assertUnpolluted, fuzzParameters, prototypeNames, withinBudgetAsync } from './budget.js';

/** Whether a value is in a fact's domain, as docs/policy-format.md describes it. */
function inDomain(fact: FactModel, value: unknown): boolean {
  if (value === undefined) return true; // absent
  if (value === null) return fact.hasDefault && fact.default === null;
  if (fact.type === 'boolean') return typeof value === 'boolean';
  if (fact.type === 'integer') return typeof value === 'number' && Number.isInteger(value) && value >= fact.min! && value <= fact.max!;
  // A date is a real day written YYYY-MM-DD: the calendar of JavaScript (UTC) writes it back unchanged.
  if (fact.type === 'date')
    return (
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
    );
  return typeof value === 'string' && fact.values!.includes(value);
}

/** The oracle: a plain record of vocabulary facts, each in its domain, every needed fact present. */
function isValidRecord(facts: readonly FactModel[], point: PointModel, input: unknown): boolean {
  try {
    return isReadableValidRecord(facts, point, input);
  } catch {
    return false; // an object that cannot be inspected (a Proxy whose traps throw) is no record
  }
}

function isReadableValidRecord(facts: readonly FactModel[], point: PointModel, input: unknown): boolean {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return false;
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const byId = new Map(facts.map((f) => [f.id, f]));
  const keys = Reflect.ownKeys(input);
  if (keys.length > 256) return false;
  for (const key of keys) {
    if (typeof key !== 'string' || !byId.has(key)) return false;
    const descriptor = Object.getOwnPropertyDescriptor(input, key)!;
    if (!('value' in descriptor)) return false;
    if (!inDomain(byId.get(key)!, descriptor.value)) return false;
  }
  const record = input as Record<string, unknown>;
  return point.requiredFacts.every((id) => record[id] !== undefined && record[id] !== null);
}

/** Values that are wrong for some or every fact. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1,
    0.5,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'none',
    'true',
    '1',
    '\u0000',
    '\u001b[2J',
    'x'.repeat(300),
    null,
    undefined,
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({ valueOf: () => 1 }),
  fc.constant(Object.create(null) as object),
  fc.constant(new Date(0)),
  fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constant(1),
      fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 3 }),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  })).node,
);

/** Keys a record should not have. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'x'.repeat(500), '\u0000', '\u202e'),
  fc.string({ maxLength: 12 }),
);

/** A record built from the vocabulary: each fact absent, valid or hostile, plus perhaps an extra key. */
function factRecord(facts: readonly FactModel[]): fc.Arbitrary<unknown> {
  const validValue = (fact: FactModel): fc.Arbitrary<unknown> => {
    if (fact.type === 'boolean') return fc.boolean();
    if (fact.type === 'integer') return fc.integer({ min: fact.min!, max: fact.max! });
    if (fact.type === 'date')
      return fc.oneof(
        fc
          .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2024-02-30', '2023-02-29', '2024-6-1'),
      );
    return fc.constantFrom(...fact.values!);
  };
  const entries = facts.map((fact) =>
    fc
      .oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 12, arbitrary: validValue(fact) },
        { weight: 1, arbitrary: hostileValue },
      )
      .map((value) => [fact.id, value] as const),
  );
  return fc
    .tuple(fc.tuple(...entries), fc.option(fc.tuple(hostileKey, hostileValue), { freq: 6 }), fc.nat({ max: 9 }))
    .map(([pairs, extra, shape]) => {
      const record: Record<string, unknown> = {};
      for (const [id, value] of pairs) if (value !== undefined || shape === 1) record[id] = value;
      if (extra) Object.defineProperty(record, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      // Most records are plain objects; the rest come in the containers a careless host passes on.
      switch (shape) {
        case 2:
          return Object.assign(Object.create(null) as object, record);
        case 3:
          return Object.freeze(record);
        case 4: {
          const first = Object.keys(record)[0];
          if (first !== undefined) Object.defineProperty(record, first, { get: () => 'red', enumerable: true });
          return record;
        }
        case 5:
          return new Proxy(record, {
            ownKeys: () => {
              throw new Error('trap');
            },
          });
        case 6:
          return new Proxy(record, {});
        case 7:
          return Object.assign(new (class Incident {})(), record);
        case 8:
          return { ...record, [Symbol('hidden')]: 1 };
        default:
          return record;
      }
    });
}

const nonRecord = fc.oneof(
  fc.anything(),
  fc.constant(undefined),
  fc.constant(() => ({})),
  fc.constant(new Map()),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

interface Target {
  name: string;
  policies: PolicySet;
}

const targets: Target[] = [];
beforeAll(async () => {
  targets.push({ name: 'minimal', policies: new PolicySet(checkPolicyTexts(new Map(Object.entries(minimalPolicyFiles))).model!) });
  targets.push({ name: 'bundled', policies: await loadPolicies() });
  targets.push({ name: 'minimal-jre', policies: new PolicySet(targets[0]!.policies.model, { evaluator: 'json-rules-engine' }) });
});

/** Each bundled example incident at every point whose required facts it gives: records a host would send. */
function exampleIncidents(policies: PolicySet): Array<[string, unknown]> {
  const dir = join(import.meta.dirname, '..', '..', 'examples', 'incidents');
  const examples: Array<[string, unknown]> = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const { facts } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { facts: Record<string, unknown> };
    for (const point of policies.model.points) if (point.requiredFacts.every((id) => id in facts)) examples.push([point.id, facts]);
  }
  return examples;
}

/** Runs decide() and reports what happened, failing on anything but a decision or a PolicyError. */
async function outcomeOf(policies: PolicySet, point: string, input: unknown): Promise<'decided' | 'refused'> {
  try {
    const decision = await withinBudgetAsync('decide()', () => policies.decide(point, input));
    expect(decision.point).toBe(point);
    for (const outcome of decision.outcomes) expect(['required', 'recommended', 'permitted', 'not-permitted']).toContain(outcome.status);
    return 'decided';
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    expect(error.diagnostics.length).toBeGreaterThan(0);
    // Nothing a host passed in reaches the message unescaped.
    for (const d of error.diagnostics) expect(d.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    return 'refused';
  }
}

describe('facts fuzzing: decide() is fail-closed', () => {
  const before = prototypeNames();

  for (const [index, name] of ['minimal', 'bundled', 'minimal on json-rules-engine'].entries()) {
    it(`${name} policies: decides exactly the valid records, refuses the rest with a PolicyError`, async () => {
      const { policies } = targets[index]!;
      const facts = policies.model.facts;
      const seen = { decided: 0, refused: 0 };
      // Random records are mostly refused (one hostile value among 40-odd facts is enough), so the
      // bundled set's example incidents are given as explicit examples too: both sides are reached
      // whatever the seed, and the random records still run on top of them.
      const examples: Array<[string, unknown]> = name === 'bundled' ? exampleIncidents(policies) : [];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...policies.points), factRecord(facts), async (pointId, input) => {
          const point = policies.model.points.find((p) => p.id === pointId)!;
          const expected = isValidRecord(facts, point, input) ? 'decided' : 'refused';
          const outcome = await outcomeOf(policies, pointId, input);
          expect(outcome).toBe(expected);
          seen[outcome]++;
          assertUnpolluted(before);
        }),
        { ...fuzzParameters<[string, unknown]>(name === 'minimal' ? 2_500 : name === 'bundled' ? 2_000 : 500), examples },
      );
      // The generator must reach both sides, or the property would hold vacuously.
      expect(seen.decided).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
    });
  }

  it('refuses anything that is not a fact record, at every point and at unknown points', async () => {
    const { policies } = targets[1]!;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...policies.points), fc.string({ unit: 'binary', maxLength: 30 }), fc.anything()),
        nonRecord,
        async (point, input) => {
          const valid =
            typeof point === 'string' &&
            policies.points.includes(point) &&
            isValidRecord(policies.model.facts, policies.model.points.find((p) => p.id === point)!, input);
          expect(await outcomeOf(policies, point as string, input)).toBe(valid ? 'decided' : 'refused');
          assertUnpolluted(before);
        },
      ),
      fuzzParameters(1_000),
    );
  });
});
