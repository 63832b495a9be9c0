/**
 * The strict JSON reader against `JSON.parse`: the same value for every text both accept, and a
 * refusal with the right code and place for each hostile class (duplicate keys, inexact numbers,
 * unpaired surrogates, deep nesting, prototype keys), never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson, formatStrictJsonError, type StrictJsonError } from './strict-json.js';

const forbidden = ['__proto__', 'constructor', 'prototype'];

/** Deep equality that tells -0 from 0 and ignores prototypes (the reader builds objects without one). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) return false;
  return keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Well-formed UTF-16 (`String.prototype.isWellFormed` is ES2024): `encodeURIComponent` throws on an unpaired surrogate. */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Why the reader must refuse a value `JSON.parse` read, found by walking that value (not by reading the text). */
function oracleRefusal(value: unknown, depth = 0, maxDepth = 64): string | undefined {
  if (typeof value === 'string') return wellFormed(value) ? undefined : 'lone-surrogate';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER ? 'inexact-number' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth + 1 > maxDepth) return 'too-deep';
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(value)) {
      if (!wellFormed(key)) return 'lone-surrogate';
      if (forbidden.includes(key)) return 'forbidden-key';
    }
    const inner = oracleRefusal(item, depth + 1, maxDepth);
    if (inner) return inner;
  }
  return undefined;
}

/** The text at an error's line and column. */
function textAt(text: string, error: StrictJsonError): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines[error.line - 1]!.slice(error.column - 1);
}

const refusal = (text: string): StrictJsonError => {
  const result = parseStrictJson(text);
  if (result.ok) throw new Error(`accepted ${text}`);
  return result.error;
};

const layout = fc.constantFrom<[string | number | undefined]>([undefined], [2], ['\t'], ['\r\n ']);
const pollutionFree = () => expect(Object.keys(Object.prototype)).toEqual([]);

