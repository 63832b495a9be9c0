/**
 * The `kind: duties` document: a catalogue of legal duties, each with its sources and the
 * machine-checkable obligations the regulation gate (analyze/gate.ts) evaluates over every fact
 * combination. Built by a factory from the parts of documents.ts, so the two modules do not
 * import each other at run time.
 */
import { z } from 'zod';
import { expectedStatuses, liveStatuses } from '../status.js';
import type { ConditionInput } from './documents.js';
import { slot } from './slots.js';

export interface DutySchemaParts {
  condition: z.ZodType<ConditionInput>;
  text: z.ZodType<Partial<Record<'nb' | 'en' | 'da', string>>>;
  kebabId: z.ZodString;
  inForce: z.ZodType<{ from?: string; until?: string }>;
}

export function dutiesDocumentSchema(parts: DutySchemaParts) {
  const { condition, text, kebabId, inForce } = parts;
  const outcomeId = slot('outcome', kebabId.describe('An outcome id from the vocabulary (vocabulary.yaml, `outcomes`).'));
  const sourceId = slot('source', kebabId.describe('A source id from policies/sources/*.yaml.'));
  const pointId = slot('point', kebabId.describe('A decision point (policy-set.yaml).'));
  const statusOrAbsent = z.enum(expectedStatuses).describe('A status, or `absent` when the decision leaves the outcome out.');
  const statuses = z
    .union([statusOrAbsent, z.array(statusOrAbsent).min(1)])
    .describe('One status, or a list: the outcome must have one of them.');
  const atLeast = z
    .enum(liveStatuses)
    .describe(
      'The weakest status accepted, in the order required > recommended > permitted > not-permitted or absent: `atLeast: recommended` accepts required or recommended.',
    );

  const expectation = z.union([
    z.strictObject({ outcome: outcomeId, status: statuses }).describe('The outcome has this status (or one of these).'),
    z.strictObject({ outcome: outcomeId, atLeast }).describe('The outcome has at least this status.'),
    z
      .strictObject({ anyOf: z.array(outcomeId).min(1), status: statuses })
      .describe('At least one of these outcomes has this status (or one of these).'),
    z.strictObject({ anyOf: z.array(outcomeId).min(1), atLeast }).describe('At least one of these outcomes has at least this status.'),
    z
      .strictObject({
        outcome: outcomeId,
        limit: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a limit name, e.g. `maxWeeks`'),
        atMost: z.number().int(),
      })
      .describe(
        'Whenever the outcome is live (required, recommended or permitted) it carries this limit, at most this number. A limit taken from a setting is checked at the highest value the setting allows.',
      ),
    z
      .strictObject({ outcome: outcomeId, requires: z.array(outcomeId).min(1) })
      .describe('Whenever the outcome is live (required, recommended or permitted), its `requires` include these ids.'),
  ]);

  const invariant = z
    .strictObject({
      point: pointId,
      when: condition.optional().describe('Only fact combinations where this holds (default: every combination).'),
      expect: expectation,
    })
    .describe('For every fact combination where `when` holds, the decision at `point` meets `expect`.');

  const coverage = z
    .strictObject({
      cites: slot('source', kebabId.describe('The source some outcome must cite.')),
      point: pointId.optional().describe('Only outcomes of this point count.'),
    })
    .describe('At least one outcome that can be live (required, recommended or permitted) cites this source in its basis.');

  // Points that agree: one decision point's answer binds another's (agree.ts in analyze/).
  const withFacts = slot(
    'fact-values',
    z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .describe(
        'Facts fixed on this side only, e.g. `{ recipient: police }`; every other fact is the same on both sides or ranges over its whole domain.',
      ),
  );
  const side = { point: pointId, with: withFacts.optional(), outcome: outcomeId };
  const trigger = z
    .union([
      z.strictObject({ ...side, status: statuses }).describe('The outcome has this status (or one of these).'),
      z.strictObject({ ...side, atLeast }).describe('The outcome has at least this status.'),
    ])
    .describe('The decision that binds: `point` (with the facts `with` fixes) gives `outcome` this status.');
  const requires = z
    .array(outcomeId)
    .min(1)
    .describe('Whenever the outcome is live (required, recommended or permitted), its `requires` include these ids.');
  const consequence = z
    .union([
      z
        .strictObject({ ...side, status: statuses, requires: requires.optional() })
        .describe('The outcome has this status (or one of these).'),
      z.strictObject({ ...side, atLeast, requires: requires.optional() }).describe('The outcome has at least this status.'),
      z.strictObject({ ...side, requires }).describe('Whenever the outcome is live, its `requires` include these ids.'),
    ])
    .describe('What the other decision must then give: `point` (with the facts `with` fixes) gives `outcome` this status.');
  const agree = z
    .strictObject({
      when: condition.optional().describe('Only fact combinations where this holds (default: every combination).'),
      if: trigger,
      // biome-ignore lint/suspicious/noThenProperty: `then` is the reviewer's word in the YAML, not a promise
      then: consequence,
    })
    .describe(
      'Two decision points agree: for every fact combination where `when` holds and the `if` decision has its status, the `then` decision meets its expectation. Facts not fixed by `with` are the same on both sides.',
    );

  const obligation = z.union([
    z.strictObject({ invariant }).describe('An invariant over decisions.'),
    z.strictObject({ coverage }).describe('A coverage requirement.'),
    z.strictObject({ agree }).describe('Two decision points that must agree.'),
  ]);

  const duty = z
    .strictObject({
      id: kebabId.describe('The id of the duty, e.g. `23a-4-c`.'),
      title: text,
      description: text.optional(),
      basis: z.array(sourceId).min(1).describe('The legal sources of the duty: ids from policies/sources/*.yaml.'),
      inForce: inForce.optional().describe('When the duty is in force: the gate checks it only in the periods inside this window.'),
      obligations: z.array(obligation).min(1),
    })
    .describe('One legal duty and how it is checked.');

  return z
    .strictObject({
      kind: z.literal('duties'),
      catalogue: kebabId.describe('The id of this catalogue.'),
      title: text,
      description: text.optional(),
      jurisdiction: z.enum(['NO', 'DK']),
      appliesWhen: condition
        .optional()
        .describe('The scope of every duty in the catalogue: only fact combinations where this holds are checked.'),
      duties: z.array(duty).min(1),
    })
    .describe('A catalogue of legal duties that the regulation gate checks against every fact combination.');
}

export type DutiesDocument = z.infer<ReturnType<typeof dutiesDocumentSchema>>;
export type DutyExpectationInput = DutiesDocument['duties'][number]['obligations'][number] extends infer O
  ? O extends { invariant: { expect: infer E } }
    ? E
    : never
  : never;
/** One side of an `agree` obligation as the reviewer wrote it (`if` or `then`). */
export type AgreeSideInput = DutiesDocument['duties'][number]['obligations'][number] extends infer O
  ? O extends { agree: { if: infer P; then: infer C } }
    ? P | C
    : never
  : never;
