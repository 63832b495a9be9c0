/**
 * What a fact type owns: everything the engine knows about facts (and settings) of one type,
 * from its declaration in vocabulary.yaml to the words the book uses for its values. Each type
 * is one module (enum.ts, boolean.ts, integer.ts) implementing `FactType`; index.ts holds the
 * union of their domains and the registry every other stage asks. Nothing outside this folder
 * branches on a fact's `type`.
 *
 * zod is handed in where a schema is built: the decision runtime imports this folder and must
 * not load zod (runtime.test.ts).
 */
import type { z } from 'zod';
import type { DiagnosticInput } from '../diagnostics.js';
import type { PathSegment } from '../load/parse.js';
import type { CompareOperator, FactValue } from '../model.js';

export type Zod = typeof z;

/** The ordering operators, which only ordered types take. */
export type OrderingOperator = 'gte' | 'lte' | 'gt' | 'lt';
/** How a condition writes an ordering operator in YAML, by the type of its fact. */
export type OrderedKeyword = 'atLeast' | 'atMost' | 'above' | 'below' | 'onOrAfter' | 'onOrBefore' | 'after' | 'before';
export type Json = Record<string, unknown>;

/** The words a reader sees for the values every type can take (the caller's language). */
export interface ValueWords {
  yes: string;
  no: string;
  /** An absent fact whose absence means none. */
  none: string;
}

/** The words for a set of values, as the diff says it ("is at least 2", "is not minor or serious"). */
export interface ValueSetWords extends ValueWords {
  is: string;
  isNot: string;
  atLeast: string;
  atMost: string;
  /** For dates: "is on or after", "is before". */
  onOrAfter: string;
  before: string;
  between: (from: string, to: string) => string;
  /** "a, b or c" */
  either: (phrases: readonly string[]) => string;
}

/** The words for a whole domain, as the book lists a setting's allowed values. */
export interface DomainWords {
  /** A closed range, e.g. `1–104`. */
  range: (min: string, max: string) => string;
  /** Both truth values, e.g. `true/false`. */
  truthValues: string;
  /** A list of values, e.g. `a, b, c` (escaped by the caller's format). */
  list: (values: readonly string[]) => string;
}

/** The parts of a declaration schema that documents.ts shares between fact and setting declarations. */
export interface DeclarationParts<Base extends z.ZodRawShape> {
  z: Zod;
  /** The fields every declaration has (id, title, description; basis for a setting). */
  base: Base;
  kebabId: z.ZodString;
}

/** Reports a problem of one declaration, at a path inside it. */
export interface DeclarationReporter {
  report(path: readonly PathSegment[], problem: Omit<DiagnosticInput, 'file'>): void;
  /** The path of a place inside the declaration as the document writes it, e.g. `facts[3].max`. */
  pathText(path: readonly PathSegment[]): string;
}

/** A checked declaration: the type's own fields of the model, and the default when one was given and fits. */
export interface Declared<Fields> {
  fields: Fields;
  default?: FactValue;
}

/** The values exhaustive analysis enumerates, smallest first; intervals where one value stands for many. */
export interface AnalysisValues {
  values: FactValue[];
  intervals?: string[];
}

/**
 * A value a why-not explanation may change a fact to, with the analysis class it stands for
 * when the class holds more than one value (an integer's interval, e.g. `[2, 1000]`).
 */
export interface NearValue {
  value: FactValue;
  interval?: readonly [number, number];
}

/** How the what-if page asks for a value: a list to pick from, or an input element's attributes. */
export type FormField = { kind: 'select'; options: FactValue[] } | { kind: 'input'; attributes: Record<string, string> };

/** A fact's or setting's domain of this type, with `none`: whether absence means none (facts only). */
export interface FactType<D extends { type: string }, FactInput = unknown, SettingInput = unknown> {
  readonly name: D['type'];

  // --- declarations (vocabulary.yaml, settings.yaml) ------------------------------------------
  /** A fact declaration's own fields checked: the domain, and the default against it. */
  declareFact(input: FactInput & { id: string }, reporter: DeclarationReporter): Declared<Omit<D, 'type'>>;
  /** A setting declaration's own fields checked: the domain, and the default against it. */
  declareSetting(input: SettingInput & { id: string }, reporter: DeclarationReporter): Omit<D, 'type'>;

  // --- values from a host ------------------------------------------------------------------
  /** A compiled check of a host's value (absence and none are judged by the caller). */
  hostValue(domain: D, maxStringLength: number): (value: unknown) => boolean;
  /** The domain in the words of a diagnostic's `expected`, e.g. `a whole number from 0 to 10`. */
  expected(domain: D): string;
  /** A close value to suggest for a wrong one, if the type has a list to look in. */
  suggestion(domain: D, value: unknown): string | undefined;
  /** The zod schema of a value (the reference of `hostValue`). */
  zod(domain: D, z: Zod): z.ZodType;

