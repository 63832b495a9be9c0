/**
 * The fact types: the union of their domains and the registry the rest of the engine asks.
 * A new type is one module implementing `FactType` (fact-type.ts), its domain added to
 * `ValueDomain` and its entry to the lists below (`date.ts` was added that way).
 *
 * The helpers here add what every type shares: `none` (an absent fact whose default is none,
 * written `none` in YAML and `null` by a host) and absence.
 */
import type { z } from 'zod';
import type { CompareOperator, FactValue } from '../model.js';
import { dateFactDeclaration, dateType, decisionDateDefault, type DateDomain } from './date.js';
import { booleanFactDeclaration, booleanSettingDeclaration, booleanType, type BooleanDomain } from './boolean.js';
import { enumFactDeclaration, enumSettingDeclaration, enumType, type EnumDomain } from './enum.js';
import type {
  DeclarationParts,
  DeclarationReporter,
  DomainWords,
  FactType,
  Json,
  OrderingOperator,
  ValueSetWords,
  ValueWords,
  Zod,
} from './fact-type.js';
import { integerFactDeclaration, integerSettingDeclaration, integerType, intervalName, type IntegerDomain } from './integer.js';

export type {
  AnalysisValues,
  DeclarationParts,
  DeclarationReporter,
  DomainWords,
  FactType,
  FormField,
  OrderedKeyword,
  OrderingOperator,
  NearValue,
  ValueSetWords,
  ValueWords,
} from './fact-type.js';
export type { BooleanDomain, DateDomain, EnumDomain, IntegerDomain };
export { decisionDateDefault };

/** A fact's or setting's domain, by `type`. */
export type ValueDomain = EnumDomain | BooleanDomain | IntegerDomain | DateDomain;
export type FactTypeName = ValueDomain['type'];

/** The fields a fact model adds to its domain that the shared helpers read. */
interface Absence {
  hasDefault: boolean;
  default?: FactValue;
}

// biome-ignore lint/suspicious/noExplicitAny: each entry takes its own declaration inputs
type AnyFactType<D extends ValueDomain> = FactType<D, any, any>;

const registry: { [K in FactTypeName]: AnyFactType<Extract<ValueDomain, { type: K }>> } = {
  enum: enumType,
  boolean: booleanType,
  integer: integerType,
  date: dateType,
};

/** Every fact type's name, in registry order. */
export const factTypeNames = Object.keys(registry) as FactTypeName[];

/** The operations of a domain's type. */
export function factType<D extends ValueDomain>(domain: D): FactType<D> {
  // The registry is keyed by `type`, so the entry is the one for the domain's own variant.
  return registry[domain.type] as unknown as FactType<D>;
}

/** Whether an absent fact means none (its default is `none`): then `none` and `null` are values too. */
export const noneAllowed = (fact: Absence): boolean => fact.hasDefault && fact.default === null;

// --- declarations -------------------------------------------------------------------------

/** A fact declaration of vocabulary.yaml, one branch per type (in the order the schema files list them). */
export function factDeclaration<Base extends z.ZodRawShape>(parts: DeclarationParts<Base>) {
  return parts.z.union([
    enumFactDeclaration(parts),
    booleanFactDeclaration(parts),
    integerFactDeclaration(parts),
    dateFactDeclaration(parts),
  ]);
}

/** A setting declaration of settings.yaml, one branch per type (in the order the schema files list them). */
export function settingDeclaration<Base extends z.ZodRawShape>(parts: DeclarationParts<Base>) {
  return parts.z.union([integerSettingDeclaration(parts), booleanSettingDeclaration(parts), enumSettingDeclaration(parts)]);
}

type FactInput = z.infer<ReturnType<typeof factDeclaration<{ id: z.ZodString }>>>;
type SettingInput = z.infer<ReturnType<typeof settingDeclaration<{ id: z.ZodString }>>>;

/** A fact declaration's domain and default, checked by its type. */
export function declareFact(input: FactInput, reporter: DeclarationReporter): { domain: ValueDomain; default?: FactValue } {
  const declared = registry[input.type].declareFact(input, reporter);
  const result: { domain: ValueDomain; default?: FactValue } = { domain: { type: input.type, ...declared.fields } as ValueDomain };
  if ('default' in declared) result.default = declared.default;
  return result;
}

