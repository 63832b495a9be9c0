/**
 * The fast path of fact validation: plain checks compiled once from the vocabulary that accept
 * exactly the fact records the zod reference (`createReferenceFactsValidator` in facts-zod.ts) accepts, and
 * complete them the same way. Anything it does not accept goes to the reference, which writes
 * the diagnostics, so messages come from one place; a property test holds the two together.
 */
import { hostValueCheck } from '../fact-types/index.js';
import type { FactModel, FactValue, PointModel } from '../model.js';
import type { FactRecord } from './facts.js';

/** The size limits the reference applies before zod sees the input (`factLimits`). */
export interface AcceptorLimits {
  maxKeys: number;
  maxStringLength: number;
}

type ValueCheck = (value: unknown) => boolean;

/** Whether a value is in the fact's domain; `undefined` (absent) passes, as zod's `optional()`. */
export const valueCheck = (fact: FactModel, maxStringLength: number): ValueCheck => hostValueCheck(fact, maxStringLength);

/**
 * Returns the completed record for valid input, or undefined when the reference must judge it.
 * `given`, when passed, receives the facts as the host gave them (read once, with the record).
 */
export type FactsAcceptor = (point: PointModel, input: unknown, given?: FactRecord) => FactRecord | undefined;

export function createFactsAcceptor(facts: readonly FactModel[], limits: AcceptorLimits): FactsAcceptor {
  const checks = new Map<string, ValueCheck>(facts.map((fact) => [fact.id, valueCheck(fact, limits.maxStringLength)]));
  // Defaults in vocabulary order, null where there is none: the record every decision starts
  // from, copied per decision. Written as JSON and read back because V8 gives a parsed object
  // fast properties, and copying it keeps them: a record built key by key (or without a
  // prototype) is a hash table, several times slower to build and to read. The copy's own
  // properties are every vocabulary fact, so reading a fact never reaches the prototype.
  const initial = Object.fromEntries(facts.map((fact) => [fact.id, fact.hasDefault ? (fact.default ?? null) : null]));
  const template = JSON.parse(JSON.stringify(initial)) as FactRecord;
  const hasDefault = new Set(facts.filter((fact) => fact.hasDefault).map((fact) => fact.id));
  // Per point: the facts it requires that have no default (a record without them is judged by the reference).
  const required = new WeakMap<PointModel, readonly string[]>();
  const requiredOf = (point: PointModel): readonly string[] => {
    let ids = required.get(point);
    if (!ids) required.set(point, (ids = point.requiredFacts.filter((id) => !hasDefault.has(id))));
    return ids;
  };

  return (point, input, given) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
    const prototype = Object.getPrototypeOf(input) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    // Names and symbols apart: together (`Reflect.ownKeys`) they are many times slower to list.
    // Any symbol key is refused by the reference.
    const keys = Object.getOwnPropertyNames(input);
    if (keys.length > limits.maxKeys || Object.getOwnPropertySymbols(input).length > 0) return undefined;
    const record: FactRecord = { ...template };
    for (const key of keys) {
      const check = checks.get(key);
      if (check === undefined) return undefined;
      const descriptor = Object.getOwnPropertyDescriptor(input, key)!;
      if (!('value' in descriptor)) return undefined;
      const value: unknown = descriptor.value;
      if (!check(value)) return undefined;
      if (value !== undefined) {
        record[key] = value as FactValue;
        if (given) given[key] = value as FactValue;
      }
    }
    // A required fact is one without a default; the reference names the missing ones.
    for (const id of requiredOf(point)) if (record[id] === null) return undefined;
    return record;
  };
}
