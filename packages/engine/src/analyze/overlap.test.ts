/**
 * The symbolic overlap search against brute force: on random conditions over the fixture's
 * facts (an enum, two integers, one of them possibly absent, a boolean, named conditions), the
 * combination `findFacts` returns is the first combination of the whole unreduced domain, in
 * enumeration order, where every condition gives its wanted answer ('none' exactly when there is
 * none); and `candidatePairs` never leaves out a pair of scopes that can hold together.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../compile/predicate.js';
import type { CompareOperator, ConditionNode, FactModel, FactValue } from '../model.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { minimalPolicyFiles } from '../testing/fixtures.js';
import { candidatePairs, findFacts, scopesMayOverlap } from './overlap.js';

const model = checkPolicyTexts(new Map(Object.entries(minimalPolicyFiles))).model!;
const facts = new Map<string, FactModel>(model.facts.map((fact) => [fact.id, fact]));

const test = (fact: string, op: CompareOperator, value: FactValue | FactValue[]): ConditionNode => ({ kind: 'test', fact, op, value });
const colours = ['red', 'green', 'blue'];
const leaf: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.constantFrom(...colours).map((c) => test('colour', 'eq', c)),
  fc.constantFrom(...colours).map((c) => test('colour', 'ne', c)),
  fc.subarray(colours, { minLength: 1 }).map((cs) => test('colour', 'in', cs)),
  fc.subarray(colours, { minLength: 1 }).map((cs) => test('colour', 'notIn', cs)),
  fc
    .tuple(fc.constantFrom<CompareOperator>('gte', 'lte', 'gt', 'lt', 'eq', 'ne'), fc.integer({ min: 0, max: 50 }))
    .map(([op, n]) => test('count', op, n)),
  fc.boolean().map((b) => test('flag', 'eq', b)),
  fc.constantFrom<FactValue>(null, 3, 40).map((w) => test('weeks', 'eq', w)),
  fc.integer({ min: 1, max: 104 }).map((n) => test('weeks', 'gt', n)),
  fc.boolean().map((value): ConditionNode => ({ kind: 'const', value, origin: String(value) })),
  fc.constant<ConditionNode>({ kind: 'ref', name: 'busy', qualified: 'p/busy' }),
);
/** Conditions built of `leaves` with `all`, `any` and `not`. */
const conditionsOf = (leaves: fc.Arbitrary<ConditionNode>): fc.Arbitrary<ConditionNode> =>
  fc.letrec<{ node: ConditionNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaves,
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): ConditionNode => ({ kind: 'all', items })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): ConditionNode => ({ kind: 'any', items })),
      tie('node').map((item): ConditionNode => ({ kind: 'not', item })),
    ),
  })).node;
const condition = conditionsOf(leaf);
const named = new Map<string, ConditionNode>([['p/busy', { kind: 'any', items: [test('count', 'gte', 10), test('flag', 'eq', true)] }]]);

/** Every combination of every fact over its whole range, in the order `combinations` enumerates. */
function* everyCombination(read: readonly string[]): Generator<Record<string, FactValue>> {
  const ranges: Record<string, FactValue[]> = {
    colour: colours,
    count: Array.from({ length: 51 }, (_, i) => i),
    flag: [false, true],
    weeks: [...Array.from({ length: 104 }, (_, i) => i + 1), null],
  };
  const domains = read.map((id) => ranges[id]!);
  const indices = read.map(() => 0);
  while (true) {
    yield Object.fromEntries(read.map((id, i) => [id, domains[i]![indices[i]!]!]));
    let position = read.length - 1;
    while (position >= 0 && ++indices[position]! === domains[position]!.length) indices[position--] = 0;
    if (position < 0) return;
  }
}

/** The facts the conditions read, in the order the search reads them (first use, named conditions followed). */
function readOrder(conditions: ReadonlyArray<ConditionNode | null>): string[] {
  const order: string[] = [];
  const visit = (node: ConditionNode | null | undefined): void => {
    if (!node) return;
    if (node.kind === 'test' && !order.includes(node.fact)) order.push(node.fact);
    if (node.kind === 'all' || node.kind === 'any') node.items.forEach(visit);
    if (node.kind === 'not') visit(node.item);
    if (node.kind === 'ref') visit(named.get(node.qualified));
  };
  conditions.forEach(visit);
  return order;
}

/** The smallest representative of the integer interval a value lies in, as the search reports it. */
function representative(fact: string, value: FactValue, conditions: ReadonlyArray<ConditionNode | null>): FactValue {
  if (typeof value !== 'number') return value;
  const cuts = new Set<number>();
  const visit = (node: ConditionNode | null | undefined): void => {
    if (!node) return;
    if (node.kind === 'test' && node.fact === fact && typeof node.value === 'number') cuts.add(node.value).add(node.value + 1);
    if (node.kind === 'all' || node.kind === 'any') node.items.forEach(visit);
    if (node.kind === 'not') visit(node.item);
    if (node.kind === 'ref') visit(named.get(node.qualified));
  };
  conditions.forEach(visit);
  const min = fact === 'count' ? 0 : 1;
  return Math.max(min, ...[...cuts].filter((cut) => cut <= value));
}

