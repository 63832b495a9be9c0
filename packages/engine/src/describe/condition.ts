/**
 * Conditions as sentences a reader without programming knowledge can follow, in the words of
 * each language (`words/`): "the grave incident is yes, or earlier incidents is at least 1 and written warning
 * given is yes". Built from the checked AST and the vocabulary's titles only, so it says exactly
 * what the engine evaluates and nothing about any particular domain.
 */
import { factType, noneAllowed, orderedKeywords, valueWords, type ValueTitle } from '../fact-types/index.js';
import type { CompareOperator, ConditionNode, FactModel, FactValue, PointModel, PolicySetModel, Text } from '../model.js';
import { capitalize, langOf, textIn, wordsFor } from '../words/index.js';

/** The sentence pieces of a language; any language without words of its own gets English. */
const sentenceIn = (lang: string) => wordsFor(langOf(lang)).sentence;

export interface DescribeContext {
  facts: ReadonlyMap<string, FactModel>;
  /** Named conditions by qualified name, with their titles (shown instead of being expanded). */
  named: ReadonlyMap<string, { title?: Text; when: ConditionNode }>;
  /** Titles of the vocabulary's outcomes and limits, so sentences name them as a reader knows them (else by id). */
  titles?: { outcomes: ReadonlyMap<string, Text>; limits: ReadonlyMap<string, Text> };
}

/** What describing a condition needs to know: the facts, and the named conditions of a point (or of every point). */
export function describeContext(model: PolicySetModel, point?: PointModel): DescribeContext {
  const named = new Map<string, { title?: Text; when: ConditionNode }>();
  for (const p of point ? [point] : model.points) {
    for (const policy of p.policies) for (const c of policy.conditions) named.set(c.qualified, { title: c.title, when: c.when });
  }
  return {
    facts: new Map(model.facts.map((f) => [f.id, f])),
    named,
    titles: {
      outcomes: new Map(model.outcomes.map((o) => [o.id, o.title])),
      limits: new Map(model.limits.map((l) => [l.id, l.title])),
    },
  };
}

/** An outcome or limit by its title in the language (its id when it has none). */
export function titleIn(kind: 'outcomes' | 'limits', id: string, context: DescribeContext | undefined, lang: string): string {
  const title = context?.titles?.[kind].get(id);
  return title ? textIn(title, lang) : id;
}

