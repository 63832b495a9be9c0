import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactModel, PointModel } from '../model.js';
import { createFactsAcceptor } from './fact-acceptor.js';
import { createFactsValidator, factLimits } from './facts.js';
import { createReferenceFactsValidator } from './facts-zod.js';

const at = { file: 'vocabulary.yaml', line: 1, column: 1 };
const title = { nb: 'x', en: 'x' };

/** A vocabulary with every kind of fact: each type, with no default, a value default and `none`. */
const facts: FactModel[] = [
  { id: 'colour', type: 'enum', values: ['red', 'green', 'blue'], hasDefault: false, title, at },
  { id: 'shade', type: 'enum', values: ['light', 'dark'], hasDefault: true, default: 'light', title, at },
  { id: 'measure', type: 'enum', values: ['talk', 'warn'], hasDefault: true, default: null, title, at },
  { id: 'grave', type: 'boolean', hasDefault: false, title, at },
  { id: 'flag', type: 'boolean', hasDefault: true, default: false, title, at },
  { id: 'known', type: 'boolean', hasDefault: true, default: null, title, at },
  { id: 'count', type: 'integer', min: 0, max: 50, hasDefault: false, title, at },
  { id: 'weeks', type: 'integer', min: 1, max: 104, hasDefault: true, default: null, title, at },
  { id: 'level', type: 'integer', min: -3, max: 3, hasDefault: true, default: 0, title, at },
];

const point = (id: string, requiredFacts: string[]): PointModel => ({
  id,
  title,
  question: title,
  policies: [],
  outcomes: [],
  reads: requiredFacts,
  requiredFacts,
});
const points = [point('all-required', ['colour', 'grave', 'count']), point('some-required', ['count']), point('none-required', [])];

const accept = createFactsAcceptor(facts, factLimits);
const reference = createReferenceFactsValidator(facts);
const combined = createFactsValidator(facts);

/** Values near every edge of every domain, and values of every wrong kind. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('red', 'green', 'blue', 'light', 'dark', 'talk', 'warn', 'Red', '', 'red ', 'x'.repeat(factLimits.maxStringLength + 1)),
  fc.constantFrom(
    true,
    false,
    null,
    undefined,
    0,
    -0,
    1,
    3,
    -3,
    -4,
    4,
    50,
    51,
    104,
    105,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
  ),
  fc.integer({ min: -10, max: 120 }),
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.array(fc.nat(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

const keys = [...facts.map((f) => f.id), 'unknown', '__proto__', 'constructor', 'toString', 'Colour'];

/** A value in the fact's domain, or absence where it has a default (undefined: key left out or given as undefined). */
function validValue(fact: FactModel): fc.Arbitrary<unknown> {
  const inDomain: fc.Arbitrary<unknown> =
    fact.type === 'boolean'
      ? fc.boolean()
      : fact.type === 'integer'
        ? fc.integer({ min: fact.min!, max: fact.max! })
        : fc.constantFrom(...fact.values!);
  const absent = fact.hasDefault ? [fc.constant(undefined), ...(fact.default === null ? [fc.constant(null)] : [])] : [];
  return fc.oneof(inDomain, ...absent);
}

/** A valid record, sometimes with one key changed to any value: the edge between accept and refuse. */
const nearlyValid: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.record(Object.fromEntries(facts.map((f) => [f.id, validValue(f)])), { requiredKeys: [] }),
    fc.option(fc.tuple(fc.constantFrom(...keys), anyValue), { freq: 2 }),
  )
  .map(([record, change]) => (change ? { ...record, [change[0]]: change[1] } : record));

/** Fact records as a host might send them, valid or not, in plain and unusual object shapes. */
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: nearlyValid },
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 9 }) },
  {
    weight: 6,
    arbitrary: fc.record(Object.fromEntries(facts.map((f) => [f.id, anyValue])), { requiredKeys: [] }),
  },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 9 })
      .map((record) => Object.assign(Object.create(null) as object, record)),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'colour=red', 42, [], [{ colour: 'red' }], new Date(0), new Map()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      Object.defineProperty({ colour: 'red', grave: true }, 'count', { get: () => 1, enumerable: true }),
      Object.defineProperty({ colour: 'red', grave: true }, 'count', { value: 1, enumerable: false }),
      { colour: 'red', grave: true, count: 1, [Symbol('x')]: 1 },
      Object.fromEntries(Array.from({ length: factLimits.maxKeys + 1 }, (_, i) => [`k${i}`, 1])),
      JSON.parse('{"colour":"red","grave":true,"count":1,"__proto__":{"polluted":true}}') as unknown,
    ),
  },
);

describe('createFactsAcceptor', () => {
  it('property: accepts exactly what the zod reference accepts, completing the record the same way', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...points), anyInput, (where, input) => {
        const fast = accept(where, input);
        if (fast) accepted++;
        const slow = reference.validate(where, input);
        expect(fast !== undefined, JSON.stringify(slow.diagnostics.map((d) => d.message))).toBe(slow.facts !== undefined);
        if (fast) expect({ ...fast }).toEqual({ ...slow.facts });
      }),
      { numRuns: 20_000 },
    );
    // Both sides of the equivalence are exercised, not only refusals.
    console.info(`fact acceptor: ${accepted} of 20000 inputs valid`);
    expect(accepted).toBeGreaterThan(1000);
  });

  it('property: the validator decide uses gives the reference result, diagnostics included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...points), anyInput, (where, input) => {
        const result = combined.validate(where, input);
        const expected = reference.validate(where, input);
        expect(result.diagnostics).toEqual(expected.diagnostics);
        expect(result.facts === undefined ? undefined : { ...result.facts }).toEqual(
          expected.facts === undefined ? undefined : { ...expected.facts },
        );
      }),
      { numRuns: 5_000 },
    );
  });

  it('accepts a plain valid record and a null-prototype one, refuses an absent required fact', () => {
    const valid = { colour: 'red', grave: false, count: 0 };
    expect(accept(points[0]!, valid)).toMatchObject({
      ...valid,
      shade: 'light',
      measure: null,
      flag: false,
      known: null,
      weeks: null,
      level: 0,
    });
    expect(accept(points[0]!, Object.assign(Object.create(null) as object, valid))).toBeDefined();
    expect(accept(points[0]!, { colour: 'red', grave: false })).toBeUndefined();
    expect(accept(points[2]!, {})).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
