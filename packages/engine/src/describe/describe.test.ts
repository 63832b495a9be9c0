/**
 * Conditions as sentences: each operator reads as words, never as a symbol; nesting is bracketed
 * so it cannot be read two ways; negation is folded into the test; and every condition of the
 * bundled policies gets a sentence in both languages without operator symbols or raw fact ids.
 */
import { describe, expect, it } from 'vitest';
import type { ConditionNode, FactModel } from '../model.js';
import { describeCondition, describeWhen, type DescribeContext } from './condition.js';
import { describeConstraint } from './change.js';

const at = { file: 'vocabulary.yaml', line: 1, column: 1 };
const facts: FactModel[] = [
  { id: 'grave', type: 'boolean', hasDefault: false, title: { nb: 'Graverende hendelse', en: 'Grave incident' }, at },
  {
    id: 'priorIncidents',
    type: 'integer',
    min: 0,
    max: 1000,
    hasDefault: false,
    title: { nb: 'Tidligere hendelser', en: 'Earlier incidents' },
    at,
  },
  {
    id: 'injury',
    type: 'enum',
    values: ['none', 'minor', 'serious', 'death'],
    hasDefault: false,
    title: { nb: 'Skade', en: 'Injury' },
    at,
  },
  { id: 'weeks', type: 'integer', min: 1, max: 104, hasDefault: true, default: null, title: { nb: 'Uker', en: 'Weeks' }, at },
];
const context: DescribeContext = {
  facts: new Map(facts.map((f) => [f.id, f])),
  named: new Map([
    [
      'p/warned',
      {
        title: { nb: 'Advart gjentakelse', en: 'Warned repeat' },
        when: { kind: 'test', fact: 'priorIncidents', op: 'gte', value: 1 } as ConditionNode,
      },
    ],
  ]),
};
const test = (fact: string, op: Extract<ConditionNode, { kind: 'test' }>['op'], value: unknown): ConditionNode => ({
  kind: 'test',
  fact,
  op,
  value: value as never,
});

describe('describeCondition', () => {
  it('says each operator in words, in English and bokmål', () => {
    expect(describeCondition(test('grave', 'eq', true), context, 'en')).toBe('grave incident is yes');
    expect(describeCondition(test('grave', 'eq', true), context, 'nb')).toBe('graverende hendelse er ja');
    expect(describeCondition(test('priorIncidents', 'gte', 2), context, 'en')).toBe('earlier incidents is at least 2');
    expect(describeCondition(test('priorIncidents', 'lt', 2), context, 'nb')).toBe('tidligere hendelser er mindre enn 2');
    expect(describeCondition(test('injury', 'in', ['serious', 'death']), context, 'en')).toBe('injury is serious or death');
    expect(describeCondition(test('injury', 'notIn', ['none', 'minor']), context, 'nb')).toBe('skade er ingen av none eller minor');
    expect(describeCondition(test('weeks', 'eq', null), context, 'en')).toBe('weeks is not given');
  });

  it('folds a negated test into the opposite test, and "is not yes" into "is no"', () => {
    expect(describeCondition({ kind: 'not', item: test('priorIncidents', 'gte', 1) }, context, 'en')).toBe(
      'earlier incidents is less than 1',
    );
    expect(describeCondition(test('grave', 'ne', true), context, 'en')).toBe('grave incident is no');
  });

  it('brackets a negated group, so "not (a or b)" cannot be read as "(not a) or b"', () => {
    const either: ConditionNode = { kind: 'any', items: [test('grave', 'eq', true), test('priorIncidents', 'gte', 1)] };
    expect(describeCondition({ kind: 'not', item: either }, context, 'en')).toBe(
      'it is not the case that (grave incident is yes or earlier incidents is at least 1)',
    );
    expect(describeCondition({ kind: 'not', item: either }, context, 'nb')).toBe(
      'det er ikke slik at (graverende hendelse er ja eller tidligere hendelser er minst 1)',
    );
    const single: ConditionNode = { kind: 'any', items: [{ kind: 'ref', name: 'warned', qualified: 'p/warned' }] };
    expect(describeCondition({ kind: 'not', item: single }, context, 'en')).toBe('it is not the case that «warned repeat»');
  });

  it('brackets a group of the other kind, so "a, or b and c" cannot be read two ways', () => {
    const node: ConditionNode = {
      kind: 'any',
      items: [test('grave', 'eq', true), { kind: 'all', items: [test('priorIncidents', 'gte', 1), test('injury', 'ne', 'none')] }],
    };
    expect(describeCondition(node, context, 'en')).toBe(
      'grave incident is yes or (earlier incidents is at least 1 and injury is not none)',
    );
    expect(describeWhen(node, context, 'nb')).toBe(
      'Når graverende hendelse er ja eller (tidligere hendelser er minst 1 og skade er ikke none)',
    );
  });

  it('names a named condition by its title, or expands it on request', () => {
    const ref: ConditionNode = { kind: 'ref', name: 'warned', qualified: 'p/warned' };
    expect(describeCondition(ref, context, 'en')).toBe('«warned repeat»');
    expect(describeCondition(ref, context, 'en', { expand: true })).toBe('earlier incidents is at least 1');
  });

  it('says integer groups of the diff as ranges', () => {
    expect(describeConstraint({ fact: 'priorIncidents', values: [2, 5], intervals: ['2..4', '5..1000'] }, context, 'en')).toBe(
      'earlier incidents is at least 2',
    );
    expect(describeConstraint({ fact: 'priorIncidents', values: [0, 1], intervals: ['0', '1'] }, context, 'en')).toBe(
      'earlier incidents is at most 1',
    );
    expect(describeConstraint({ fact: 'priorIncidents', values: [1, 5], intervals: ['1', '5..1000'] }, context, 'nb')).toBe(
      'tidligere hendelser er 1 eller er minst 5',
    );
    expect(describeConstraint({ fact: 'injury', values: ['none', 'minor', 'serious'] }, context, 'en')).toBe('injury is not death');
  });
});
