/**
 * Facts from a host system → a complete, checked fact record. A key outside the vocabulary, a
 * value out of its domain or of the wrong type is refused with a diagnostic naming the fact;
 * absent facts take their documented default; a fact the point needs that is absent and has
 * no default is refused. Input is never trusted to be a plain object: prototypes, getters and
 * oversized records are refused before any value is looked at.
 *
 * The fact schema is written in zod (`facts-zod.ts`: the reference, and what an HTTP service
 * validates requests with). `decide` checks values with predicates compiled from the same
 * vocabulary, so that importing the decision runtime does not load zod; a property test holds
 * the two to the same accept/reject, the same completed record and the same diagnostics.
 */
import { closest, diagnostic, listOf, type Diagnostic } from '../diagnostics.js';
import { expectedValue, factType } from '../fact-types/index.js';
import type { FactModel, FactValue, PointModel } from '../model.js';
import { terminalLine } from '../output/terminal.js';
import { createFactsAcceptor, valueCheck } from './fact-acceptor.js';

/** The largest fact record `decide()` reads: more is refused before any fact is looked at. */
export const factLimits = {
  /** More keys than this is not a fact record (the vocabulary has a few dozen facts). */
  maxKeys: 256,
  /** Longest string value accepted before the enum check (values are short ids). */
  maxStringLength: 256,
} as const;

/** Facts by fact id, as a host gives them to `decide()`. */
export type FactRecord = Record<string, FactValue>;

export interface FactsValidator {
  /**
   * Checks and completes facts for a point; returns the full record and the facts as given
   * (each read once from the host's object, as checked), or the problems.
   */
  validate(point: PointModel, input: unknown): { facts?: FactRecord; given?: FactRecord; diagnostics: Diagnostic[] };
}

/**
 * A value or key from the host as it may appear in a message: control characters escaped (a
 * host may pass on what a user typed, and messages reach terminals and logs) and cut short.
 */
export function shownText(value: string, max = 40): string {
  return terminalLine(value.length > max ? `${value.slice(0, max)}…` : value);
}

const suggestionFor = (key: string, names: readonly string[]): string | undefined => (key.length <= 64 ? closest(key, names) : undefined);

const receivedText = (value: unknown): string => {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (`undefined`)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `\`${shownText(value)}\` (a string)`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return `\`${String(value)}\` (a ${typeof value})`;
};

/**
 * The validator `decide` uses: the compiled acceptor answers valid input with no allocation
 * beyond the record; everything else is diagnosed fact by fact with the same value checks.
 */
export function createFactsValidator(facts: readonly FactModel[]): FactsValidator {
  const accept = createFactsAcceptor(facts, factLimits);
  const checks = new Map(facts.map((fact) => [fact.id, valueCheck(fact, factLimits.maxStringLength)]));
  const reference = createDiagnosingValidator(facts, (fact, value) => checks.get(fact.id)!(value));
  // The facts as given are an ordinary object (adding keys to one without a prototype is several
  // times slower), unless a fact's name is a key of Object.prototype: writing `__proto__` would
  // set the prototype, and `constructor` would be found on a record that lacks it.
  const plainGiven = !facts.some((fact) => fact.id in Object.prototype);
  return {
    validate(point, input) {
      try {
        const given: FactRecord = plainGiven ? {} : (Object.create(null) as FactRecord);
        const accepted = accept(point, input, given);
        return accepted ? { facts: accepted, given, diagnostics: [] } : reference.validate(point, input);
      } catch {
        // Only an exotic object gets here, e.g. a Proxy whose traps throw. Nothing was decided:
        // refuse it like any other input that is not a plain record.
        return { diagnostics: [diagnostic({ code: 'facts-not-object', args: { received: 'an object whose properties cannot be read' } })] };
      }
    },
  };
}

/**
 * Checks facts one by one and names every problem: the record's shape and keys here, each
 * value's domain by `valueFits` (the compiled checks in `decide`, the zod schema in the
 * reference of `facts-zod.ts`).
 */
