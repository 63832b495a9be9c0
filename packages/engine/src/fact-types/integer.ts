/**
 * `type: integer`: a whole number between `min` and `max`, e.g. `priorIncidents: 2`. An ordered
 * type: `atLeast`, `atMost`, `above` and `below` apply, and analysis cuts the range into the
 * intervals between the numbers the conditions compare with.
 */
import type { z } from 'zod';
import type { CompareOperator, FactValue } from '../model.js';
import { intervalRuns, type DeclarationParts, type FactType, type ValueSetWords } from './fact-type.js';

export interface IntegerDomain {
  type: 'integer';
  min: number;
  max: number;
  values?: never;
}

export function integerFactDeclaration<Base extends z.ZodRawShape>({ z, base }: DeclarationParts<Base>) {
  return z
    .strictObject({
      ...base,
      type: z.literal('integer'),
      min: z.number().int(),
      max: z.number().int(),
      default: z.union([z.number().int(), z.literal('none')]).optional(),
    })
    .describe('A whole number between `min` and `max`.');
}

export function integerSettingDeclaration<Base extends z.ZodRawShape>({ z, base }: DeclarationParts<Base>) {
  return z.strictObject({ ...base, type: z.literal('integer'), default: z.number().int(), min: z.number().int(), max: z.number().int() });
}

const wholeNumber = ({ min, max }: { min: number; max: number }): string => `a whole number from ${min} to ${max}`;

/** An interval as analysis names it: `2`, `2..4`. */
export const intervalName = ([start, end]: readonly [number, number]): string => (start === end ? String(start) : `${start}..${end}`);

/** The intervals between the cuts inside the domain, `[start, end]`, lowest first. */
function intervalsOf({ min, max }: { min: number; max: number }, cuts: ReadonlySet<FactValue>): Array<readonly [number, number]> {
  const numbers = [...cuts].filter((b): b is number => typeof b === 'number' && b > min && b <= max);
  const starts = [...new Set([min, ...numbers])].sort((x, y) => x - y);
  return starts.map((start, index) => [start, index + 1 < starts.length ? starts[index + 1]! - 1 : max] as const);
}

const ordered: ReadonlySet<CompareOperator> = new Set(['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'gt', 'lt']);

/**
 * Intervals (`2`, `2..4`, `none`) merged into runs and said as ranges: "is 2", "is at least 5"
 * (a run to the top of the domain), "is from 2 to 4". Without a domain (a fact one side of a
 * diff no longer declares) every run is bounded.
 */
function intervalPhrases(domain: IntegerDomain | undefined, intervals: readonly string[], words: ValueSetWords): string[] {
  const { runs, none } = intervalRuns(intervals, Number, (end, start) => end + 1 === start);
  const min = domain?.min ?? -Infinity;
  const max = domain?.max ?? Infinity;
  const ranges = runs.map(([a, b]) =>
    a === b
      ? `${words.is} ${a}`
      : b >= max
        ? `${words.atLeast} ${a}`
        : a <= min
          ? `${words.atMost} ${b}`
          : words.between(String(a), String(b)),
  );
  return none ? [...ranges, `${words.is} ${words.none}`] : ranges;
}

export const integerType: FactType<
  IntegerDomain,
  { min: number; max: number; default?: number | 'none' },
  { min: number; max: number; default: number }
> = {
  name: 'integer',

  declareFact(input, reporter) {
    const fields = { min: input.min, max: input.max };
    if (input.min > input.max)
      reporter.report(['max'], { code: 'invalid-value', args: { path: reporter.pathText(['max']), detail: '`max` is below `min`' } });
    if (input.default === undefined) return { fields };
    if (input.default === 'none') return { fields, default: null };
    if (input.default >= input.min && input.default <= input.max) return { fields, default: input.default };
    reporter.report(['default'], {
      code: 'value-out-of-domain',
      args: { value: input.default, what: `fact \`${input.id}\`` },
      expected: wholeNumber(input),
    });
    return { fields };
  },
  declareSetting(input, reporter) {
    if (input.default < input.min || input.default > input.max) {
      reporter.report(['default'], {
        code: 'setting-out-of-range',
        args: { id: input.id, value: input.default, range: `range ${input.min} to ${input.max}` },
      });
    }
    return { min: input.min, max: input.max };
  },

  hostValue:
    ({ min, max }) =>
    (value) =>
      typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max,
  expected: wholeNumber,
  suggestion: () => undefined,
  zod: ({ min, max }, z) => z.number().int().min(min).max(max),

  settingFits: ({ min, max }, value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
  settingRange: ({ min, max }) => `range ${min} to ${max}`,
  settingLiteralFits: (_domain, raw) => typeof raw === 'number',
  numeric: true,

  operators: ordered,
  orderedKeywords: { gte: 'atLeast', lte: 'atMost', gt: 'above', lt: 'below' },
  kindText: 'a number',
  literal: (_domain, raw) => (typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined),
  literals: () => undefined,

  // `x ≥ c` and `x < c` change at c; `x > c` and `x ≤ c` at c + 1; `x = c` at both. Both are
  // taken for every test: the analysis figures and counterexamples of the gate are stated on them.
  cuts: (_op, value) => (typeof value === 'number' ? [value, value + 1] : []),
  analysisValues(domain, cuts, none) {
    const classes = intervalsOf(domain, cuts);
    return {
      values: [...classes.map(([start]) => start), ...(none ? [null] : [])],
      intervals: [...classes.map(intervalName), ...(none ? ['none'] : [])],
    };
  },
  nearestValues(domain, cuts, none, current) {
    // Distance is the difference; each other interval offers its end nearest to the current
    // number (from none, its start), the lower one on a tie; none comes last.
    const near: Array<{ value: number; interval: readonly [number, number]; distance: number }> = [];
    for (const interval of intervalsOf(domain, cuts)) {
      const [start, end] = interval;
      if (typeof current === 'number' && current >= start && current <= end) continue;
      const value = typeof current === 'number' && end < current ? end : start;
      near.push({ value, interval, distance: typeof current === 'number' ? Math.abs(value - current) : value - domain.min });
    }
    near.sort((x, y) => x.distance - y.distance || x.value - y.value);
    return [...near.map(({ value, interval }) => ({ value, interval })), ...(none && current !== null ? [{ value: null }] : [])];
  },
  size: ({ min, max }) => max - min + 1,
  unite: (head, base) => ({ min: Math.min(head.min, base.min), max: Math.max(head.max, base.max) }),

  conditionJson({ min, max }, none) {
    const base = { type: 'integer', minimum: min, maximum: max };
    return none ? { anyOf: [base, { const: 'none' }] } : base;
  },
  valueJson: ({ min, max }, none) => ({ type: none ? ['integer', 'null'] : 'integer', minimum: min, maximum: max }),
  example: (fact) => ({ fact: fact.id, atLeast: Math.max(fact.min, 1) }),

  typeScript: () => 'number',
  typeComment: (domain) => `A whole number from ${domain.min} to ${domain.max}.`,

  finiteValues: () => [],
  intervalPhrases,
  domainText: ({ min, max }, words) => words.range(String(min), String(max)),

  formField: (fact) => ({
    kind: 'input',
    attributes: {
      type: 'number',
      min: String(fact.min),
      max: String(fact.max),
      step: '1',
      inputmode: 'numeric',
      value: String(fact.hasDefault && fact.default !== null ? fact.default : fact.min),
    },
  }),
  fromForm: (raw) => Number(raw),
};
