/**
 * The JSON Schema an editor reads (yaml-language-server, e.g. the VS Code YAML extension): the
 * document structure from zod, with the slots of slots.ts filled from the loaded policy set, so
 * the editor completes and checks fact names and their values, outcome ids, source ids, setting
 * ids and points while a reviewer types. Every description is given in English and bokmål.
 *
 * Zod stays the one source of the structure: this module only adds lists and texts at the
 * marked places of the generated schema, never changes its shape.
 */
import { z } from 'zod';
import { conditionExamples as factExamples, conditionJson, conditionLiteral, valueJson } from '../fact-types/index.js';
import type { FactModel, Lang, PolicySetModel, Text } from '../model.js';
import { wordsFor } from '../words/index.js';
import { bokmalDescription } from './descriptions-nb.js';
import { policySetSlots, slotKey, type SlotKind } from './slots.js';

type Json = Record<string, unknown>;

/** What the editor schema takes from a policy set. */
export type EditorVocabulary = Pick<PolicySetModel, 'facts' | 'outcomes' | 'sources' | 'settings' | 'points' | 'languages'>;

/** The zod schema as JSON Schema draft-07, each slot marked with `x-vot-slot`. */
function markedJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const mark = policySetSlots.get(zodSchema as unknown as z.ZodType);
      if (mark) (jsonSchema as Json)[slotKey] = mark.slot;
    },
  }) as Json;
}

/** `English / bokmål`: one line that reads in either language (hover, completion details). */
export function bilingual(text: Text | undefined): string | undefined {
  const parts = [text?.en, text?.nb].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? [...new Set(parts)].join(' / ') : undefined;
}

const notVerified = bilingual({ en: wordsFor('en').labels.notVerified, nb: wordsFor('nb').labels.notVerified });

/** The value a host (or a scenario) passes for a fact: its domain, and null when absence means none. */
function factValue(fact: FactModel): Json {
  const base = valueJson(fact);
  const description = bilingual(fact.title);
  return description ? { ...base, description } : base;
}

/** Per fact: the values `is`, `isNot`, `in` and `notIn` accept when `fact` names it. */
function factTestRules(facts: readonly FactModel[]): Json[] {
  return facts.map((fact) => {
    // The values a condition may compare the fact with: its domain, and `none` when absence means none.
    const value = conditionJson(fact);
    return {
      if: { type: 'object', properties: { fact: { const: fact.id } }, required: ['fact'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword of an if/then rule
      then: { properties: { is: value, isNot: value, in: { type: 'array', items: value }, notIn: { type: 'array', items: value } } },
    };
  });
}

interface IdList {
  ids: string[];
  descriptions: string[];
}

function idLists(vocabulary: EditorVocabulary): Record<'fact' | 'outcome' | 'source' | 'setting' | 'point', IdList> {
  const list = <T>(items: readonly T[], id: (item: T) => string, describe: (item: T) => string | undefined): IdList => ({
    ids: items.map(id),
    descriptions: items.map((item) => describe(item) ?? ''),
  });
  return {
    fact: list(
      vocabulary.facts,
      (f) => f.id,
      (f) => bilingual(f.title),
    ),
    outcome: list(
      vocabulary.outcomes,
      (o) => o.id,
      (o) => bilingual(o.title),
    ),
    source: list(
      vocabulary.sources,
      (s) => s.id,
      (s) => `${s.citation}${s.verified ? '' : ` (${notVerified})`}`,
    ),
    setting: list(
      vocabulary.settings,
      (s) => s.id,
      (s) => bilingual(s.title),
    ),
    point: list(
      vocabulary.points,
      (p) => p.id,
      (p) => bilingual(p.question) ?? bilingual(p.title),
    ),
  };
}

/** Examples shown by editors, built from the set's own names so they are always valid. */
function conditionExamples(vocabulary: EditorVocabulary): unknown[] {
  return ['always', ...factExamples(vocabulary.facts)];
}

const sampleText: Record<Lang, string> = { nb: 'Tekst på bokmål', en: 'Text in English', da: 'Tekst på dansk' };

/**
 * Ready-made entries an editor offers in its completion list (yaml-language-server's
 * `defaultSnippets`): a reviewer picks "new scenario" and fills in the marked places.
 */
function snippets(vocabulary: EditorVocabulary): Record<'rule' | 'scenario', Json> {
  const text = (placeholder: number) =>
    Object.fromEntries(vocabulary.languages.map((lang, index) => [lang, `\${${placeholder + index}:${sampleText[lang]}}`]));
  // The rule snippet tests `is: true`: a fact that takes it, if there is one.
  const fact = vocabulary.facts.find((f) => conditionLiteral(f, true) !== undefined) ?? vocabulary.facts[0];
  return {
    rule: {
      label: 'new rule / ny regel',
      description: 'A rule: a condition, a status, the sources and the reason / En regel: vilkår, status, kilder og begrunnelse',
      body: { when: { fact: `\${1:${fact?.id ?? 'fact'}}`, is: '${2:true}' }, status: '${3:permitted}', basis: ['${4}'], reason: text(5) },
    },
    scenario: {
      label: 'new scenario / nytt scenario',
      description: 'A test case: facts, the expected outcomes and why / Et testtilfelle: fakta, forventede utfall og hvorfor',
      body: {
        name: '${1:what this scenario shows}',
        facts: { [`\${2:${fact?.id ?? 'fact'}}`]: '${3}' },
        expect: { '${4:outcome-id}': '${5:permitted}' },
        source: '${6:a source id, or a sentence saying why}',
      },
    },
  };
}

/**
 * Fills the slots of a marked JSON Schema (in place) and writes every description in both
 * languages. Without a vocabulary the slots are only unmarked: the structure alone.
 */
interface FillContext {
  vocabulary?: EditorVocabulary;
  lists?: ReturnType<typeof idLists>;
  /** Shared schemas (the id lists), referenced from each slot instead of repeated there. */
  definitions: Json;
  /** The generated schema may share one object between places: fill each once. */
  seen: WeakSet<object>;
}

/** A `$ref` to the definition `name`, created on first use. */
function reference(context: FillContext, name: string, make: () => Json): Json {
  context.definitions[name] ??= make();
  return { $ref: `#/definitions/${name}` };
}

function fill(node: unknown, context: FillContext): void {
  if (node === null || typeof node !== 'object' || context.seen.has(node)) return;
  context.seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) fill(item, context);
    return;
  }
  const schema = node as Json;
  for (const value of Object.values(schema)) fill(value, context);

  if (typeof schema.description === 'string') {
    const nb = bokmalDescription(schema.description);
    if (nb && nb !== schema.description) schema.description = `${schema.description} / ${nb}`;
  }
  const kind = schema[slotKey] as SlotKind | undefined;
  delete schema[slotKey];
  const { vocabulary, lists } = context;
  if (!kind || !vocabulary || !lists) return;
  switch (kind) {
    case 'fact':
    case 'outcome':
    case 'source':
    case 'setting':
    case 'point': {
      // The list once under `definitions`; each place keeps its own description beside the
      // reference (yaml-language-server merges a `$ref` into the schema that holds it).
      const list = lists[kind];
      if (list.ids.length === 0) return;
      for (const key of ['type', 'pattern', 'minLength']) delete schema[key];
      Object.assign(
        schema,
        reference(context, `${kind}-id`, () => ({ type: 'string', enum: list.ids, markdownEnumDescriptions: list.descriptions })),
      );
      return;
    }
    case 'condition':
      schema.allOf = factTestRules(vocabulary.facts);
      schema.examples = conditionExamples(vocabulary);
      return;
    case 'fact-values':
      // Once under `definitions` (a scenario's facts, a duty's `with` on either side).
      for (const key of ['type', 'propertyNames', 'additionalProperties']) delete schema[key];
      Object.assign(
        schema,
        reference(context, 'fact-values', () => ({
          type: 'object',
          properties: Object.fromEntries(vocabulary.facts.map((fact) => [fact.id, factValue(fact)])),
          additionalProperties: false,
        })),
      );
      return;
    case 'text':
      schema.required = [...vocabulary.languages];
      schema.examples = [Object.fromEntries(vocabulary.languages.map((lang) => [lang, sampleText[lang]]))];
      return;
    case 'rule':
    case 'scenario':
      schema.defaultSnippets = [snippets(vocabulary)[kind]];
      return;
  }
}

