/**
 * Places in the document schemas whose allowed values only the loaded policy set knows: a fact
 * name in a condition must be a fact of the vocabulary, a `basis` entry a source id, and so on.
 * The zod schemas mark these places once; the editor schema (editor.ts) fills them with the
 * policy set's own lists, so an editor completes and checks them while the reviewer types.
 * The marks live in their own registry, so they never change validation or other JSON Schema
 * output.
 */
import { z } from 'zod';

export type SlotKind =
  /** A fact name of the vocabulary. */
  | 'fact'
  /** An outcome id of the vocabulary. */
  | 'outcome'
  /** A source id of the source catalogues. */
  | 'source'
  /** A setting id of settings.yaml. */
  | 'setting'
  /** A decision point of policy-set.yaml. */
  | 'point'
  /** A condition: the value a fact test compares with must be in that fact's domain. */
  | 'condition'
  /** A record of fact values (a scenario's `facts`): every fact with its own domain. */
  | 'fact-values'
  /** Text in each language of the set. */
  | 'text'
  /** A rule of a policy: the editor offers a ready-made one to fill in. */
  | 'rule'
  /** A reviewer scenario: the editor offers a ready-made one to fill in. */
  | 'scenario';

export const policySetSlots = z.registry<{ slot: SlotKind }>();

/** Marks `schema` as a slot of this kind and returns it (a fresh zod instance per use site). */
export function slot<T extends z.ZodType>(kind: SlotKind, schema: T): T {
  policySetSlots.add(schema, { slot: kind });
  return schema;
}

/** The key under which a slot's kind travels through the generated JSON Schema until it is filled. */
export const slotKey = 'x-vot-slot';
