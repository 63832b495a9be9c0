/**
 * Walking the condition trees of a checked model: one place for what every analysis needs
 * (the checker's facts-read, domains and slices, the gate, the diff), so they cannot drift
 * apart on which conditions an outcome depends on.
 */
import type { ConditionNode, PointModel, PointOutcomeModel, RuleModel } from './model.js';

/** Every rule of an outcome, `otherwise` last. */
export const outcomeRules = (outcome: PointOutcomeModel): RuleModel[] => [
  ...outcome.rules,
  ...(outcome.otherwise ? [outcome.otherwise] : []),
];

/**
 * Visits every node of a condition, following named conditions through `named` (each name
 * once per `followed` set, so a cycle cannot loop).
 */
export function walkCondition(
  node: ConditionNode | null,
  named: ReadonlyMap<string, ConditionNode>,
  visit: (node: ConditionNode) => void,
  followed: Set<string> = new Set(),
): void {
  if (!node) return;
  visit(node);
  if (node.kind === 'all' || node.kind === 'any') for (const item of node.items) walkCondition(item, named, visit, followed);
  else if (node.kind === 'not') walkCondition(node.item, named, visit, followed);
  else if (node.kind === 'ref' && !followed.has(node.qualified)) {
    followed.add(node.qualified);
    walkCondition(named.get(node.qualified) ?? null, named, visit, followed);
  }
}

/** The conditions of a rule: its `when` and the conditions of its requirements. */
export function ruleConditions(rule: RuleModel): Array<ConditionNode | null> {
  return [rule.when, ...rule.requires.map((requirement) => requirement.when)];
}

/** Every condition a point evaluates: policy scopes, rules and their requirements. */
export function pointConditions(point: PointModel): Array<ConditionNode | null> {
  return [
    ...point.policies.map((policy) => policy.scope),
    ...point.outcomes.flatMap((outcome) => outcomeRules(outcome).flatMap(ruleConditions)),
  ];
}

/**
 * The conditions one outcome's decision depends on: the scope of its policy, its rules and
 * their requirements, and the same for the policies that override it where their scopes hold.
 */
export function outcomeConditions(point: PointModel, outcome: PointOutcomeModel): Array<ConditionNode | null> {
  const deciders = [
    outcome,
    ...(outcome.overriddenBy ?? []).flatMap((id) => point.outcomes.filter((o) => o.policy === id && o.id === outcome.id)),
  ];
  return deciders.flatMap((decider) => [
    point.policies.find((policy) => policy.id === decider.policy)?.scope ?? null,
    ...outcomeRules(decider).flatMap(ruleConditions),
  ]);
}

/**
 * The facts some conditions read and, per integer fact, the numbers at which they can change
 * their answer: `x ≥ c` and `x < c` change at c; `x > c` and `x ≤ c` at c + 1; `x = c` at both.
 */
export function factsRead(
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
): { read: Set<string>; breakpoints: Map<string, Set<number>> } {
  const read = new Set<string>();
  const breakpoints = new Map<string, Set<number>>();
  const followed = new Set<string>();
  for (const condition of conditions) {
    walkCondition(
      condition,
      named,
      (node) => {
        if (node.kind !== 'test') return;
        read.add(node.fact);
        for (const value of Array.isArray(node.value) ? node.value : [node.value]) {
          if (typeof value !== 'number') continue;
          const set = breakpoints.get(node.fact) ?? new Set<number>();
          set.add(value).add(value + 1);
          breakpoints.set(node.fact, set);
        }
      },
      followed,
    );
  }
  return { read, breakpoints };
}
