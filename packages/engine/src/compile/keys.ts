/** Every condition a point evaluates, by its key: policy scopes, rules, conditional requirements. */
import type { ConditionNode, PointModel } from '../model.js';

export interface KeyedCondition {
  key: string;
  condition: ConditionNode;
}

export function conditionKeys(point: PointModel): KeyedCondition[] {
  const keyed: KeyedCondition[] = [];
  for (const policy of point.policies) if (policy.scope) keyed.push({ key: policy.scopeKey, condition: policy.scope });
  for (const outcome of point.outcomes) {
    for (const rule of [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])]) {
      if (rule.when) keyed.push({ key: rule.key, condition: rule.when });
      for (const requirement of rule.requires)
        if (requirement.key && requirement.when) keyed.push({ key: requirement.key, condition: requirement.when });
    }
  }
  return keyed;
}

/** Named conditions of every policy of the point, by qualified name. */
export function namedConditions(point: PointModel): Map<string, ConditionNode> {
  const named = new Map<string, ConditionNode>();
  for (const policy of point.policies) for (const c of policy.conditions) named.set(c.qualified, c.when);
  return named;
}