  // --- settings ------------------------------------------------------------------------------
  /** Whether a value a host sets for a setting lies in its domain. */
  settingFits(domain: D, value: unknown): boolean;
  /** The domain as `setting-out-of-range` says it, e.g. `range 1 to 104`. */
  settingRange(domain: D): string;
  /** Whether `{ setting, is: raw }` compares the setting with a value of its type. */
  settingLiteralFits(domain: D, raw: unknown): boolean;
  /** Whether the value is a number a limit or a comparison can take (a setting may stand for it). */
  readonly numeric: boolean;

  // --- conditions in YAML --------------------------------------------------------------------
  /** The operators that apply: the ordering ones only for ordered types. */
  readonly operators: ReadonlySet<CompareOperator>;
  /** An ordered type's words for its ordering operators in YAML (`atLeast` for numbers, `onOrAfter` for dates). */
  readonly orderedKeywords?: Readonly<Record<OrderingOperator, OrderedKeyword>>;
  /** What the type is, in `operator-not-for-type`, e.g. `yes/no`. */
  readonly kindText: string;
  /** A literal a condition compares the fact with, or undefined when it is not one of the type. */
  literal(domain: D, raw: unknown): FactValue | undefined;
  /** Every literal, when the type has a short list of them (diagnostics list them). */
  literals(domain: D): FactValue[] | undefined;
  /** A hint for a wrong literal that is not a string. */
  literalHelp?: string;

  // --- analysis ------------------------------------------------------------------------------
  /** The values at which a test `fact op value` can change its answer (none for an unordered type). */
  cuts(op: CompareOperator, value: FactValue): FactValue[];
  /** The values to enumerate, cut where conditions compare the fact (`cuts`); `none` adds null. */
  analysisValues(domain: D, cuts: ReadonlySet<FactValue>, none: boolean): AnalysisValues;
  /** How many values the domain has, without reduction. */
  size(domain: D): number;
  /** The domain's fields covering both sides of a diff. */
  unite(head: D, base: D): Omit<D, 'type'>;

  // --- why-not explanations ------------------------------------------------------------------
  /**
   * The values an explanation tries in place of `current`, nearest first: for each analysis
   * class (`analysisValues` cut at `cuts`) other than the one `current` is in, the value of that
   * class nearest to `current`. What "nearest" means is the type's: a number's distance, an
   * enum's declared order, the other truth value. `none` (null) is offered where `none` allows it.
   */
  nearestValues(domain: D, cuts: ReadonlySet<FactValue>, none: boolean, current: FactValue): NearValue[];

  // --- the editor's JSON Schema --------------------------------------------------------------
  /** The values `is`, `isNot`, `in` and `notIn` accept for the fact. */
  conditionJson(domain: D, none: boolean): Json;
  /** The value a scenario (or a host) passes. */
  valueJson(domain: D, none: boolean): Json;
  /** A condition on a fact of this type, for the editor's examples. */
  example(fact: D & { id: string }): Json;

  // --- generated TypeScript ------------------------------------------------------------------
  /** The TypeScript type of a value; `union` writes string literals as a union type. */
  typeScript(domain: D, union: (values: readonly string[]) => string): string;
  /** A sentence about the domain for the doc comment, if the type needs one. */
  typeComment?(domain: D): string;

  // --- words ---------------------------------------------------------------------------------
  /** Every value a set of values can be compared with, for saying the shorter side ([] when too many). */
  finiteValues(domain: D): FactValue[];
  /** Phrases for analysis intervals (`2..4`, `5..1000`), merged into ranges. */
  intervalPhrases?(domain: D | undefined, intervals: readonly string[], words: ValueSetWords): string[];
  /** The whole domain, as the book lists a setting's allowed values. */
  domainText(domain: D, words: DomainWords): string;

  // --- the what-if page ----------------------------------------------------------------------
  /** The field for a fact (its default preselected; the page adds `none` where absence means none). */
  formField(fact: D & { hasDefault: boolean; default?: FactValue }): FormField;
  /** The value of a form field's text (never empty: empty is none). */
  fromForm(raw: string): FactValue;
}

/**
 * Analysis intervals (`2`, `2..4`, `2017-01-01..2021-06-30`, `none`) merged into runs of
 * adjacent intervals, for an ordered type to say as ranges; `follows(end, start)` says whether an
 * interval starting at `start` continues one ending at `end`. `none` is said on its own.
 */
export function intervalRuns<T>(
  intervals: readonly string[],
  parse: (text: string) => T,
  follows: (end: T, start: T) => boolean,
): { runs: Array<[T, T]>; none: boolean } {
  const runs: Array<[T, T]> = [];
  let none = false;
  for (const interval of intervals) {
    if (interval === 'none') {
      none = true;
      continue;
    }
    const [start, end = start] = interval.split('..').map(parse) as [T, T?];
    const last = runs[runs.length - 1];
    if (last && follows(last[1], start)) last[1] = end!;
    else runs.push([start, end!]);
  }
  return { runs, none };
}
