/**
 * Each fact type's operations agree with one another, for every type of the registry: the
 * values analysis enumerates are exactly the domain, and every one of them is accepted from a
 * host (compiled check and zod alike), as a condition literal and as a setting value; `none`
 * adds exactly null. A new type needs only its domain generator here (the record below does not
 * compile without it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays } from '../time/calendar.js';
import {
  analysisValues,
  conditionLiteral,
  factType,
  factTypeNames,
  factZod,
  hostValueCheck,
  nearestValues,
  valueCount,
  type FactTypeName,
  type ValueDomain,
} from './index.js';

const domainsOf: { [K in FactTypeName]: fc.Arbitrary<Extract<ValueDomain, { type: K }>> } = {
  enum: fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/), { minLength: 1, maxLength: 6 })
    .map((values) => ({ type: 'enum' as const, values })),
  boolean: fc.constant({ type: 'boolean' as const }),
  integer: fc
    .tuple(fc.integer({ min: -40, max: 40 }), fc.nat(40))
    .map(([min, span]) => ({ type: 'integer' as const, min, max: min + span })),
  date: fc
    .tuple(fc.integer({ min: -40, max: 40 }), fc.nat(40))
    .map(([start, span]) => ({ type: 'date' as const, min: addDays('2024-02-20', start), max: addDays('2024-02-20', start + span) })),
};

const anyDomain: fc.Arbitrary<ValueDomain> = fc.oneof(...factTypeNames.map((name) => domainsOf[name] as fc.Arbitrary<ValueDomain>));
/** A cut at every whole number and every date any generated domain holds: each value its own interval. */
const everywhere = new Set<number | string>([
  ...Array.from({ length: 122 }, (_, i) => i - 40),
  ...Array.from({ length: 122 }, (_, i) => addDays('2024-02-20', i - 40)),
]);
const maxStringLength = 256;