describe('parseStrictJson', () => {
  it('property: reads every JSON text as JSON.parse does, or refuses for a reason the value itself shows', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 6 }), layout, (value, [space]) => {
        let text = JSON.stringify(value, null, space);
        if (space === '\r\n ') text = text.replace(/\n/g, '\r\n');
        const expected = JSON.parse(text) as unknown;
        const result = parseStrictJson(text);
        const reason = oracleRefusal(expected);
        if (reason === undefined) {
          expect(result.ok, text).toBe(true);
          if (result.ok) expect(same(result.value, expected), text).toBe(true);
        } else {
          expect(result.ok ? 'accepted' : result.error.code, text).toBe(reason);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: never accepts what JSON.parse rejects, and never throws, for any text', () => {
    const mutated = fc
      .tuple(
        fc.json({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom('', '"', ',', '}', ']', '{', '[', ':', '-', '.', 'e', '\\', '\u0001', '\ud800'),
      )
      .map(([text, at, piece]) => {
        const cut = at % (text.length + 1);
        return `${text.slice(0, cut)}${piece}${text.slice(cut + (at % 2))}`;
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), mutated), (text) => {
        let parsed: { value: unknown } | undefined;
        try {
          parsed = { value: JSON.parse(text) };
        } catch {
          parsed = undefined;
        }
        const result = parseStrictJson(text);
        if (parsed === undefined) expect(result.ok, text).toBe(false);
        if (result.ok) expect(same(result.value, parsed?.value), text).toBe(true);
        else expect(result.error.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
    pollutionFree();
  });

  it('property: a key given twice is refused at its second occurrence, at any depth, naming the path', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !forbidden.includes(key)),
        fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (key, others, depth) => {
          const keys = [...new Set(others.filter((k) => k !== key && !forbidden.includes(k)))];
          const members = [...keys.map((k) => `${JSON.stringify(k)}: 1`), `${JSON.stringify(key)}: 1`, `\n  ${JSON.stringify(key)}: 2`];
          let text = `{${members.join(', ')}}`;
          for (let level = 0; level < depth; level++) text = `{"level": ${text}}`;
          const error = refusal(text);
          expect(error.code).toBe('duplicate-key');
          expect(textAt(text, error).startsWith(`${JSON.stringify(key)}: 2`)).toBe(true);
          expect(error.path.startsWith(`$${'.level'.repeat(depth)}`)).toBe(true);
          expect(error.message).toContain('duplicate key');
        },
      ),
    );
  });

  it('refuses numbers that change when read, and integers beyond 2^53 − 1, and keeps every exact one', () => {
    for (const text of [
      '0.99999999999999999999',
      '9007199254740993',
      '9007199254740992',
      '-9007199254740992',
      '1e400',
      '-1e400',
      '1e-400',
      '1e300',
      '1.7976931348623157e308',
      '123456789012345678901234567890',
      '0.1000000000000000000000000001',
    ]) {
      const error = refusal(`{"priorIncidents": ${text}}`);
      expect(error.code, text).toBe('inexact-number');
      expect(error.path).toBe('$.priorIncidents');
      expect(error.column, text).toBe(20);
    }
    expect(refusal('0.99999999999999999999').message).toBe('number `0.99999999999999999999` cannot be read exactly: it would become 1');
    for (const text of [
      '0',
      '-0',
      '1',
      '0.1',
      '1.0',
      '1E2',
      '1e-7',
      '2.5e-3',
      '9007199254740991',
      '-9007199254740991',
      '123.456',
      '5e-324',
    ])
      expect(parseStrictJson(text), text).toEqual({ ok: true, value: JSON.parse(text) });
    expect(Object.is((parseStrictJson('-0') as { value: number }).value, -0)).toBe(true);
  });

  it('property: a number with at most 15 significant digits is read, one with more than 17 (last non-zero) is refused', () => {
    const digits = (min: number, max: number) =>
      fc
        .tuple(
          fc.integer({ min: 1, max: 9 }),
          fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min - 2, maxLength: max - 2 }),
          fc.integer({ min: 1, max: 9 }),
        )
        .map(([first, middle, last]) => `${first}${middle.join('')}${last}`);
    const place = (significant: string, point: number, exponent: number) => {
      const at = Math.min(Math.max(1, point), significant.length);
      const mantissa = at === significant.length ? significant : `${significant.slice(0, at)}.${significant.slice(at)}`;
      return exponent === 0 ? mantissa : `${mantissa}e${exponent}`;
    };
    fc.assert(
      fc.property(
        digits(2, 15),
        fc.nat({ max: 15 }),
        fc.integer({ min: -30, max: 30 }),
        fc.boolean(),
        (significant, point, exponent, negative) => {
          const text = `${negative ? '-' : ''}${place(significant, point, exponent)}`;
          const value = Number(text);
          const result = parseStrictJson(text);
          if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) expect(result.ok, text).toBe(false);
          else expect(result, text).toEqual({ ok: true, value });
        },
      ),
    );
    fc.assert(
      fc.property(digits(18, 40), fc.nat({ max: 40 }), fc.integer({ min: -30, max: 30 }), (significant, point, exponent) => {
        const text = place(significant, point, exponent);
        expect(parseStrictJson(`[${text}]`).ok, text).toBe(false);
      }),
    );
  });

  it('property: an unpaired surrogate, escaped or raw, in a key or a value, is refused; a pair is read', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff });
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), surrogate, fc.boolean(), fc.boolean(), (around, unit, escaped, inKey) => {
        const lone = escaped ? `\\u${unit.toString(16)}` : String.fromCharCode(unit);
        const piece = `"${JSON.stringify(around).slice(1, -1)}${lone}x"`;
        const text = inKey ? `{${piece}: 1}` : `{"reason": ${piece}}`;
        const error = refusal(text);
        expect(error.code, text).toBe('lone-surrogate');
        expect(error.message).toContain(`\\u${unit.toString(16)}`);
      }),
    );
    expect(parseStrictJson('"\\ud83d\\ude00 ok"')).toEqual({ ok: true, value: '😀 ok' });
    expect(refusal('"\\ude00\\ud83d"').code).toBe('lone-surrogate');
  });

  it('property: nesting is read up to the bound and refused past it, without overflowing the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (depth, maxDepth, objects) => {
        const open = objects ? '{"a":' : '[';
        const close = objects ? '}' : ']';
        const text = `${open.repeat(depth)}0${close.repeat(depth)}`;
        const result = parseStrictJson(text, { maxDepth });
        if (depth <= maxDepth) expect(result.ok).toBe(true);
        else expect(result.ok ? 'accepted' : result.error.code).toBe('too-deep');
      }),
    );
    expect(refusal(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).message).toBe('nesting deeper than 64 levels');
  });

  it('refuses prototype keys anywhere, and builds objects that cannot reach Object.prototype', () => {
    for (const key of forbidden) {
      const error = refusal(`{"facts": {"ok": 1, "${key}": {"polluted": true}}}`);
      expect(error).toMatchObject({ code: 'forbidden-key', path: `$.facts.${key}`, line: 1, column: 21 });
    }
    const result = parseStrictJson('{"a": {"b": [1, {"c": null}]}}');
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(null);
    pollutionFree();
  });

  it('names the line, column and path of a syntax error, with text from the input made visible', () => {
    const text = '{\n  "facts": {\n    "grave": tru\n  }\n}';
    expect(refusal(text)).toMatchObject({ code: 'syntax', line: 3, column: 14, path: '$.facts.grave' });
    expect(formatStrictJsonError(refusal(text), 'incident.json')).toBe(
      'incident.json:3:14: expected a value, found character `t` (at $.facts.grave)',
    );
    expect(refusal('{"a": 1} x').message).toBe('unexpected character `x` after the value');
    expect(refusal('{"a": "\u0007"}').message).toBe('control character U+0007 in a string must be escaped');
    expect(refusal('{"\u202e": 1, "\u202e": 2}').message).toBe('duplicate key `\\u202e`');
    expect(refusal('[1, 2').message).toBe('expected `,` or `]` in a list, found end of input');
    expect(refusal('01').message).toBe('malformed number `01`');
    expect(refusal('"abc').code).toBe('syntax');
    expect(parseStrictJson('[1]', { maxLength: 2 })).toMatchObject({ ok: false, error: { code: 'too-long' } });
  });
});
