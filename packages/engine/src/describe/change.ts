/**
 * Sentences for the semantic diff: a group of fact combinations ("when grave incident is no and
 * earlier incidents is at least 2") and what changed for them ("exclusion-physical goes from
 * not-permitted to permitted").
 */
import type { DecisionChange, FactConstraint, OutcomeState, StateDelta } from '../analyze/diff.js';
import { valueSetWords, type ValueSetWords } from '../fact-types/index.js';
import { capitalize, langOf, statusWord, wordsFor } from '../words/index.js';
import { factName, listText, titleIn, valueTitleOf, type DescribeContext } from './condition.js';

/**
 * The words for a set of values in a language, with the verbs of the sentence they stand in ("is",
 * or "were"); the words for dates are the sentence's own unless given.
 */
export function valueSetWordsIn(
  lang: string,
  verbs: Pick<ValueSetWords, 'is' | 'isNot' | 'atLeast' | 'atMost' | 'between'> & Partial<Pick<ValueSetWords, 'onOrAfter' | 'before'>>,
): ValueSetWords {
  const w = wordsFor(langOf(lang));
  return {
    yes: w.values.yes,
    no: w.values.no,
    none: w.values.none,
    onOrAfter: w.sentence.onOrAfter,
    before: w.sentence.before,
    ...verbs,
    either: (phrases) => listText(phrases, 'or', lang),
  };
}

/** "grave incident is no", "organisation is nav-office or nav-contact-centre", "earlier incidents is at least 2". */
export function describeConstraint(constraint: FactConstraint, context: DescribeContext, lang: string): string {
  const w = wordsFor(langOf(lang));
  const { is, isNot, atLeast, atMost } = w.sentence;
  const setWords = valueSetWordsIn(lang, { is, isNot, atLeast, atMost, between: w.diff.between });
  return `${factName(constraint.fact, context, lang)} ${valueSetWords(context.facts.get(constraint.fact), constraint, setWords, valueTitleOf(context.facts.get(constraint.fact), lang, true))}`;
}

/** "When a and b" for one group; "For every combination" when nothing is constrained. */
export function describeGroup(constraints: readonly FactConstraint[], context: DescribeContext, lang: string): string {
  const w = wordsFor(langOf(lang));
  if (constraints.length === 0) return w.diff.always;
  return `${capitalize(w.sentence.when)} ${listText(
    constraints.map((c) => describeConstraint(c, context, lang)),
    'and',
    lang,
  )}`;
}

/** "permitted (requires a, b; limits maxWeeks = 12)", the requirements and limits by title when the context has them. */
export function describeState(state: OutcomeState, lang: string, context?: DescribeContext): string {
  const w = wordsFor(langOf(lang));
  const extras: string[] = [];
  if (state.requires?.length)
    extras.push(`${w.labels.requires} ${state.requires.map((id) => titleIn('outcomes', id, context, lang)).join(', ')}`);
  if (state.limits)
    extras.push(
      `${w.labels.limits} ${Object.entries(state.limits)
        .map(([k, v]) => `${titleIn('limits', k, context, lang)} = ${v}`)
        .join(', ')}`,
    );
  const status = statusWord(state.status, w, 'term');
  return extras.length ? `${status} (${extras.join('; ')})` : status;
}

/** "maxWeeks 12 → 8; now also requires x; no longer requires y", by title when the context has them. */
export function describeDelta(delta: StateDelta, lang: string, context?: DescribeContext): string {
  const w = wordsFor(langOf(lang));
  const titles = (ids: readonly string[]) => ids.map((id) => titleIn('outcomes', id, context, lang)).join(', ');
  const parts = Object.entries(delta.limits ?? {}).map(
    ([k, { from, to }]) => `${titleIn('limits', k, context, lang)} ${from ?? w.diff.unset} → ${to ?? w.diff.unset}`,
  );
  if (delta.requiresAdded?.length) parts.push(`${w.diff.alsoRequires} ${titles(delta.requiresAdded)}`);
  if (delta.requiresRemoved?.length) parts.push(`${w.diff.noLongerRequires} ${titles(delta.requiresRemoved)}`);
  return parts.join('; ');
}

/** One line per group: "When …: exclusion-physical goes from not-permitted to permitted". */
export function describeChange(change: DecisionChange, context: DescribeContext, lang: string): string[] {
  const w = wordsFor(langOf(lang));
  const outcome = titleIn('outcomes', change.outcome, context, lang);
  const effect = change.delta
    ? `${w.diff.stays(outcome, describeState(change.from, lang, context))}: ${describeDelta(change.delta, lang, context)}`
    : w.diff.goes(outcome, describeState(change.from, lang, context), describeState(change.to, lang, context));
  return change.when.map((group) => `${describeGroup(group, context, lang)}: ${effect}`);
}
