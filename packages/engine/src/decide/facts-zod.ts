/**
 * The fact schema in zod, built from the vocabulary: the reference semantics of fact
 * validation (held equal to `decide`'s compiled checks by a property test), and the schema a
 * host validates requests with or turns into JSON Schema (`z.toJSONSchema`, OpenAPI).
 */
import { z } from 'zod';
import { factZod } from '../fact-types/index.js';
import type { FactModel, PointModel } from '../model.js';
import { createDiagnosingValidator, type FactsValidator } from './facts.js';

/** One fact's value: its domain, `null` where absent means none, `undefined` where it may be absent. */
export function factSchema(fact: FactModel): z.ZodType {
  return factZod(fact, z);
}

/**
 * The zod schema of a point's fact record, for hosts that validate or document requests (an
 * HTTP service, an OpenAPI document via `z.toJSONSchema`): every vocabulary fact, each with
 * its domain; the facts the point needs and that have no default are required.
 */
export function pointFactsSchema(facts: readonly FactModel[], point: PointModel): z.ZodObject {
  const required = new Set(point.requiredFacts);
  const shape: Record<string, z.ZodType> = {};
  for (const fact of facts) {
    const schema = factSchema(fact);
    const described = fact.title.en ?? fact.title.nb;
    const exact = required.has(fact.id) ? (schema as z.ZodOptional<z.ZodType>).unwrap() : schema;
    shape[fact.id] = described ? exact.describe(described) : exact;
  }
  return z.strictObject(shape);
}

/** Validation with each value checked by its zod schema: the reference semantics and messages. */
export function createReferenceFactsValidator(facts: readonly FactModel[]): FactsValidator {
  const schemas = new Map(facts.map((fact) => [fact.id, factSchema(fact)]));
  return createDiagnosingValidator(facts, (fact, value) => schemas.get(fact.id)!.safeParse(value).success);
}