describe('findFacts (symbolic, then a search of what is left)', () => {
  it('finds the first combination of the unreduced domain where every answer is the wanted one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(condition, { nil: null }), fc.boolean()), { minLength: 1, maxLength: 3 }), (pairs) => {
        const wanted = pairs.map(([node, holds]) => ({ condition: node, holds }));
        const conditions = wanted.map((w) => w.condition);
        const read = readOrder(conditions);
        const predicates = conditions.map((node) => (node ? compilePredicate(node, named) : () => true));
        let first: Record<string, FactValue> | 'none' = 'none';
        for (const record of everyCombination(read)) {
          if (predicates.every((holds, i) => holds(record) === wanted[i]!.holds)) {
            first = record;
            break;
          }
        }
        const found = findFacts(wanted, facts, named);
        if (first === 'none') {
          expect(found).toBe('none');
          return;
        }
        expect(found).not.toBe('none');
        expect(found).not.toBe('unknown');
        const expected = Object.fromEntries(Object.entries(first).map(([fact, value]) => [fact, representative(fact, value, conditions)]));
        expect(found).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('says an organisation-like enum of a thousand values apart at once', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `unit-${i}`);
    const big = new Map(facts).set('unit', { ...facts.get('colour')!, id: 'unit', values: many } as FactModel);
    const scopes = many.map((unit) => test('unit', 'eq', unit));
    expect(
      findFacts(
        [
          { condition: scopes[1]!, holds: true },
          { condition: scopes[2]!, holds: true },
        ],
        big,
        named,
      ),
    ).toBe('none');
    expect(candidatePairs(scopes, named)).toEqual([]);
    const shared = test('unit', 'in', many.slice(0, 500));
    expect(candidatePairs([...scopes.slice(498, 502), shared], named)).toEqual([
      [4, 0],
      [4, 1],
    ]);
  });
});

describe('findFacts over a many-valued enum (by classes of values)', () => {
  const units = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];
  const withUnits = new Map(facts).set('unit', { ...facts.get('colour')!, id: 'unit', values: units } as FactModel);
  const unitLeaf: fc.Arbitrary<ConditionNode> = fc.oneof(
    fc.constantFrom(...units).map((u) => test('unit', 'eq', u)),
    fc.constantFrom(...units).map((u) => test('unit', 'ne', u)),
    fc.subarray(units, { minLength: 1, maxLength: 3 }).map((us) => test('unit', 'in', us)),
    fc.subarray(units, { minLength: 1, maxLength: 3 }).map((us) => test('unit', 'notIn', us)),
    fc.boolean().map((b) => test('flag', 'eq', b)),
  );
  const unitCondition = conditionsOf(unitLeaf);

  it('finds the first combination of every unit and flag where every answer is the wanted one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unitCondition, fc.boolean()), { minLength: 1, maxLength: 4 }), (pairs) => {
        const wanted = pairs.map(([node, holds]) => ({ condition: node, holds }));
        const predicates = wanted.map((w) => compilePredicate(w.condition, named));
        const read = readOrder(wanted.map((w) => w.condition));
        const ranges: Record<string, FactValue[]> = { unit: units, flag: [false, true] };
        let first: Record<string, FactValue> | 'none' = 'none';
        const search = (at: number, record: Record<string, FactValue>): boolean => {
          if (at === read.length) {
            if (!predicates.every((holds, i) => holds(record) === wanted[i]!.holds)) return false;
            first = { ...record };
            return true;
          }
          return ranges[read[at]!]!.some((value) => search(at + 1, { ...record, [read[at]!]: value }));
        };
        search(0, {});
        expect(findFacts(wanted, withUnits, named)).toEqual(first);
      }),
      { numRuns: 400, seed: 18 },
    );
  });
});

describe('candidatePairs', () => {
  it('keeps every pair of scopes that can hold together', () => {
    fc.assert(
      fc.property(fc.array(fc.option(condition, { nil: null }), { minLength: 2, maxLength: 6 }), (scopes) => {
        const candidates = new Set(candidatePairs(scopes, named).map(([i, j]) => `${i},${j}`));
        for (let i = 1; i < scopes.length; i++) {
          for (let j = 0; j < i; j++) {
            if (scopesMayOverlap(scopes[i]!, scopes[j]!, facts, named)) expect(candidates.has(`${i},${j}`), `${i},${j}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
