/**
 * `type: date`: a calendar date `YYYY-MM-DD`, e.g. `incidentDate: 2021-07-01`. An ordered type:
 * `onOrAfter`, `onOrBefore`, `after` and `before` apply, and analysis cuts the calendar into the
 * intervals between the dates the conditions compare with (a window's `from` and `until` are such
 * dates), each interval represented by one date: its first day, or its last where it reaches back
 * without a declared `min` (a counterexample then names a real day before the first boundary,
 * not the year 0000). Impossible dates (2024-02-30, 2024-6-1) are never values.
 *
 * `default: decision-date` makes the fact the one that carries the date a decision is made for:
 * absent, it takes the date `decide()` resolves (its `date` option, or today), and rules in force
 * in windows are tested against it.
 */
import type { z } from 'zod';
import type { CompareOperator, FactValue } from '../model.js';
import { addDays, daysBetween, earlierDate, firstDate, isIsoDate, lastDate, laterDate, type IsoDate } from '../time/calendar.js';
import { intervalRuns, type DeclarationParts, type FactType, type ValueSetWords } from './fact-type.js';

export interface DateDomain {
  type: 'date';
  /** The earliest date a host may give (inclusive). */
  min?: IsoDate;
  /** The latest date a host may give (inclusive). */
  max?: IsoDate;
  /** Absent, the fact takes the date the decision is made for. */
  decisionDate?: true;
  values?: never;
}

/** The `default` that makes a date fact the decision's date. */
export const decisionDateDefault = 'decision-date';

export function dateFactDeclaration<Base extends z.ZodRawShape>({ z, base }: DeclarationParts<Base>) {
  const dateText = (description: string) =>
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date `YYYY-MM-DD`, e.g. `2021-07-01`')
      .describe(description);
  return z
    .strictObject({
      ...base,
      type: z.literal('date'),
      min: dateText('The earliest date accepted (`YYYY-MM-DD`).').optional(),
      max: dateText('The latest date accepted (`YYYY-MM-DD`).').optional(),
      default: z
        .enum([decisionDateDefault, 'none'])
        .optional()
        .describe('`decision-date`: absent, the fact is the date the decision is made for; `none`: absent means none.'),
    })
    .describe('A calendar date `YYYY-MM-DD`.');
}

const ends = (domain: DateDomain): { min: IsoDate; max: IsoDate } => ({ min: domain.min ?? firstDate, max: domain.max ?? lastDate });

const expectedDate = (domain: DateDomain): string =>
  domain.min !== undefined || domain.max !== undefined
    ? `a date \`YYYY-MM-DD\` from ${ends(domain).min} to ${ends(domain).max}`
    : 'a date `YYYY-MM-DD` (a real day of the calendar)';

