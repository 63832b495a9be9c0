import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareOperator, ConditionNode, FactValue } from '../model.js';
import { locationText } from '../location.js';
import { compilePredicate, conditionText, createExplainerCache, type ConditionFailure, type Facts } from './predicate.js';

/**
 * The explanation as specified, walked afresh for every call: used to hold the compiled
 * explainer (built once, reused across decisions) to the same answers.
 */
function explainBySpec(node: ConditionNode, facts: Facts, named: ReadonlyMap<string, ConditionNode>): ConditionFailure[] {
  const out: ConditionFailure[] = [];
  const holds = (n: ConditionNode) => compilePredicate(n, named)(facts);
  const where = (n: ConditionNode) => (n.at ? locationText(n.at) : undefined);
  const visit = (n: ConditionNode, wanted: boolean): void => {
    if (holds(n) === wanted) return;
    if (n.kind === 'const') out.push({ condition: n.origin, actual: null, ...(n.at ? { at: where(n) } : {}) });
    else if (n.kind === 'test') {
      const text = conditionText(n);
      out.push({ condition: wanted ? text : `not (${text})`, actual: facts[n.fact] ?? null, ...(n.at ? { at: where(n) } : {}) });
    } else if (n.kind === 'all' || n.kind === 'any')
      n.items.forEach((item) => {
        visit(item, wanted);
      });
    else if (n.kind === 'not') visit(n.item, !wanted);
    else if (n.kind === 'ref' && named.get(n.qualified)) visit(named.get(n.qualified)!, wanted);
  };
  visit(node, true);
  return out;
}

const at = fc.option(fc.record({ file: fc.constant('p.yaml'), line: fc.nat(99), column: fc.nat(9) }), { nil: undefined });
const test: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.record({
    kind: fc.constant('test' as const),
    fact: fc.constant('count'),
    op: fc.constantFrom<CompareOperator>('eq', 'ne', 'gte', 'lte', 'gt', 'lt'),
    value: fc.integer({ min: 0, max: 3 }),
    at,
  }),
  fc.record({
    kind: fc.constant('test' as const),
    fact: fc.constant('flag'),
    op: fc.constantFrom<CompareOperator>('eq', 'ne'),
    value: fc.boolean(),
    at,
  }),
  fc.record({
    kind: fc.constant('test' as const),
    fact: fc.constant('colour'),
    op: fc.constantFrom<CompareOperator>('in', 'notIn'),
    value: fc.subarray<FactValue>(['red', 'green', null]),
    at,
  }),
  fc.record({ kind: fc.constant('const' as const), value: fc.boolean(), origin: fc.constantFrom('always', 'setting x is true'), at }),
  fc.record({ kind: fc.constant('ref' as const), name: fc.constant('n'), qualified: fc.constantFrom('p/one', 'p/two', 'p/missing'), at }),
);
const { condition } = fc.letrec<{ condition: ConditionNode }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    test,
    fc.record({ kind: fc.constantFrom('all' as const, 'any' as const), items: fc.array(tie('condition'), { maxLength: 3 }), at }),
    fc.record({ kind: fc.constant('not' as const), item: tie('condition'), at }),
  ),
}));
const facts = fc.record({
  count: fc.integer({ min: 0, max: 3 }),
  flag: fc.boolean(),
  colour: fc.constantFrom<FactValue>('red', 'green', 'blue', null),
});

describe('createExplainerCache', () => {
  it('property: explains every condition as the specification does, call after call', () => {
    // Named conditions without refs, so no cycle; a ref to `p/missing` is never true.
    const named = new Map<string, ConditionNode>([
      [
        'p/one',
        {
          kind: 'all',
          items: [
            { kind: 'test', fact: 'count', op: 'gte', value: 1 },
            { kind: 'test', fact: 'flag', op: 'eq', value: true },
          ],
        },
      ],
      [
        'p/two',
        { kind: 'not', item: { kind: 'test', fact: 'colour', op: 'eq', value: 'red', at: { file: 'n.yaml', line: 2, column: 3 } } },
      ],
    ]);
    const explainers = createExplainerCache(named);
    fc.assert(
      fc.property(condition, fc.array(facts, { minLength: 1, maxLength: 4 }), (node, records) => {
        for (const record of records) expect(explainers.explain(node, record)).toEqual(explainBySpec(node, record, named));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns frozen failure objects (shared between calls), so a caller cannot change the next trace', () => {
    const constant: ConditionNode = {
      kind: 'const',
      value: false,
      origin: 'setting x is true',
      at: { file: 'p.yaml', line: 1, column: 1 },
    };
    const test: ConditionNode = { kind: 'test', fact: 'count', op: 'gte', value: 3 };
    const explainers = createExplainerCache(new Map());
    for (const [node, facts, expected] of [
      [constant, {}, { condition: 'setting x is true', actual: null, at: 'p.yaml:1:1' }],
      [test, { count: 1 }, { condition: 'count ≥ 3', actual: 1 }],
    ] as const) {
      const first = explainers.explain(node, facts);
      expect(() => {
        first[0]!.condition = 'changed';
      }).toThrow(TypeError);
      expect(explainers.explain(node, facts)).toEqual([expected]);
    }
    // Another value of the fact is another failure.
    expect(explainers.explain(test, { count: 2 })).toEqual([{ condition: 'count ≥ 3', actual: 2 }]);
  });
});