/** Lower-cases a title's first letter inside a sentence, unless it starts an acronym (ASYS, NAV). */
function inSentence(title: string): string {
  if (title.length > 1 && title[1] === title[1]!.toUpperCase() && /[A-ZÆØÅ]/.test(title[1]!)) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

export function factName(fact: string, context: DescribeContext, lang: string): string {
  const title = textIn(context.facts.get(fact)?.title, lang);
  return title ? inSentence(title) : fact;
}

/** A value's title in `lang` from the fact's `valueTitles`, lower-cased inside a sentence. */
export function valueTitleOf(fact: FactModel | undefined, lang: string, inSentenceCase = false): ValueTitle {
  return (value) => {
    const title = textIn(fact?.valueTitles?.[value], lang);
    if (!title) return undefined;
    return inSentenceCase ? inSentence(title) : title;
  };
}

/** One value as a reader sees it: yes/no for booleans, "not given" for none, the vocabulary's title of the fact's value, else as written. */
export function valueText(value: FactValue, lang: string, fact?: FactModel): string {
  return valueWords(value, wordsFor(langOf(lang)).values, valueTitleOf(fact, lang));
}

/** A value inside a sentence: as `valueText`, with a title's first letter lower-cased ("type of incident is physical violence"). */
function valueInSentence(value: FactValue, lang: string, fact?: FactModel): string {
  return valueWords(value, wordsFor(langOf(lang)).values, valueTitleOf(fact, lang, true));
}

/** "a, b or c" */
export function listText(values: readonly string[], joiner: 'and' | 'or', lang: string): string {
  const word = sentenceIn(lang)[joiner];
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${word} ${values[values.length - 1]}`;
}

const negated: Partial<Record<CompareOperator, CompareOperator>> = {
  eq: 'ne',
  ne: 'eq',
  in: 'notIn',
  notIn: 'in',
  gte: 'lt',
  lt: 'gte',
  lte: 'gt',
  gt: 'lte',
};

function testSentence(
  node: Extract<ConditionNode, { kind: 'test' }>,
  context: DescribeContext,
  lang: string,
  op: CompareOperator = node.op,
): string {
  const w = sentenceIn(lang);
  const name = factName(node.fact, context, lang);
  const values = Array.isArray(node.value) ? node.value : [node.value];
  const shown = values.map((v) => valueInSentence(v, lang, context.facts.get(node.fact)));
  const setting = node.setting ? ` (${w.setting} ${node.setting})` : '';
  switch (op) {
    case 'eq':
      return `${name} ${w.is} ${shown[0]}`;
    case 'ne': {
      // "is not yes" reads badly; a fact that takes the other truth value and cannot be absent simply has it.
      const fact = context.facts.get(node.fact);
      if (typeof node.value === 'boolean' && fact && !noneAllowed(fact) && factType(fact).finiteValues(fact).includes(!node.value))
        return `${name} ${w.is} ${valueText(!node.value, lang)}`;
      return `${name} ${w.isNot} ${shown[0]}`;
    }
    case 'in':
      return `${name} ${w.is} ${listText(shown, 'or', lang)}`;
    case 'notIn':
      return shown.length === 1 ? `${name} ${w.isNot} ${shown[0]}` : `${name} ${w.noneOf} ${listText(shown, 'or', lang)}`;
    case 'gte':
    case 'lte':
    case 'gt':
    case 'lt': {
      // Each ordered type has its words: "is at least 2", "is on or after 2021-07-01".
      const fact = context.facts.get(node.fact);
      const keyword = (fact && orderedKeywords(fact)?.[op]) ?? ({ gte: 'atLeast', lte: 'atMost', gt: 'above', lt: 'below' } as const)[op];
      return `${name} ${w[keyword]} ${shown[0]}${setting}`;
    }
  }
}

/**
 * The sentence for a condition. Named conditions appear by their title in quotes (the book
 * lists each one's own sentence), unless `expand` is set. A nested group of the other kind is
 * bracketed, so "a, or b and c" cannot be read two ways.
 */
export function describeCondition(
  node: ConditionNode,
  context: DescribeContext,
  lang: string,
  options: { expand?: boolean } = {},
  depth = 0,
): string {
  const w = sentenceIn(lang);
  if (depth > 32) return '…';
  const inner = (item: ConditionNode, parent: 'all' | 'any'): string => {
    const text = describeCondition(item, context, lang, options, depth + 1);
    return (item.kind === 'all' || item.kind === 'any') && item.kind !== parent && item.items.length > 1 ? `(${text})` : text;
  };
  switch (node.kind) {
    case 'const': {
      // A setting test was folded to a constant by the checker; say which setting and how it stands.
      const setting = /^setting (\S+) is (.+)$/.exec(node.origin);
      if (setting) {
        return w.settingHolds(setting[1]!, setting[2]!, valueText(node.value, lang));
      }
      return node.origin === 'always' ? w.always : `${node.value ? w.always : w.never} (${node.origin})`;
    }
    case 'test':
      return testSentence(node, context, lang);
    case 'all':
    case 'any': {
      const parts = node.items.map((item) => inner(item, node.kind));
      return listText(parts, node.kind === 'all' ? 'and' : 'or', lang);
    }
    case 'not': {
      const op = node.item.kind === 'test' ? negated[node.item.op] : undefined;
      if (node.item.kind === 'test' && op) return testSentence(node.item, context, lang, op);
      // Bracket a group, so "not (a or b)" cannot be read as "(not a) or b".
      const negatedText = describeCondition(node.item, context, lang, options, depth + 1);
      const group = (node.item.kind === 'all' || node.item.kind === 'any') && node.item.items.length > 1;
      return `${w.not} ${group ? `(${negatedText})` : negatedText}`;
    }
    case 'ref': {
      const target = context.named.get(node.qualified);
      if (options.expand && target) return describeCondition(target.when, context, lang, options, depth + 1);
      const title = textIn(target?.title, lang);
      return title ? `«${inSentence(title)}»` : `«${node.name}»`;
    }
  }
}

/** "When …", capitalised, for a rule's condition; null conditions are `otherwise`. */
export function describeWhen(node: ConditionNode | null, context: DescribeContext, lang: string): string {
  const w = sentenceIn(lang);
  if (node === null) return capitalize(w.otherwise);
  if (node.kind === 'const' && node.value && node.origin === 'always') return capitalize(w.always);
  return `${capitalize(w.when)} ${describeCondition(node, context, lang)}`;
}
