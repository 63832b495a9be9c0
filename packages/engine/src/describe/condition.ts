/**
 * Conditions as sentences a reader without programming knowledge can follow, in bokmål and
 * English: "the grave incident is yes, or earlier incidents is at least 1 and written warning
 * given is yes". Built from the checked AST and the vocabulary's titles only, so it says exactly
 * what the engine evaluates and nothing about any particular domain.
 */
import type { CompareOperator, ConditionNode, FactModel, FactValue, PointModel, PolicySetModel, Text } from '../model.js';

/** The languages sentences are written in; any other language falls back to English. */
export type SentenceLang = 'nb' | 'en';

export interface DescribeContext {
  facts: ReadonlyMap<string, FactModel>;
  /** Named conditions by qualified name, with their titles (shown instead of being expanded). */
  named: ReadonlyMap<string, { title?: Text; when: ConditionNode }>;
}

/** What describing a condition needs to know: the facts, and the named conditions of a point (or of every point). */
export function describeContext(model: PolicySetModel, point?: PointModel): DescribeContext {
  const named = new Map<string, { title?: Text; when: ConditionNode }>();
  for (const p of point ? [point] : model.points) {
    for (const policy of p.policies) for (const c of policy.conditions) named.set(c.qualified, { title: c.title, when: c.when });
  }
  return { facts: new Map(model.facts.map((f) => [f.id, f])), named };
}

const words = {
  nb: {
    and: 'og',
    or: 'eller',
    yes: 'ja',
    no: 'nei',
    none: 'ikke oppgitt',
    always: 'alltid',
    never: 'aldri',
    is: 'er',
    isNot: 'er ikke',
    noneOf: 'er ingen av',
    atLeast: 'er minst',
    atMost: 'er høyst',
    above: 'er mer enn',
    below: 'er mindre enn',
    not: 'det er ikke slik at',
    setting: 'innstillingen',
  },
  en: {
    and: 'and',
    or: 'or',
    yes: 'yes',
    no: 'no',
    none: 'not given',
    always: 'always',
    never: 'never',
    is: 'is',
    isNot: 'is not',
    noneOf: 'is none of',
    atLeast: 'is at least',
    atMost: 'is at most',
    above: 'is more than',
    below: 'is less than',
    not: 'it is not the case that',
    setting: 'setting',
  },
} as const;

export const sentenceWords = words;

const langOf = (lang: string): SentenceLang => (lang === 'nb' ? 'nb' : 'en');

/** A text in the wanted language, falling back to the other. */
export function textIn(text: Text | undefined, lang: string): string {
  const l = langOf(lang);
  return text?.[l] ?? text?.en ?? text?.nb ?? '';
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

/** One value as a reader sees it: yes/no for booleans, "not given" for none, ids as written. */
export function valueText(value: FactValue, lang: string): string {
  const w = words[langOf(lang)];
  if (value === null) return w.none;
  if (value === true) return w.yes;
  if (value === false) return w.no;
  return String(value);
}

/** "a, b or c" */
export function listText(values: readonly string[], joiner: 'and' | 'or', lang: string): string {
  const word = words[langOf(lang)][joiner];
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
  const w = words[langOf(lang)];
  const name = factName(node.fact, context, lang);
  const values = Array.isArray(node.value) ? node.value : [node.value];
  const shown = values.map((v) => valueText(v, lang));
  const setting = node.setting ? ` (${w.setting} ${node.setting})` : '';
  switch (op) {
    case 'eq':
      return `${name} ${w.is} ${shown[0]}`;
    case 'ne': {
      // "is not yes" reads badly; a boolean that cannot be absent is simply the other value.
      const fact = context.facts.get(node.fact);
      if (typeof node.value === 'boolean' && fact?.type === 'boolean' && !(fact.hasDefault && fact.default === null))
        return `${name} ${w.is} ${valueText(!node.value, lang)}`;
      return `${name} ${w.isNot} ${shown[0]}`;
    }
    case 'in':
      return `${name} ${w.is} ${listText(shown, 'or', lang)}`;
    case 'notIn':
      return shown.length === 1 ? `${name} ${w.isNot} ${shown[0]}` : `${name} ${w.noneOf} ${listText(shown, 'or', lang)}`;
    case 'gte':
      return `${name} ${w.atLeast} ${shown[0]}${setting}`;
    case 'lte':
      return `${name} ${w.atMost} ${shown[0]}${setting}`;
    case 'gt':
      return `${name} ${w.above} ${shown[0]}${setting}`;
    case 'lt':
      return `${name} ${w.below} ${shown[0]}${setting}`;
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
  const l = langOf(lang);
  const w = words[l];
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
        const held = valueText(node.value, lang);
        return l === 'nb'
          ? `innstillingen ${setting[1]} er ${setting[2]} (gjelder nå: ${held})`
          : `the setting ${setting[1]} is ${setting[2]} (in force: ${held})`;
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

/** "When …" / "Når …", capitalised, for a rule's condition; null conditions are `otherwise`. */
export function describeWhen(node: ConditionNode | null, context: DescribeContext, lang: string): string {
  const l = langOf(lang);
  if (node === null) return l === 'nb' ? 'Ellers' : 'Otherwise';
  if (node.kind === 'const' && node.value && node.origin === 'always') return l === 'nb' ? 'Alltid' : 'Always';
  return `${l === 'nb' ? 'Når' : 'When'} ${describeCondition(node, context, lang)}`;
}