const ordered: ReadonlySet<CompareOperator> = new Set(['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'gt', 'lt']);

/**
 * Intervals (`2017-01-01..2021-06-30`) merged into runs and said as ranges: "is on or after 2021-07-01"
 * (a run to the end of the domain), "is before 2017-01-01" (from its start), "is from … to …".
 */
function intervalPhrases(domain: DateDomain | undefined, intervals: readonly string[], words: ValueSetWords): string[] {
  const { min, max } = ends(domain ?? { type: 'date' });
  const { runs, none } = intervalRuns(
    intervals,
    (text) => text,
    (end, start) => addDays(end, 1) === start,
  );
  const ranges = runs.map(([a, b]) =>
    a === b
      ? `${words.is} ${a}`
      : b >= max
        ? `${words.onOrAfter} ${a}`
        : a <= min
          ? `${words.before} ${addDays(b, 1)}`
          : words.between(a, b),
  );
  return none ? [...ranges, `${words.is} ${words.none}`] : ranges;
}

export const dateType: FactType<DateDomain, { min?: string; max?: string; default?: string }, never> = {
  name: 'date',

  declareFact(input, reporter) {
    const fields: Omit<DateDomain, 'type'> = {};
    for (const end of ['min', 'max'] as const) {
      const value = input[end];
      if (value === undefined) continue;
      if (isIsoDate(value)) fields[end] = value;
      else
        reporter.report([end], {
          code: 'invalid-date',
          args: { value, where: `\`${end}\` of fact \`${input.id}\`` },
        });
    }
    if (fields.min !== undefined && fields.max !== undefined && fields.max < fields.min)
      reporter.report(['max'], { code: 'invalid-value', args: { path: reporter.pathText(['max']), detail: '`max` is before `min`' } });
    if (input.default === decisionDateDefault) return { fields: { ...fields, decisionDate: true } };
    if (input.default === 'none') return { fields, default: null };
    return { fields };
  },
  declareSetting: () => ({}),

  hostValue: (domain) => {
    const { min, max } = ends(domain);
    return (value) => isIsoDate(value) && value >= min && value <= max;
  },
  expected: expectedDate,
  suggestion: () => undefined,
  zod: (domain, z) => {
    const { min, max } = ends(domain);
    return z.iso.date().refine((value) => value >= min && value <= max, { message: expectedDate(domain) });
  },

  // Settings are not declared with dates today; a date value fits as a host's would.
  settingFits: (domain, value) => isIsoDate(value) && value >= ends(domain).min && value <= ends(domain).max,
  settingRange: expectedDate,
  settingLiteralFits: (_domain, raw) => isIsoDate(raw),
  numeric: false,

  operators: ordered,
  orderedKeywords: { gte: 'onOrAfter', lte: 'onOrBefore', gt: 'after', lt: 'before' },
  kindText: 'a date',
  literal: (domain, raw) => {
    const { min, max } = ends(domain);
    return isIsoDate(raw) && raw >= min && raw <= max ? raw : undefined;
  },
  literals: () => undefined,
  literalHelp: 'write a date `YYYY-MM-DD`, e.g. `2021-07-01`',
  cuts: (op, value) => {
    if (typeof value !== 'string' || !isIsoDate(value)) return [];
    // `d ≥ c` and `d < c` change at c; `d > c` and `d ≤ c` at the day after; `d = c` at both.
    if (op === 'gte' || op === 'lt') return [value];
    if (op === 'gt' || op === 'lte') return [addDays(value, 1)];
    return [value, addDays(value, 1)];
  },

  analysisValues(domain, cuts, none) {
    const { min, max } = ends(domain);
    const starts = [...new Set([min, ...[...cuts].filter((c): c is IsoDate => typeof c === 'string' && c > min && c <= max)])].sort();
    const intervals = starts.map((start, index) => {
      const end = index + 1 < starts.length ? addDays(starts[index + 1]!, -1) : max;
      return start === end ? start : `${start}..${end}`;
    });
    const values: FactValue[] = starts.map((start, index) =>
      // Without a declared `min`, the first interval reaches back to the year 0000: its last day stands for it.
      index === 0 && domain.min === undefined && starts.length > 1 ? addDays(starts[1]!, -1) : start,
    );
    return { values: [...values, ...(none ? [null] : [])], intervals: [...intervals, ...(none ? ['none'] : [])] };
  },
  // A why-not explanation never moves the date of an incident: what happened when is not a
  // choice, and the law of another day is not an alternative the user can take.
  nearestValues: () => [],
  size: (domain) => daysBetween(ends(domain).min, ends(domain).max) + 1,
  unite: (head, base) => {
    const united: Omit<DateDomain, 'type'> = {};
    if (head.min !== undefined && base.min !== undefined) united.min = earlierDate(head.min, base.min);
    if (head.max !== undefined && base.max !== undefined) united.max = laterDate(head.max, base.max);
    if (head.decisionDate) united.decisionDate = true;
    return united;
  },

  conditionJson: (_domain, none) => {
    const base = { type: 'string', format: 'date' };
    return none ? { anyOf: [base, { const: 'none' }] } : base;
  },
  valueJson: (_domain, none) => ({ type: none ? ['string', 'null'] : 'string', format: 'date' }),
  example: (fact) => ({ fact: fact.id, onOrAfter: fact.min ?? '2021-07-01' }),

  typeScript: () => 'string',
  typeComment: (domain) => `A date \`YYYY-MM-DD\`${domain.decisionDate ? '; absent, the date the decision is made for' : ''}.`,

  finiteValues: () => [],
  intervalPhrases,
  domainText: (domain, words) => words.range(ends(domain).min, ends(domain).max),

  formField: (fact) => {
    const attributes: Record<string, string> = { type: 'date' };
    if (fact.min !== undefined) attributes.min = fact.min;
    if (fact.max !== undefined) attributes.max = fact.max;
    return { kind: 'input', attributes };
  },
  fromForm: (raw) => raw,
};
