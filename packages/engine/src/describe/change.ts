/**
 * Sentences for the semantic diff: a group of fact combinations ("when grave incident is no and
 * earlier incidents is at least 2") and what changed for them ("exclusion-physical goes from
 * not-permitted to permitted").
 */
import type { DecisionChange, FactConstraint, OutcomeState, StateDelta } from '../analyze/diff.js';
import { factName, listText, valueText, type DescribeContext, type SentenceLang } from './condition.js';

const words = {
  nb: {
    is: 'er',
    isNot: 'er ikke',
    atLeast: 'er minst',
    atMost: 'er høyst',
    between: (a: string, b: string) => `er fra ${a} til ${b}`,
    and: 'og',
    when: 'Når',
    always: 'For alle kombinasjoner',
    goes: (o: string, a: string, b: string) => `${o} går fra ${a} til ${b}`,
    stays: (o: string, a: string) => `${o} er fortsatt ${a}`,
    alsoRequires: 'krever nå også',
    noLongerRequires: 'krever ikke lenger',
    unset: 'ingen',
    absent: 'ikke med',
    requires: 'krever',
    limits: 'grenser',
    statuses: { required: 'påkrevd', recommended: 'anbefalt', permitted: 'tillatt', 'not-permitted': 'ikke tillatt' },
  },
  en: {
    is: 'is',
    isNot: 'is not',
    atLeast: 'is at least',
    atMost: 'is at most',
    between: (a: string, b: string) => `is from ${a} to ${b}`,
    and: 'and',
    when: 'When',
    always: 'For every combination',
    goes: (o: string, a: string, b: string) => `${o} goes from ${a} to ${b}`,
    stays: (o: string, a: string) => `${o} stays ${a}`,
    alsoRequires: 'now also requires',
    noLongerRequires: 'no longer requires',
    unset: 'none',
    absent: 'absent',
    requires: 'requires',
    limits: 'limits',
    statuses: { required: 'required', recommended: 'recommended', permitted: 'permitted', 'not-permitted': 'not-permitted' },
  },
} as const;

const langOf = (lang: string): SentenceLang => (lang === 'nb' ? 'nb' : 'en');

/** Integer intervals (`2`, `2..4`, `none`) merged into runs and said as ranges. */
function intervalText(constraint: FactConstraint, context: DescribeContext, lang: string): string[] {
  const w = words[langOf(lang)];
  const fact = context.facts.get(constraint.fact);
  const runs: Array<[number, number]> = [];
  const parts: string[] = [];
  for (const interval of constraint.intervals!) {
    if (interval === 'none') {
      parts.push(`${w.is} ${valueText(null, lang)}`);
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
    a === b ? `${w.is} ${a}` : b >= max ? `${w.atLeast} ${a}` : a <= min ? `${w.atMost} ${b}` : w.between(String(a), String(b)),
  );
  return [...ranges, ...parts];
}

/** "grave incident is no", "organisation is nav-office or nav-contact-centre", "earlier incidents is at least 2". */
export function describeConstraint(constraint: FactConstraint, context: DescribeContext, lang: string): string {
  const w = words[langOf(lang)];
  const name = factName(constraint.fact, context, lang);
  if (constraint.intervals) return `${name} ${listText(intervalText(constraint, context, lang), 'or', lang)}`;
  const fact = context.facts.get(constraint.fact);
  const all = fact?.type === 'boolean' ? [false, true] : fact?.type === 'enum' ? [...(fact.values ?? [])] : [];
  if (fact?.hasDefault && fact.default === null) all.push(null as never);
  const missing = all.filter((v) => !constraint.values.includes(v));
  // Say the shorter side: "is not death" rather than "is none, minor or serious".
  if (missing.length > 0 && missing.length < constraint.values.length)
    return `${name} ${w.isNot} ${listText(
      missing.map((v) => valueText(v, lang)),
      'or',
      lang,
    )}`;
  return `${name} ${w.is} ${listText(
    constraint.values.map((v) => valueText(v, lang)),
    'or',
    lang,
  )}`;
}

/** "When a and b" for one group; "For every combination" when nothing is constrained. */
export function describeGroup(constraints: readonly FactConstraint[], context: DescribeContext, lang: string): string {
  const w = words[langOf(lang)];
  if (constraints.length === 0) return w.always;
  return `${w.when} ${listText(
    constraints.map((c) => describeConstraint(c, context, lang)),
    'and',
    lang,
  )}`;
}

/** "permitted (requires a, b; limits maxWeeks = 12)" */
export function describeState(state: OutcomeState, lang: string): string {
  const w = words[langOf(lang)];
  const extras: string[] = [];
  if (state.requires?.length) extras.push(`${w.requires} ${state.requires.join(', ')}`);
  if (state.limits)
    extras.push(
      `${w.limits} ${Object.entries(state.limits)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`,
    );
  const status = state.status === 'absent' ? w.absent : w.statuses[state.status];
  return extras.length ? `${status} (${extras.join('; ')})` : status;
}

/** "maxWeeks 12 → 8; now also requires x; no longer requires y" */
export function describeDelta(delta: StateDelta, lang: string): string {
  const w = words[langOf(lang)];
  const parts = Object.entries(delta.limits ?? {}).map(([k, { from, to }]) => `${k} ${from ?? w.unset} → ${to ?? w.unset}`);
  if (delta.requiresAdded?.length) parts.push(`${w.alsoRequires} ${delta.requiresAdded.join(', ')}`);
  if (delta.requiresRemoved?.length) parts.push(`${w.noLongerRequires} ${delta.requiresRemoved.join(', ')}`);
  return parts.join('; ');
}

/** One line per group: "When …: exclusion-physical goes from not-permitted to permitted". */
export function describeChange(change: DecisionChange, context: DescribeContext, lang: string): string[] {
  const w = words[langOf(lang)];
  const effect = change.delta
    ? `${w.stays(change.outcome, describeState(change.from, lang))}: ${describeDelta(change.delta, lang)}`
    : w.goes(change.outcome, describeState(change.from, lang), describeState(change.to, lang));
  return change.when.map((group) => `${describeGroup(group, context, lang)}: ${effect}`);
}
