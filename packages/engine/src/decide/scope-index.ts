/**
 * Which policies of a point can apply to a fact record, looked up by one fact instead of trying
 * every policy's scope. Organisation packs are scoped by the fact that names the organisation,
 * so a point with a pack for every municipality would otherwise test hundreds of scopes per
 * decision; with the index a decision tries only the policies whose scope admits the record's
 * value of that fact, and the policies whose scope does not fix it.
 *
 * The fact is found, not named: it is the fact that the most scopes require a value of (a scope
 * that is, or is a conjunction containing, `fact is v` or `fact in [...]`, through named
 * conditions too). A policy left out by the index has a scope that cannot hold for the record,
 * so the decision is the same as trying every scope; the json-rules-engine path, which evaluates
 * every scope, is held to the same decisions by the differential test.
 */
import type { ConditionNode, FactValue, PointModel } from '../model.js';

export interface ScopeIndex {
  /** The fact the index looks up. */
  fact: string;
  /** Per value of the fact: the policies (indices into `point.policies`, ascending) whose scope may hold with it. */
  byValue: ReadonlyMap<FactValue, readonly number[]>;
  /** The policies whose scope does not fix the fact: for a value no scope names, only they may hold. */
  others: readonly number[];
}

/** The values a condition requires of each fact it fixes: a test `is`/`in`, or the tests of a conjunction. */
export function requiredValues(
  node: ConditionNode,
  named: ReadonlyMap<string, ConditionNode>,
  followed: ReadonlySet<string> = new Set(),
): Map<string, Set<FactValue>> {
  const required = new Map<string, Set<FactValue>>();
  if (node.kind === 'test' && (node.op === 'eq' || node.op === 'in')) {
    required.set(node.fact, new Set(Array.isArray(node.value) ? node.value : [node.value]));
  } else if (node.kind === 'all') {
    for (const item of node.items) {
      for (const [fact, values] of requiredValues(item, named, followed)) {
        const known = required.get(fact);
        // Two tests of one fact in a conjunction: only the values both admit.
        required.set(fact, known ? new Set([...known].filter((value) => values.has(value))) : values);
      }
    }
  } else if (node.kind === 'ref' && !followed.has(node.qualified)) {
    const target = named.get(node.qualified);
    if (target) return requiredValues(target, named, new Set([...followed, node.qualified]));
  }
  return required;
}

/** The index of a point's policies by the fact most of their scopes fix; undefined when fewer than two scopes fix one. */
export function buildScopeIndex(point: PointModel, named: ReadonlyMap<string, ConditionNode>): ScopeIndex | undefined {
  const required = point.policies.map((policy) => (policy.scope ? requiredValues(policy.scope, named) : new Map<string, Set<FactValue>>()));
  const counts = new Map<string, number>();
  for (const byFact of required) for (const fact of byFact.keys()) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  let fact: string | undefined;
  for (const [candidate, count] of counts) if (count >= 2 && (fact === undefined || count > counts.get(fact)!)) fact = candidate;
  if (fact === undefined) return undefined;
  const others: number[] = [];
  const keyed = new Map<FactValue, number[]>();
  required.forEach((byFact, index) => {
    const values = byFact.get(fact);
    if (!values) others.push(index);
    else
      for (const value of values) {
        const list = keyed.get(value);
        if (list) list.push(index);
        else keyed.set(value, [index]);
      }
  });
  const byValue = new Map<FactValue, readonly number[]>();
  for (const [value, indices] of keyed)
    byValue.set(
      value,
      [...indices, ...others].sort((x, y) => x - y),
    );
  return { fact, byValue, others };
}

/** The policies (ascending indices) whose scope may hold for the facts. */
export function candidatePolicies(index: ScopeIndex, facts: Readonly<Record<string, FactValue>>): readonly number[] {
  return index.byValue.get(facts[index.fact] ?? null) ?? index.others;
}