describe('fact types', () => {
  it('has a generator for every registered type', () => {
    expect(Object.keys(domainsOf).sort()).toEqual([...factTypeNames].sort());
  });

  it('property: analysis enumerates exactly the domain, and each value is accepted everywhere', () => {
    fc.assert(
      fc.property(anyDomain, (domain) => {
        const type = factType(domain);
        const { values } = type.analysisValues(domain, everywhere, false);
        expect(values.length).toBe(type.size(domain));
        expect(new Set(values.map(String)).size).toBe(values.length);
        const fact = { ...domain, id: 'x', hasDefault: false };
        const accepts = hostValueCheck(fact, maxStringLength);
        const schema = factZod(fact, z);
        for (const value of values) {
          expect(accepts(value), String(value)).toBe(true);
          expect(schema.safeParse(value).success, String(value)).toBe(true);
          expect(conditionLiteral(fact, value)).toBe(value);
          expect(type.settingFits(domain, value)).toBe(true);
          expect(type.settingLiteralFits(domain, value)).toBe(true);
        }
        // Without `none`, absence is fine (a default or a missing fact is judged elsewhere) and null is not a value.
        expect(accepts(undefined)).toBe(true);
        expect(accepts(null)).toBe(false);
        expect(schema.safeParse(null).success).toBe(false);
      }),
    );
  });

  it('property: a host value is accepted by the compiled check exactly when zod accepts it', () => {
    fc.assert(
      fc.property(anyDomain, fc.boolean(), fc.anything(), (domain, none, value) => {
        const fact = { ...domain, id: 'x', hasDefault: none, ...(none ? { default: null } : {}) };
        expect(hostValueCheck(fact, maxStringLength)(value)).toBe(factZod(fact, z).safeParse(value).success);
      }),
    );
  });

  it('property: `none` adds exactly null, as a host value, a literal and an enumerated value', () => {
    fc.assert(
      fc.property(anyDomain, (domain) => {
        const fact = { ...domain, id: 'x', hasDefault: true, default: null };
        expect(hostValueCheck(fact, maxStringLength)(null)).toBe(true);
        expect(factZod(fact, z).safeParse(null).success).toBe(true);
        expect(conditionLiteral(fact, 'none')).toBeNull();
        const { values } = analysisValues(fact, everywhere);
        expect(values.filter((v) => v === null)).toHaveLength(1);
        expect(valueCount(fact)).toBe(factType(domain).size(domain) + 1);
      }),
    );
  });

  it('property: an explanation tries every other value once when each value is its own class, none included; never another date', () => {
    fc.assert(
      fc.property(anyDomain, fc.boolean(), (domain, none) => {
        const fact = { ...domain, id: 'x', hasDefault: none, ...(none ? { default: null } : {}) };
        const { values } = analysisValues(fact, everywhere);
        const accepts = hostValueCheck(fact, maxStringLength);
        if (domain.type === 'date') {
          // The date of an incident is not an alternative a user can take.
          for (const current of values) expect(nearestValues(fact, everywhere, current)).toEqual([]);
          return;
        }
        for (const current of values) {
          const near = nearestValues(fact, everywhere, current).map((n) => n.value);
          expect(new Set(near)).toEqual(new Set(values.filter((v) => v !== current)));
          expect(near).toHaveLength(values.length - 1);
          for (const value of near) expect(accepts(value), String(value)).toBe(true);
        }
      }),
    );
  });

  it('property: an integer offers one value per other interval, nearest first, each the end of its interval nearest the current number', () => {
    fc.assert(
      fc.property(
        domainsOf.integer,
        fc.uniqueArray(fc.integer({ min: -45, max: 85 }), { maxLength: 6 }),
        fc.nat(80),
        (domain, cutList, offset) => {
          const fact = { ...domain, id: 'x', hasDefault: false };
          const cuts = new Set(cutList);
          const current = domain.min + (offset % (domain.max - domain.min + 1));
          const classes = analysisValues(fact, cuts).values.length;
          const near = nearestValues(fact, cuts, current);
          expect(near).toHaveLength(classes - 1);
          const distances = near.map((n) => Math.abs((n.value as number) - current));
          expect(distances).toEqual([...distances].sort((a, b) => a - b));
          for (const { value, interval } of near) {
            const [start, end] = interval!;
            expect(current >= start && current <= end).toBe(false);
            expect(value).toBe(end < current ? end : start);
            // No cut inside the interval: every number in it is alike to the conditions.
            for (const cut of cuts) expect(cut > start && cut <= end).toBe(false);
          }
        },
      ),
    );
  });

  it('says what nearest means for each type: distance, declared order, the other truth value', () => {
    const count = { type: 'integer' as const, min: 0, max: 1000, id: 'count', hasDefault: false };
    expect(nearestValues(count, new Set([1, 2]), 0)).toEqual([
      { value: 1, interval: [1, 1] },
      { value: 2, interval: [2, 1000] },
    ]);
    expect(nearestValues(count, new Set([1, 2]), 7).map((n) => n.value)).toEqual([1, 0]);
    const weeks = { type: 'integer' as const, min: 1, max: 104, id: 'weeks', hasDefault: true, default: null };
    expect(nearestValues(weeks, new Set([13]), null).map((n) => n.value)).toEqual([1, 13]);
    expect(nearestValues(weeks, new Set([13]), 20).map((n) => n.value)).toEqual([12, null]);
    const level = { type: 'enum' as const, values: ['a', 'b', 'c', 'd'], id: 'level', hasDefault: false };
    expect(nearestValues(level, new Set(), 'c').map((n) => n.value)).toEqual(['b', 'd', 'a']);
    const optional = { ...level, hasDefault: true, default: null };
    expect(nearestValues(optional, new Set(), null).map((n) => n.value)).toEqual(['a', 'b', 'c', 'd']);
    expect(nearestValues(optional, new Set(), 'b').map((n) => n.value)).toEqual(['a', 'c', null, 'd']);
    const flag = { type: 'boolean' as const, id: 'flag', hasDefault: false };
    expect(nearestValues(flag, new Set(), true)).toEqual([{ value: false }]);
    expect(nearestValues({ ...flag, hasDefault: true, default: null }, new Set(), null).map((n) => n.value)).toEqual([false, true]);
    expect(nearestValues({ ...flag, hasDefault: true, default: null }, new Set(), false).map((n) => n.value)).toEqual([true, null]);
  });
});