/**
 * A record keyed by ids of the set (a scenario's `expect`): each id becomes a property, so an
 * editor completes the keys and shows their titles; the value schema stays the record's.
 */
function spellOutKeyedRecords(node: unknown, context: FillContext, name: string): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) spellOutKeyedRecords(item, context, name);
    return;
  }
  const schema = node as Json;
  for (const [key, value] of Object.entries(schema)) spellOutKeyedRecords(value, context, key);
  const keys = schema.propertyNames as Json | undefined;
  const value = schema.additionalProperties;
  const listRef = typeof keys?.$ref === 'string' ? keys.$ref.replace('#/definitions/', '') : undefined;
  const list = listRef ? (context.definitions[listRef] as Json | undefined) : undefined;
  if (!list || !Array.isArray(list.enum) || value === undefined || typeof value !== 'object') return;
  const descriptions = (list.markdownEnumDescriptions ?? []) as string[];
  const valueRef = reference(context, `${name}-value`, () => value as Json);
  schema.properties = Object.fromEntries(
    (list.enum as string[]).map((id, index) => [id, { ...valueRef, description: descriptions[index] || id }]),
  );
  schema.additionalProperties = false;
  delete schema.propertyNames;
}

/** The editor schema of one document kind, filled from `vocabulary` when given. */
export function editorJsonSchema(schema: z.ZodType, vocabulary?: EditorVocabulary): Json {
  const json = markedJsonSchema(schema);
  const context: FillContext = { vocabulary, lists: vocabulary ? idLists(vocabulary) : undefined, definitions: {}, seen: new WeakSet() };
  fill(json, context);
  spellOutKeyedRecords(json, context, 'record');
  if (Object.keys(context.definitions).length > 0)
    json.definitions = { ...((json.definitions as Json | undefined) ?? {}), ...context.definitions };
  return json;
}

/** The parts of a checked model the editor schema reads (so the files do not change with rules). */
export function editorVocabulary(model: PolicySetModel): EditorVocabulary {
  const { facts, outcomes, sources, settings, points, languages } = model;
  return { facts, outcomes, sources, settings, points, languages };
}
