import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from './freeze.js';

/** Every object reachable from a value, through own names and symbols, enumerable or not. */
function reachable(value: unknown, found: object[] = []): object[] {
  if (value === null || typeof value !== 'object' || found.includes(value)) return found;
  found.push(value);
  for (const key of Reflect.ownKeys(value)) reachable((value as Record<PropertyKey, unknown>)[key], found);
  return found;
}

describe('deepFreeze', () => {
  it('freezes every object reachable from plain data, arrays and nested records alike', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (data) => {
        const value = JSON.parse(JSON.stringify(data)) as unknown;
        deepFreeze(value);
        expect(reachable(value).every((object) => Object.isFrozen(object))).toBe(true);
      }),
    );
  });

  it('also freezes what hangs under a symbol or a property that is not enumerable', () => {
    const hidden = { inner: [1, { deeper: true }] };
    const bySymbol = { list: [{ a: 1 }] };
    const value: Record<PropertyKey, unknown> = { open: { x: 1 } };
    Object.defineProperty(value, 'hidden', { value: hidden, enumerable: false });
    value[Symbol('extra')] = bySymbol;
    deepFreeze(value);
    for (const object of [value, hidden, hidden.inner, hidden.inner[1]!, bySymbol, bySymbol.list, bySymbol.list[0]!])
      expect(Object.isFrozen(object)).toBe(true);
  });
});