/** A setting declaration's domain, checked by its type (the default against the domain). */
export function declareSetting(input: SettingInput, reporter: DeclarationReporter): ValueDomain {
  return { type: input.type, ...registry[input.type].declareSetting(input, reporter) } as ValueDomain;
}

// --- values from a host --------------------------------------------------------------------

/** Whether a host's value is in the fact's domain; absence (`undefined`) passes, as zod's `optional()`. */
export function hostValueCheck(fact: ValueDomain & Absence, maxStringLength: number): (value: unknown) => boolean {
  const inDomain = factType(fact).hostValue(fact, maxStringLength);
  const none = noneAllowed(fact);
  return (value) => inDomain(value) || value === undefined || (none && value === null);
}

/** The zod schema of a host's value: the domain, `null` where absence means none, `undefined` where absent. */
export function factZod(fact: ValueDomain & Absence, z: Zod): z.ZodType {
  const schema = factType(fact).zod(fact, z);
  return (noneAllowed(fact) ? schema.nullable() : schema).optional();
}

/** What a diagnostic expects of a host's value. */
export function expectedValue(fact: ValueDomain & Absence): string {
  return `${factType(fact).expected(fact)}${noneAllowed(fact) ? ', or none (absent or null)' : ''}`;
}

// --- conditions in YAML --------------------------------------------------------------------

/** A literal of a condition in the fact's domain (`none` → null where absence means none), or undefined. */
export function conditionLiteral(fact: ValueDomain & Absence, raw: unknown): FactValue | undefined {
  if (raw === 'none' && noneAllowed(fact)) return null;
  return factType(fact).literal(fact, raw);
}

/** A value as a reviewer writes it in YAML and reads it in diagnostics: `none` for null. */
export const literalText = (value: FactValue): string => (value === null ? 'none' : String(value));

/** What a condition may compare the fact with, for a diagnostic: the listed literals, or the domain in words. */
export function expectedLiterals(fact: ValueDomain & Absence): { allowed: string[]; listed: boolean } {
  const literals = factType(fact).literals(fact);
  const allowed = literals ? literals.map(literalText) : [factType(fact).expected(fact)];
  if (noneAllowed(fact) && !allowed.includes('none')) allowed.push('none');
  return { allowed, listed: literals !== undefined };
}

// --- analysis ------------------------------------------------------------------------------

/** The values exhaustive analysis enumerates for a fact, cut at `cuts`. */
export function analysisValues(fact: ValueDomain & Absence, cuts: ReadonlySet<FactValue>) {
  return factType(fact).analysisValues(fact, cuts, noneAllowed(fact));
}

/** The values at which a test of the fact can change its answer (for analysis cuts). */
export const cutsOf = (fact: ValueDomain, op: CompareOperator, value: FactValue): FactValue[] => factType(fact).cuts(op, value);

/** The keywords a condition may use to order the fact (`atLeast` …, `onOrAfter` …), if its type is ordered. */
export const orderedKeywords = (fact: ValueDomain) => factType(fact).orderedKeywords;

/** Every ordering keyword of every type, with its operator: how a condition's key is read. */
export const orderingKeywords: ReadonlyMap<string, OrderingOperator> = new Map(
  Object.values(registry).flatMap((type) =>
    Object.entries(type.orderedKeywords ?? {}).map(([op, keyword]) => [keyword, op as OrderingOperator] as const),
  ),
);

/** Whether the fact is the one that carries the decision's date (`default: decision-date`). */
export const isDecisionDate = (fact: ValueDomain): boolean => fact.type === 'date' && fact.decisionDate === true;

/** The values a why-not explanation tries in place of `current`, nearest first (see `FactType.nearestValues`). */
export function nearestValues(fact: ValueDomain & Absence, cuts: ReadonlySet<FactValue>, current: FactValue) {
  return factType(fact).nearestValues(fact, cuts, noneAllowed(fact), current);
}

