/**
 * Walking the condition trees of a checked model: one place for what every analysis needs
 * (the checker's facts-read, domains and slices, the gate, the diff), so they cannot drift
 * apart on which conditions an outcome depends on.
 */
import { cutsOf, type ValueDomain } from './fact-types/index.js';
import type { ConditionNode, FactValue, PointModel, PointOutcomeModel, RuleModel } from './model.js';

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

/** Whether a node is a rule's window as the checker added it (a test of the decision's date, or two). */
const isWindow = (node: ConditionNode): boolean =>
  (node.kind === 'test' && node.window === true) || (node.kind === 'all' && node.items.length > 0 && node.items.every(isWindow));

/**
 * A rule's condition as the reviewer wrote it, without the window the checker added (the book
 * shows the window on its own line); null when the rule has no condition of its own.
 */
export function writtenCondition(rule: RuleModel): ConditionNode | null {
  const when = rule.when;
  if (!when || isWindow(when)) return null;
  if (when.kind === 'all' && when.items.length === 2 && isWindow(when.items[0]!)) return when.items[1]!;
  return when;
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

/** The outcomes that decide an outcome: itself, and the same outcome of the policies that override it. */
export function outcomeDeciders(point: PointModel, outcome: PointOutcomeModel): PointOutcomeModel[] {
  return [outcome, ...(outcome.overriddenBy ?? []).flatMap((id) => point.outcomes.filter((o) => o.policy === id && o.id === outcome.id))];
}

/**
 * The conditions one outcome's decision depends on: the scope of its policy, its rules and
 * their requirements, and the same for the policies that override it where their scopes hold.
 */
export function outcomeConditions(point: PointModel, outcome: PointOutcomeModel): Array<ConditionNode | null> {
  return outcomeDeciders(point, outcome).flatMap((decider) => [
    point.policies.find((policy) => policy.id === decider.policy)?.scope ?? null,
    ...outcomeRules(decider).flatMap(ruleConditions),
  ]);
}

/** Visits every test of some conditions, each named condition's once however often it is used. */
export function walkTests(
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
  visit: (test: Extract<ConditionNode, { kind: 'test' }>) => void,
): void {
  const followed = new Set<string>();
  for (const condition of conditions) {
    walkCondition(
      condition,
      named,
      (node) => {
        if (node.kind === 'test') visit(node);
      },
      followed,
    );
  }
}

/**
 * The facts some conditions read and, per ordered fact, the values at which they can change
 * their answer (its type decides, see fact-types/: `x ≥ c` and `x < c` change at c; `x > c` and
 * `x ≤ c` just after c; `x = c` at both). Cuts need the facts' types: without `facts` only the
 * facts read are worked out.
 */
export function factsRead(
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
  facts?: ReadonlyMap<string, ValueDomain>,
): { read: Set<string>; breakpoints: Map<string, Set<FactValue>> } {
  const read = new Set<string>();
  const breakpoints = new Map<string, Set<FactValue>>();
  walkTests(conditions, named, (node) => {
    read.add(node.fact);
    const fact = facts?.get(node.fact);
    if (!fact) return;
    for (const value of Array.isArray(node.value) ? node.value : [node.value]) {
      const cuts = cutsOf(fact, node.op, value);
      if (cuts.length === 0) continue;
      const set = breakpoints.get(node.fact) ?? new Set<FactValue>();
      for (const cut of cuts) set.add(cut);
      breakpoints.set(node.fact, set);
    }
  });
  return { read, breakpoints };
}
