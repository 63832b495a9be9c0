/** Canonical JSON: one text per value, RFC 8785's forms, nothing that is not JSON data. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical-json.js';

/** The same object with its keys in another order, all the way down. */
function reordered(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reordered(item, order));
  if (value === null || typeof value !== 'object') return value;
  // Without a prototype, so a `__proto__` key stays an ordinary key.
  const result = Object.create(null) as Record<string, unknown>;
  for (const key of order(Object.keys(value))) result[key] = reordered((value as Record<string, unknown>)[key], order);
  return result;
}

/** Characters outside strings: the text with every string literal removed. */
const outsideStrings = (text: string): string => text.replace(/"(?:[^"\\]|\\.)*"/g, '');

const jsonData = fc.jsonValue({ maxDepth: 4 });

describe('canonicalJson', () => {
  it('prints the RFC 8785 forms: sorted keys, no whitespace, ECMAScript numbers and strings', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":0,"z":0}}');
    // Numbers as JSON.stringify prints them (RFC 8785 appendix B).
    expect(canonicalJson([1e21, 1e-7, 0.1, Number('333333333.33333329'), 1e23, -5e-324, 100, 4.5e15])).toBe(
      '[1e+21,1e-7,0.1,333333333.3333333,1e+23,-5e-324,100,4500000000000000]',
    );
    // Strings: only `"`, `\` and C0 controls escaped; other characters as themselves.
    expect(canonicalJson('\u20ac$\u000f\nA\'\u0042\u0022\u005c\\"/\u2028😀')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/\u2028😀"');
    // Keys sorted by UTF-16 code units (RFC 8785 §3.2.3's example): an emoji's surrogates sort before U+FB33.
    const sorted = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const text = canonicalJson(Object.fromEntries([...sorted].reverse().map((key) => [key, 0])));
    expect(text).toBe(`{${sorted.map((key) => `${JSON.stringify(key)}:0`).join(',')}}`);
  });

  it('property: reads back as the same value (with -0 as 0), and is its own canonical form', () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('property: does not depend on the order keys were added in', () => {
    fc.assert(
      fc.property(jsonData, fc.integer(), (value, seed) => {
        const shuffle = (keys: string[]) =>
          keys
            .map((key, index) => [key, (index * 7919 + seed) % 104729] as const)
            .sort((x, y) => x[1] - y[1])
            .map(([key]) => key);
        expect(canonicalJson(reordered(value, shuffle))).toBe(canonicalJson(value));
        expect(canonicalJson(reordered(value, (keys) => [...keys].reverse()))).toBe(canonicalJson(value));
      }),
    );
  });

  it('property: has no whitespace outside strings', () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        expect(outsideStrings(canonicalJson(value))).not.toMatch(/\s/);
      }),
    );
  });

  it('refuses what is not JSON data, naming where it is', () => {
    const refused: Array<[unknown, string]> = [
      [{ a: [1, Number.NaN] }, 'NaN is not a JSON number at $.a[1]'],
      [{ a: Number.POSITIVE_INFINITY }, 'Infinity is not a JSON number at $.a'],
      [{ a: undefined }, 'undefined is not JSON data at $.a'],
      [{ f: () => 1 }, 'function is not JSON data at $.f'],
      [{ n: 1n }, 'bigint is not JSON data at $.n'],
      [{ d: new Date(0) }, 'an object that is not plain data at $.d'],
      [{ m: new Map() }, 'an object that is not plain data at $.m'],
      [{ s: 'a\ud800b' }, 'a string with an unpaired surrogate at $.s'],
      [{ '\udc00': 1 }, 'a key with an unpaired surrogate at $'],
    ];
    for (const [value, message] of refused) {
      expect(() => canonicalJson(value), message).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(value)).toThrow(message);
    }
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 2, a: 1 }))).toBe('{"a":1,"b":2}');
    expect(canonicalJson('😀')).toBe('"😀"');
  });
});
