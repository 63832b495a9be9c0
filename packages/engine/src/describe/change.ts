/**
 * Sentences for the semantic diff: a group of fact combinations ("when grave incident is no and
 * earlier incidents is at least 2") and what changed for them ("exclusion-physical goes from
 * not-permitted to permitted").
 */
import type { DecisionChange, FactConstraint, OutcomeState, StateDelta } from '../analyze/diff.js';
import { capitalize, langOf, wordsFor } from '../words/index.js';
import { factName, listText, valueText, type DescribeContext } from './condition.js';

/** Integer intervals (`2`, `2..4`, `none`) merged into runs and said as ranges. */
function intervalText(constraint: FactConstraint, context: DescribeContext, lang: string): string[] {
  const w = wordsFor(langOf(lang));
  const fact = context.facts.get(constraint.fact);
  const runs: Array<[number, number]> = [];
  const parts: string[] = [];
  for (const interval of constraint.intervals!) {
    if (interval === 'none') {
      parts.push(`${w.sentence.is} ${valueText(null, lang)}`);
      continue;
    }
    const [start, end = start] = interval.split('..').map(Number) as [number, number?];
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === start) last[1] = end!;
    else runs.push([start, end!]);
  }
  const min = fact?.min ?? -Infinity;
  const max = fact?.max ?? Infinity;
  const ranges = runs.map(([a, b]) =>
    a === b
      ? `${w.sentence.is} ${a}`
      : b >= max
        ? `${w.sentence.atLeast} ${a}`
        : a <= min
          ? `${w.sentence.atMost} ${b}`
          : w.diff.between(String(a), String(b)),
  );
  return [...ranges, ...parts];
}

/** "grave incident is no", "organisation is nav-office or nav-contact-centre", "earlier incidents is at least 2". */
export function describeConstraint(constraint: FactConstraint, context: DescribeContext, lang: string): string {
  const w = wordsFor(langOf(lang));
  const name = factName(constraint.fact, context, lang);
  if (constraint.intervals) return `${name} ${listText(intervalText(constraint, context, lang), 'or', lang)}`;
  const fact = context.facts.get(constraint.fact);
  const all = fact?.type === 'boolean' ? [false, true] : fact?.type === 'enum' ? [...(fact.values ?? [])] : [];
  if (fact?.hasDefault && fact.default === null) all.push(null as never);
  const missing = all.filter((v) => !constraint.values.includes(v));
  // Say the shorter side: "is not death" rather than "is none, minor or serious".
  if (missing.length > 0 && missing.length < constraint.values.length)
    return `${name} ${w.sentence.isNot} ${listText(
      missing.map((v) => valueText(v, lang)),
      'or',
      lang,
    )}`;
  return `${name} ${w.sentence.is} ${listText(
    constraint.values.map((v) => valueText(v, lang)),
    'or',
    lang,
  )}`;
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

/** "permitted (requires a, b; limits maxWeeks = 12)" */
export function describeState(state: OutcomeState, lang: string): string {
  const w = wordsFor(langOf(lang));
  const extras: string[] = [];
  if (state.requires?.length) extras.push(`${w.labels.requires} ${state.requires.join(', ')}`);
  if (state.limits)
    extras.push(
      `${w.labels.limits} ${Object.entries(state.limits)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`,
    );
  const status = state.status === 'absent' ? w.absent : w.statusTerms[state.status];
  return extras.length ? `${status} (${extras.join('; ')})` : status;
}

/** "maxWeeks 12 → 8; now also requires x; no longer requires y" */
export function describeDelta(delta: StateDelta, lang: string): string {
  const w = wordsFor(langOf(lang));
  const parts = Object.entries(delta.limits ?? {}).map(([k, { from, to }]) => `${k} ${from ?? w.diff.unset} → ${to ?? w.diff.unset}`);
  if (delta.requiresAdded?.length) parts.push(`${w.diff.alsoRequires} ${delta.requiresAdded.join(', ')}`);
  if (delta.requiresRemoved?.length) parts.push(`${w.diff.noLongerRequires} ${delta.requiresRemoved.join(', ')}`);
  return parts.join('; ');
}

/** One line per group: "When …: exclusion-physical goes from not-permitted to permitted". */
export function describeChange(change: DecisionChange, context: DescribeContext, lang: string): string[] {
  const w = wordsFor(langOf(lang));
  const effect = change.delta
    ? `${w.diff.stays(change.outcome, describeState(change.from, lang))}: ${describeDelta(change.delta, lang)}`
    : w.diff.goes(change.outcome, describeState(change.from, lang), describeState(change.to, lang));
  return change.when.map((group) => `${describeGroup(group, context, lang)}: ${effect}`);
}
