import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner, ListInterner } from './intern.js';

const parts = [{ a: 1 }, { a: 1 }, { b: 2 }, 'x'] as const;

describe('Interner', () => {
  it('property: the same parts in the same order give the same value, made once per sequence while the sequences fit in its limit', () => {
    const sequences = fc.array(fc.array(fc.integer({ min: 0, max: parts.length - 1 }), { maxLength: 4 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(sequences, fc.integer({ min: 0, max: 12 }), (picked, limit) => {
        const interner = new Interner<{ made: readonly unknown[] }>(limit);
        const made: Array<{ made: readonly unknown[] }> = [];
        let makes = 0;
        const make = (items: readonly unknown[]) => {
          makes++;
          return Object.freeze({ made: [...items] });
        };
        for (const indices of picked) {
          const items = indices.map((index) => parts[index]);
          const value = interner.get(items, make, undefined);
          // Always made of exactly these parts.
          expect(value.made).toEqual(items);
          expect(value.made.every((item, i) => item === items[i])).toBe(true);
          made.push(value);
        }
        // Equal sequences share a value whenever the first of them was kept.
        const keptNodes = new Set<string>();
        for (const indices of picked) for (let i = 1; i <= indices.length; i++) keptNodes.add(indices.slice(0, i).join(','));
        if (keptNodes.size <= limit) {
          picked.forEach((indices, i) => {
            const first = picked.findIndex((other) => other.join(',') === indices.join(','));
            expect(made[i]).toBe(made[first]);
          });
          expect(makes).toBe(new Set(picked.map((indices) => indices.join(','))).size);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('freezes the lists it shares, and gives one list per sequence of items', () => {
    const lists = new ListInterner<object>();
    const [first, second] = [parts[0], parts[2]];
    const one = lists.list([first, second]);
    expect(Object.isFrozen(one)).toBe(true);
    expect(lists.list([first, second])).toBe(one);
    expect(lists.list([second, first])).not.toBe(one);
    // Equal but not the same items are other items.
    expect(lists.list([parts[1], second])).not.toBe(one);
    expect(lists.list([])).toBe(lists.list([]));
  });
});
