/** `type: enum`: a fact with a fixed list of values (kebab-case ids), e.g. `injury: none | minor | serious`. */
import type { z } from 'zod';
import { closest, listOf } from '../diagnostics.js';
import type { CompareOperator, FactValue } from '../model.js';
import type { DeclarationParts, FactType } from './fact-type.js';

export interface EnumDomain {
  type: 'enum';
  values: string[];
  min?: never;
  max?: never;
}

export function enumFactDeclaration<Base extends z.ZodRawShape>({ z, base, kebabId }: DeclarationParts<Base>) {
  return z
    .strictObject({
      ...base,
      type: z.literal('enum'),
      values: z.array(kebabId).min(1),
      default: kebabId.optional().describe('The value when the fact is absent (`none`: absent means none).'),
    })
    .describe('A fact with a fixed list of values.');
}

export function enumSettingDeclaration<Base extends z.ZodRawShape>({ z, base, kebabId }: DeclarationParts<Base>) {
  return z.strictObject({ ...base, type: z.literal('enum'), values: z.array(kebabId).min(1), default: kebabId });
}

const equality: ReadonlySet<CompareOperator> = new Set(['eq', 'ne', 'in', 'notIn']);

export const enumType: FactType<EnumDomain, { values: string[]; default?: string }, { values: string[]; default: string }> = {
  name: 'enum',

  declareFact(input, reporter) {
    const { values } = input;
    if (new Set(values).size !== values.length) {
      reporter.report(['values'], {
        code: 'duplicate-id',
        args: { what: 'value', id: values.find((v, i) => values.indexOf(v) !== i)!, other: 'the same list' },
      });
    }
    if (input.default === undefined) return { fields: { values } };
    if (input.default === 'none' && !values.includes('none')) return { fields: { values }, default: null };
    if (values.includes(input.default)) return { fields: { values }, default: input.default };
    reporter.report(['default'], {
      code: 'value-out-of-domain',
      args: { value: input.default, what: `fact \`${input.id}\`` },
      expected: listOf([...values, 'none']),
    });
    return { fields: { values } };
  },
  declareSetting(input, reporter) {
    if (!input.values.includes(input.default)) {
      reporter.report(['default'], {
        code: 'value-out-of-domain',
        args: { value: input.default, what: `setting \`${input.id}\`` },
        expected: listOf(input.values),
      });
    }
    return { values: input.values };
  },

  hostValue({ values }, maxStringLength) {
    const known = new Set<unknown>(values);
    return (value) => typeof value === 'string' && value.length <= maxStringLength && known.has(value);
  },
  expected: ({ values }) => listOf(values, 12),
  suggestion: ({ values }, value) => (typeof value === 'string' ? closest(value, values) : undefined),
  zod: ({ values }, z) => z.enum(values as [string, ...string[]]),

  settingFits: ({ values }, value) => typeof value === 'string' && values.includes(value),
  settingRange: ({ values }) => `values ${listOf(values)}`,
  settingLiteralFits: ({ values }, raw) => typeof raw === 'string' && values.includes(raw),
  numeric: false,

  operators: equality,
  kindText: 'a list of values',
  literal: ({ values }, raw) => (typeof raw === 'string' && values.includes(raw) ? raw : undefined),
  literals: ({ values }) => [...values],

  cuts: () => [],
  analysisValues: ({ values }, _cuts, none) => ({ values: [...values, ...(none ? [null] : [])] }),
  size: ({ values }) => values.length,
  nearestValues({ values }, _cuts, none, current) {
    // Declared order is the distance: the neighbours in the list first, the earlier one on a tie.
    // None stands before the first value.
    const position = (value: FactValue): number => (value === null ? -1 : values.indexOf(value as string));
    const here = position(current);
    const others: FactValue[] = [...(none ? [null] : []), ...values].filter((value) => value !== current);
    return others
      .map((value) => ({ value, distance: Math.abs(position(value) - here), at: position(value) }))
      .sort((x, y) => x.distance - y.distance || x.at - y.at)
      .map(({ value }) => ({ value }));
  },
  unite: (head, base) => ({ values: [...new Set([...head.values, ...base.values])] }),

  conditionJson: ({ values }, none) => ({ enum: [...values, ...(none ? ['none'] : [])] }),
  valueJson: ({ values }, none) => ({ enum: [...values, ...(none ? [null] : [])] }),
  example: (fact) => ({ fact: fact.id, in: fact.values.slice(0, 2) }),

  typeScript: ({ values }, union) => union(values),

  finiteValues: ({ values }) => [...values],
  domainText: ({ values }, words) => words.list(values),

  formField: ({ values }) => ({ kind: 'select', options: [...values] }),
  fromForm: (raw) => raw,
};
