/**
 * The strict JSON reader: JSON from outside (a host's request, an incident file, a stored
 * record) read so that what is checked afterwards is exactly what was sent. `JSON.parse`
 * silently keeps the last of two equal keys, rounds `0.99999999999999999999` to 1 and
 * `9007199254740993` to `9007199254740992`, accepts unpaired surrogates and nests without
 * bound; a value checked after that is not the value the sender wrote. This reader refuses
 * each of those, naming the place (line, column and JSON path), before any value is looked at:
 *
 * - a key that appears twice in one object;
 * - a number whose decimal text does not survive conversion to a double (the value read would
 *   differ from the value written), and an integer beyond ±(2^53 − 1);
 * - an unpaired UTF-16 surrogate, escaped (`"\ud800"`) or raw;
 * - nesting deeper than `maxDepth` (default 64);
 * - the keys `__proto__`, `constructor` and `prototype`.
 *
 * Objects are built without a prototype, so no key can reach `Object.prototype`. For any text
 * it accepts, the value equals `JSON.parse`'s (a property test holds it to that). It has no
 * dependencies, so the runtime entry, the CLI, the service and the audit tools share it.
 */

/** A JSON value as the strict reader returns it (objects without a prototype). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Why the strict reader refused a text. */
export type StrictJsonErrorCode =
  | 'syntax'
  | 'duplicate-key'
  | 'forbidden-key'
  | 'inexact-number'
  | 'lone-surrogate'
  | 'too-deep'
  | 'too-long';

/** Where and why a text was refused. `line` and `column` count from 1; columns in UTF-16 units. */
export interface StrictJsonError {
  code: StrictJsonErrorCode;
  message: string;
  line: number;
  column: number;
  /** The JSON path of the value being read, e.g. `$.facts.priorIncidents` or `$[2]`. */
  path: string;
  /** Offset in the text (UTF-16 units from 0). */
  offset: number;
}

/** The value read, or the first refusal with its place. */
export type StrictJsonResult = { ok: true; value: JsonValue } | { ok: false; error: StrictJsonError };

/** Bounds of the strict reader. */
export interface StrictJsonOptions {
  /** Deepest nesting of arrays and objects accepted (default 64, at most 1000). */
  maxDepth?: number;
  /** Longest text accepted, in UTF-16 units (default: no limit; callers bound their reads). */
  maxLength?: number;
}

/** The strict reader's default bounds. */
export const strictJsonDefaults = { maxDepth: 64 } as const;

/** Keys that would name or reach a prototype if the object were ever merged or spread. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown inside the parser only; `parseStrictJson` turns it into a result. */
class Refusal {
  constructor(
    readonly code: StrictJsonErrorCode,
    readonly message: string,
    readonly offset: number,
    readonly path: string,
  ) {}
}

