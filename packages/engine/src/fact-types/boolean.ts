/** `type: boolean`: a yes/no fact, e.g. `grave: true`. */
import type { z } from 'zod';
import type { CompareOperator } from '../model.js';
import type { DeclarationParts, FactType } from './fact-type.js';

export interface BooleanDomain {
  type: 'boolean';
  values?: never;
  min?: never;
  max?: never;
}

export function booleanFactDeclaration<Base extends z.ZodRawShape>({ z, base }: DeclarationParts<Base>) {
  return z
    .strictObject({
      ...base,
      type: z.literal('boolean'),
      default: z.union([z.boolean(), z.literal('none')]).optional(),
    })
    .describe('A yes/no fact.');
}

export function booleanSettingDeclaration<Base extends z.ZodRawShape>({ z, base }: DeclarationParts<Base>) {
  return z.strictObject({ ...base, type: z.literal('boolean'), default: z.boolean() });
}

const equality: ReadonlySet<CompareOperator> = new Set(['eq', 'ne', 'in', 'notIn']);

export const booleanType: FactType<BooleanDomain, { default?: boolean | 'none' }, { default: boolean }> = {
  name: 'boolean',

  declareFact: (input) =>
    input.default === undefined ? { fields: {} } : { fields: {}, default: input.default === 'none' ? null : input.default },
  declareSetting: () => ({}),

  hostValue: () => (value) => value === true || value === false,
  expected: () => '`true` or `false`',
  suggestion: () => undefined,
  zod: (_domain, z) => z.boolean(),

  settingFits: (_domain, value) => typeof value === 'boolean',
  settingRange: () => 'values `true` and `false`',
  settingLiteralFits: (_domain, raw) => typeof raw === 'boolean',
  numeric: false,

  operators: equality,
  kindText: 'yes/no',
  literal: (_domain, raw) => (typeof raw === 'boolean' ? raw : undefined),
  literals: () => [true, false],
  literalHelp: 'write `true` or `false`',

  cuts: () => [],
  analysisValues: (_domain, _cuts, none) => ({ values: [false, true, ...(none ? [null] : [])] }),
  size: () => 2,
  unite: () => ({}),

  // The other truth value; then none. From none, no before yes.
  nearestValues: (_domain, _cuts, none, current) => [
    ...(current === null ? [{ value: false }, { value: true }] : [{ value: !current }]),
    ...(none && current !== null ? [{ value: null }] : []),
  ],

  conditionJson: (_domain, none) => (none ? { anyOf: [{ type: 'boolean' }, { const: 'none' }] } : { type: 'boolean' }),
  valueJson: (_domain, none) => ({ type: none ? ['boolean', 'null'] : 'boolean' }),
  example: (fact) => ({ fact: fact.id, is: true }),

  typeScript: () => 'boolean',

  finiteValues: () => [false, true],
  domainText: (_domain, words) => words.truthValues,

  formField: () => ({ kind: 'select', options: [false, true] }),
  fromForm: (raw) => raw === 'true',
};
