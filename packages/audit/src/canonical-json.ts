/**
 * Canonical JSON: one text for one JSON value, so a hash over it is a hash over the value.
 *
 * - `null`, `true`, `false` as themselves;
 * - a number as `JSON.stringify` prints it (the shortest text that reads back as the same
 *   double; `-0` prints as `0`); `NaN` and the infinities are refused;
 * - a string as `JSON.stringify` prints it (`"`, `\` and U+0000–U+001F escaped, everything else
 *   as itself); a string with an unpaired surrogate is refused;
 * - an array as `[` items `,` … `]`, in order;
 * - an object as `{` `"key":value` `,` … `}`, its own keys sorted by UTF-16 code units;
 * - no whitespace anywhere outside strings.
 *
 * For JSON data this is RFC 8785 (the JSON Canonicalization Scheme), whose number and string
 * forms are exactly ECMAScript's. Anything that is not JSON data (undefined, a function, a
 * symbol, a bigint, a Date, a Map, a class instance) is refused with its path, never silently
 * dropped or converted as `JSON.stringify` would.
 */

export class CanonicalJsonError extends TypeError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
  }
}

const anySurrogate = /[\ud800-\udfff]/;
const unpairedSurrogateIn = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** The full check only for text that holds a surrogate at all (most text holds none, and the first test is cheap). */
const hasUnpairedSurrogate = (text: string): boolean => anySurrogate.test(text) && unpairedSurrogateIn.test(text);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function write(value: unknown, path: string, parts: string[], depth: number): void {
  if (depth > 1000) throw new CanonicalJsonError('nesting deeper than 1000 levels', path);
  if (value === null || value === true || value === false) {
    parts.push(String(value));
    return;
  }
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`, path);
      parts.push(JSON.stringify(value));
      return;
    case 'string':
      if (hasUnpairedSurrogate(value)) throw new CanonicalJsonError('a string with an unpaired surrogate', path);
      parts.push(JSON.stringify(value));
      return;
    case 'object': {
      if (Array.isArray(value)) {
        parts.push('[');
        value.forEach((item, index) => {
          if (index > 0) parts.push(',');
          write(item, `${path}[${index}]`, parts, depth + 1);
        });
        parts.push(']');
        return;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError('an object that is not plain data', path);
      const keys = Object.keys(value).sort(byCodeUnits);
      parts.push('{');
      keys.forEach((key, index) => {
        if (hasUnpairedSurrogate(key)) throw new CanonicalJsonError('a key with an unpaired surrogate', path);
        if (index > 0) parts.push(',');
        parts.push(JSON.stringify(key), ':');
        write((value as Record<string, unknown>)[key], `${path}.${key}`, parts, depth + 1);
      });
      parts.push('}');
      return;
    }
    default:
      throw new CanonicalJsonError(`${typeof value} is not JSON data`, path);
  }
}

/** The canonical JSON text of a JSON value (see the module comment); throws `CanonicalJsonError` for anything else. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, '$', parts, 0);
  return parts.join('');
}
