/** A point's fact record as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), from the same zod schema `decide` uses. */
import { z } from 'zod';
import type { FactModel, PointModel } from '../model.js';
import { pointFactsSchema } from './facts-zod.js';

/** The JSON Schema (2020-12) of a point's fact record, for an OpenAPI document of a host's service. */
export function pointFactsJsonSchema(facts: readonly FactModel[], point: PointModel): Record<string, unknown> {
  const schema = z.toJSONSchema(pointFactsSchema(facts, point), { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  // Embedded in an OpenAPI document, whose dialect already is 2020-12.
  delete schema.$schema;
  return schema;
}