/** Text from the input made safe to show: control, direction and separator characters escaped, long text cut. */
function shown(text: string, limit = 40): string {
  const cut = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return cut.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const pathKey = (path: string, key: string): string => (identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(shown(key))}]`);

/**
 * The exact decimal value a number's text denotes, as `sign digits e exponent` with no leading or
 * trailing zeros in the digits: `-0.0120e3` and `-12` are both `-12e0`; zero of either sign is
 * `zero`. Two texts denote the same value exactly when their forms are equal.
 */
function decimalForm(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return `?${text}`;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  let digits = `${whole}${fraction}`.replace(/^0+/, '');
  if (digits === '') return 'zero';
  let exponent = Number(exponentText) - fraction.length;
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return `${sign}${digits}e${exponent}`;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parse(): JsonValue {
    this.skipSpace();
    const value = this.value('$');
    this.skipSpace();
    if (this.index < this.text.length) this.fail('syntax', `unexpected ${this.describeHere()} after the value`, '$');
    return value;
  }

  private fail(code: StrictJsonErrorCode, message: string, path: string, offset = this.index): never {
    throw new Refusal(code, message, offset, path);
  }

  private describeHere(): string {
    if (this.index >= this.text.length) return 'end of input';
    const code = this.text.codePointAt(this.index)!;
    return `character \`${shown(String.fromCodePoint(code))}\``;
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.index < text.length) {
      const c = text.charCodeAt(this.index);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.index++;
      else break;
    }
  }

  private value(path: string): JsonValue {
    const c = this.text[this.index];
    switch (c) {
      case '{':
        return this.object(path);
      case '[':
        return this.array(path);
      case '"':
        return this.string(path);
      case 't':
        return this.literal('true', true, path);
      case 'f':
        return this.literal('false', false, path);
      case 'n':
        return this.literal('null', null, path);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(path);
        return this.fail('syntax', `expected a value, found ${this.describeHere()}`, path);
    }
  }

  private literal<T extends JsonValue>(word: string, value: T, path: string): T {
    if (this.text.startsWith(word, this.index)) {
      this.index += word.length;
      return value;
    }
    return this.fail('syntax', `expected a value, found ${this.describeHere()}`, path);
  }

  private enter(path: string): void {
    this.depth++;
    if (this.depth > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth} levels`, path);
  }

  private object(path: string): JsonValue {
    this.enter(path);
    this.index++; // {
    const result = Object.create(null) as Record<string, JsonValue>;
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] !== '"') this.fail('syntax', `expected a key in double quotes, found ${this.describeHere()}`, path);
      const keyAt = this.index;
      const key = this.string(path);
      if (forbiddenKeys.has(key))
        this.fail('forbidden-key', `key \`${key}\` is not allowed (it could reach an object's prototype)`, pathKey(path, key), keyAt);
      if (seen.has(key)) this.fail('duplicate-key', `duplicate key \`${shown(key)}\``, pathKey(path, key), keyAt);
      seen.add(key);
      this.skipSpace();
      if (this.text[this.index] !== ':')
        this.fail('syntax', `expected \`:\` after a key, found ${this.describeHere()}`, pathKey(path, key));
      this.index++;
      this.skipSpace();
      result[key] = this.value(pathKey(path, key));
      this.skipSpace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === '}') {
        this.index++;
        this.depth--;
        return result;
      }
      this.fail('syntax', `expected \`,\` or \`}\` in an object, found ${this.describeHere()}`, path);
    }
  }

  private array(path: string): JsonValue {
    this.enter(path);
    this.index++; // [
    const result: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipSpace();
      result.push(this.value(`${path}[${result.length}]`));
      this.skipSpace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === ']') {
        this.index++;
        this.depth--;
        return result;
      }
      this.fail('syntax', `expected \`,\` or \`]\` in a list, found ${this.describeHere()}`, path);
    }
  }

  private string(path: string): string {
    const text = this.text;
    const start = this.index;
    this.index++; // opening quote
    let result = '';
    let runStart = this.index;
    for (;;) {
      if (this.index >= text.length) this.fail('syntax', 'unterminated string', path, start);
      const c = text.charCodeAt(this.index);
      if (c === 0x22) {
        result += text.slice(runStart, this.index);
        this.index++;
        break;
      }
      if (c < 0x20)
        this.fail('syntax', `control character U+${c.toString(16).padStart(4, '0').toUpperCase()} in a string must be escaped`, path);
      if (c === 0x5c) {
        result += text.slice(runStart, this.index);
        result += this.escape(path);
        runStart = this.index;
        continue;
      }
      this.index++;
    }
    // Unpaired surrogates, escaped or raw: a pair is a high surrogate directly followed by a low one.
    for (let i = 0; i < result.length; i++) {
      const unit = result.charCodeAt(i);
      if (unit < 0xd800 || unit > 0xdfff) continue;
      const next = result.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      this.fail('lone-surrogate', `unpaired surrogate \`\\u${unit.toString(16)}\` in a string (not a character)`, path, start);
    }
    return result;
  }

  private escape(path: string): string {
    const text = this.text;
    const at = this.index;
    const c = text[this.index + 1];
    this.index += 2;
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = text.slice(this.index, this.index + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('syntax', 'expected four hexadecimal digits after `\\u`', path, at);
        this.index += 4;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      default:
        this.index = at;
        return this.fail('syntax', `invalid escape \`\\${shown(c ?? '')}\` in a string`, path);
    }
  }

  private number(path: string): number {
    const start = this.index;
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = start;
    const found = match.exec(this.text);
    if (!found) this.fail('syntax', `expected a number, found ${this.describeHere()}`, path);
    const written = found[0];
    this.index = start + written.length;
    const next = this.text[this.index];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.fail('syntax', `malformed number \`${shown(written + next)}\``, path, start);
    const value = Number(written);
    if (decimalForm(written) !== decimalForm(String(value)))
      this.fail('inexact-number', `number \`${shown(written)}\` cannot be read exactly: it would become ${String(value)}`, path, start);
    if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER)
      this.fail('inexact-number', `integer \`${shown(written)}\` is beyond ±(2^53 − 1), where integers are not exact`, path, start);
    return value;
  }
}

/** Line and column (both from 1) of an offset; `\n`, `\r\n` and a lone `\r` each end a line. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Reads JSON text strictly (see the module comment): the value, or the first refusal with its place. */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): StrictJsonResult {
  const maxDepth = Math.min(Math.max(1, Math.floor(options.maxDepth ?? strictJsonDefaults.maxDepth)), 1000);
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return {
      ok: false,
      error: {
        code: 'too-long',
        message: `the text has ${text.length} characters, more than ${options.maxLength}`,
        line: 1,
        column: 1,
        path: '$',
        offset: 0,
      },
    };
  }
  try {
    return { ok: true, value: new Parser(text, maxDepth).parse() };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const { line, column } = position(text, error.offset);
    return { ok: false, error: { code: error.code, message: error.message, line, column, path: error.path, offset: error.offset } };
  }
}

/** One line for a person: `file:line:column: message (at $.path)`. */
export function formatStrictJsonError(error: StrictJsonError, file?: string): string {
  const where = `${file ? `${file}:` : ''}${error.line}:${error.column}`;
  return `${where}: ${error.message}${error.path === '$' ? '' : ` (at ${error.path})`}`;
}