/** How many values a fact can take, none included, without reduction. */
export const valueCount = (fact: ValueDomain & Absence): number => factType(fact).size(fact) + (noneAllowed(fact) ? 1 : 0);

/** One domain covering both sides of a diff (lists and ranges united); the head's when their types differ. */
export function unitedDomain<D extends ValueDomain>(head: D, base: ValueDomain): Omit<D, 'type'> | undefined {
  const type = factType(head);
  return factType(base) === (type as unknown) ? type.unite(head, base as D) : undefined;
}

// --- the editor's JSON Schema --------------------------------------------------------------

export const conditionJson = (fact: ValueDomain & Absence): Json => factType(fact).conditionJson(fact, noneAllowed(fact));
export const valueJson = (fact: ValueDomain & Absence): Json => factType(fact).valueJson(fact, noneAllowed(fact));

/** Example conditions for an editor: one on the first fact of each type (in the order the schema files show them). */
export function conditionExamples(facts: ReadonlyArray<ValueDomain & { id: string }>): Json[] {
  const examples: Json[] = [];
  for (const type of [booleanType, enumType, integerType, dateType] as Array<AnyFactType<ValueDomain>>) {
    const fact = facts.find((f) => factType(f) === type);
    if (fact) examples.push(type.example(fact));
  }
  return examples;
}

// --- words ---------------------------------------------------------------------------------

/** A whole domain in a reader's words, e.g. a setting's allowed values in the book: `1–104`. */
export const domainText = (domain: ValueDomain, words: DomainWords): string => factType(domain).domainText(domain, words);

/** The title of a value in a reader's language, where the vocabulary gives one (`valueTitles`). */
export type ValueTitle = (value: string) => string | undefined;

/** One value as a reader sees it: yes/no for truth values, the words for none, its title where it has one, else as written. */
export function valueWords(value: FactValue, words: ValueWords, title?: ValueTitle): string {
  if (value === null) return words.none;
  if (value === true) return words.yes;
  if (value === false) return words.no;
  return (typeof value === 'string' ? title?.(value) : undefined) ?? String(value);
}

/**
 * A set of values of a fact, after its name: "is at least 2", "is serious or death", or the
 * shorter side, "is not minor". `intervals` are the analysis intervals the values stand for.
 */
export function valueSetWords(
  fact: (ValueDomain & Absence) | undefined,
  set: { values: readonly FactValue[]; intervals?: readonly string[] },
  words: ValueSetWords,
  title?: ValueTitle,
): string {
  if (set.intervals) {
    // Only an ordered type has intervals; a fact the context lacks is read by the shape of its intervals.
    const type = fact ? factType(fact) : set.intervals.some((i) => /^\d{4}-\d{2}-\d{2}/.test(i)) ? dateType : integerType;
    return words.either(type.intervalPhrases?.(fact as never, set.intervals, words) ?? []);
  }
  const all = fact ? factType(fact).finiteValues(fact) : [];
  if (fact && noneAllowed(fact)) all.push(null);
  const missing = all.filter((v) => !set.values.includes(v));
  // Say the shorter side: "is not death" rather than "is none, minor or serious".
  if (missing.length > 0 && missing.length < set.values.length)
    return `${words.isNot} ${words.either(missing.map((v) => valueWords(v, words, title)))}`;
  return `${words.is} ${words.either(set.values.map((v) => valueWords(v, words, title)))}`;
}

/**
 * The values an explanation changes a fact to, after the fact's name ("were yes", "were phone or
 * chat", "were at least 1"): the whole interval when one value stands for one (see
 * `FactType.nearestValues`). Never the shorter side ("were not …"): the values listed may be
 * only some of those that would do.
 */
export function changedValueWords(
  fact: (ValueDomain & Absence) | undefined,
  values: readonly FactValue[],
  interval: readonly [number, number] | undefined,
  words: ValueSetWords,
  title?: ValueTitle,
): string {
  if (interval && values.length === 1) return valueSetWords(fact, { values, intervals: [intervalName(interval)] }, words, title);
  return `${words.is} ${words.either(values.map((value) => valueWords(value, words, title)))}`;
}