export function createDiagnosingValidator(
  facts: readonly FactModel[],
  valueFits: (fact: FactModel, value: unknown) => boolean,
): FactsValidator {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const defaults: FactRecord = Object.create(null) as FactRecord;
  for (const fact of facts) if (fact.hasDefault) defaults[fact.id] = fact.default ?? null;
  const names = facts.map((fact) => fact.id);

  return {
    validate(point, input) {
      const diagnostics: Diagnostic[] = [];
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return { diagnostics: [diagnostic({ code: 'facts-not-object', args: { received: receivedText(input) } })] };
      }
      const prototype = Object.getPrototypeOf(input) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        return { diagnostics: [diagnostic({ code: 'facts-not-object', args: { received: 'an instance of a class' } })] };
      }
      const keys = Reflect.ownKeys(input);
      if (keys.length > factLimits.maxKeys) {
        return {
          diagnostics: [
            diagnostic({
              code: 'facts-not-object',
              args: { received: `an object with ${keys.length} keys` },
              help: `a fact record has at most ${factLimits.maxKeys} keys`,
            }),
          ],
        };
      }
      // Copy own data properties only, into a prototype-free record: no getters run twice, no
      // inherited keys, and `__proto__` is an ordinary (unknown) key here.
      const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of keys) {
        if (typeof key === 'symbol') {
          diagnostics.push(diagnostic({ code: 'fact-unknown', args: { fact: shownText(key.toString()) }, expected: listOf(names, 10) }));
          continue;
        }
        const descriptor = Object.getOwnPropertyDescriptor(input, key)!;
        if (!('value' in descriptor)) {
          diagnostics.push(
            diagnostic({
              code: 'fact-invalid',
              args: { fact: shownText(key) },
              received: 'an accessor property',
              expected: 'a plain value',
            }),
          );
          continue;
        }
        const value: unknown = descriptor.value;
        if (typeof value === 'string' && value.length > factLimits.maxStringLength) {
          diagnostics.push(
            diagnostic({
              code: 'fact-invalid',
              args: { fact: shownText(key) },
              received: `a string of ${value.length} characters`,
              expected: `at most ${factLimits.maxStringLength} characters`,
            }),
          );
          continue;
        }
        if (!byId.has(key)) {
          diagnostics.push(
            diagnostic({
              code: 'fact-unknown',
              args: { fact: shownText(key) },
              expected: listOf(names, 10),
              // Edit distance is quadratic: a long key is no typo and gets no suggestion.
              help: suggestionFor(key, names)
                ? `did you mean \`${suggestionFor(key, names)}\`?`
                : 'only facts of the vocabulary are accepted',
            }),
          );
          continue;
        }
        copy[key] = value;
      }
      if (diagnostics.length > 0) return { diagnostics };
      // Values in vocabulary order, as a schema of the whole record reports them.
      for (const fact of facts) {
        if (!(fact.id in copy) || valueFits(fact, copy[fact.id])) continue;
        const value = copy[fact.id];
        const suggestion = factType(fact).suggestion(fact, value);
        diagnostics.push(
          diagnostic({
            code: 'fact-invalid',
            args: { fact: fact.id },
            expected: expectedValue(fact),
            received: receivedText(value),
            help: suggestion ? `did you mean \`${suggestion}\`?` : undefined,
          }),
        );
      }
      if (diagnostics.length > 0) return { diagnostics };
      const record: FactRecord = Object.create(null) as FactRecord;
      const given: FactRecord = Object.create(null) as FactRecord;
      Object.assign(record, defaults);
      for (const [key, value] of Object.entries(copy)) {
        if (value !== undefined) record[key] = given[key] = value as FactValue;
      }
      for (const id of point.requiredFacts) {
        if (record[id] === undefined) {
          diagnostics.push(
            diagnostic({
              code: 'fact-missing',
              args: { fact: id, point: point.id },
              expected: expectedValue(byId.get(id)!),
              help: `add \`${id}\` to the facts`,
            }),
          );
        }
      }
      if (diagnostics.length > 0) return { diagnostics };
      // Facts the point does not read and that have no default stay absent; give them null so
      // every engine sees a complete record (json-rules-engine refuses undefined facts).
      for (const name of names) if (record[name] === undefined) record[name] = null;
      return { facts: record, given, diagnostics };
    },
  };
}
