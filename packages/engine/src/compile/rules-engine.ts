/**
 * The reference path: checked conditions compiled onto json-rules-engine, one Engine per
 * decision point, built once per policy set. Reviewers never see these triples; the engine's
 * built-in operators are used, and four of our own for dates (its numeric operators would
 * parse `2021-07-01` as the number 2021), and no `path` (JSONPath) or custom path resolver is
 * ever set, so nothing in policy YAML reaches jsonpath-plus.
 */
import type { Engine, NestedCondition, TopLevelCondition } from 'json-rules-engine';
import type { CompareOperator, ConditionNode, PointModel, PolicySetModel } from '../model.js';
import { conditionKeys } from './keys.js';

const operatorName: Record<CompareOperator, string> = {
  eq: 'equal',
  ne: 'notEqual',
  in: 'in',
  notIn: 'notIn',
  gte: 'greaterThanInclusive',
  lte: 'lessThanInclusive',
  gt: 'greaterThan',
  lt: 'lessThan',
};

/** Our operators for dates: `YYYY-MM-DD` strings compared as strings, false for anything else. */
const dateOperatorName: Record<'gte' | 'lte' | 'gt' | 'lt', string> = {
  gte: 'dateOnOrAfter',
  lte: 'dateOnOrBefore',
  gt: 'dateAfter',
  lt: 'dateBefore',
};

const isDateString = (value: unknown): boolean => typeof value === 'string';

const dateOperators: Array<[string, (a: string, b: string) => boolean]> = [
  [dateOperatorName.gte, (a, b) => a >= b],
  [dateOperatorName.lte, (a, b) => a <= b],
  [dateOperatorName.gt, (a, b) => a > b],
  [dateOperatorName.lt, (a, b) => a < b],
];

function operatorOf(op: CompareOperator, value: unknown): string {
  if (typeof value === 'string' && (op === 'gte' || op === 'lte' || op === 'gt' || op === 'lt')) return dateOperatorName[op];
  return operatorName[op];
}

function toNested(node: ConditionNode): NestedCondition {
  switch (node.kind) {
    case 'const':
      // json-rules-engine treats an empty `all` and an empty `any` alike as true, so false is
      // written as the negation of an empty `all`.
      return node.value ? { all: [] } : { not: { all: [] } };
    case 'test':
      return { fact: node.fact, operator: operatorOf(node.op, node.value), value: node.value as never };
    case 'all':
      return { all: node.items.map(toNested) };
    case 'any':
      return { any: node.items.map(toNested) };
    case 'not':
      return { not: toNested(node.item) };
    case 'ref':
      return { condition: node.qualified };
  }
}

/** A top-level json-rules-engine condition must be `all`, `any`, `not` or `condition`. */
export function toRulesEngineCondition(node: ConditionNode): TopLevelCondition {
  const nested = toNested(node);
  return ('all' in nested || 'any' in nested || 'not' in nested || 'condition' in nested ? nested : { all: [nested] }) as TopLevelCondition;
}

/**
 * One engine for a point: a rule per condition key, whose event names the key. json-rules-engine
 * is imported here, on first use, so a host that decides on the compiled path never loads it.
 */
export async function buildRulesEngine(model: PolicySetModel, point: PointModel): Promise<Engine> {
  const { Engine: RulesEngine } = await import('json-rules-engine');
  const engine = new RulesEngine([], { allowUndefinedFacts: false, allowUndefinedConditions: false, replaceFactsInEventParams: false });
  for (const [name, compare] of dateOperators) {
    engine.addOperator(name, (a: unknown, b: unknown) => isDateString(a) && compare(a as string, b as string));
  }
  for (const policy of point.policies) {
    for (const named of policy.conditions) engine.setCondition(named.qualified, toRulesEngineCondition(named.when));
  }
  for (const { key, condition } of conditionKeys(point)) {
    engine.addRule({ name: key, conditions: toRulesEngineCondition(condition), event: { type: 'holds', params: { key } } });
  }
  void model;
  return engine;
}
