/**
 * The finite fact domain of a decision point, reduced soundly for exhaustive analysis:
 * - only the facts the point reads are enumerated (the others cannot change its decision);
 * - an integer fact is split into the intervals between the numbers the point compares it
 *   with, and one representative (the smallest) stands for each interval, because no
 *   condition can tell two numbers of the same interval apart.
 */
import type { ConditionNode, FactModel, FactValue, PointModel, PointOutcomeModel, PolicySetModel } from '../model.js';

export interface FactDomain {
  fact: string;
  /** Representatives, smallest first; `null` stands for an absent fact whose default is `none`. */
  values: FactValue[];
  /** For integers: the intervals the representatives stand for, e.g. `0`, `1..4`, `5..1000`. */
  intervals?: string[];
}

function visitConditions(point: PointModel, visit: (node: ConditionNode) => void): void {
  const walk = (node: ConditionNode | null): void => {
    if (!node) return;
    visit(node);
    if (node.kind === 'all' || node.kind === 'any') node.items.forEach(walk);
    else if (node.kind === 'not') walk(node.item);
  };
  for (const policy of point.policies) {
    walk(policy.scope);
    for (const named of policy.conditions) walk(named.when);
  }
  for (const outcome of point.outcomes) {
    for (const rule of [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])]) {
      walk(rule.when);
      for (const requirement of rule.requires) walk(requirement.when);
    }
  }
}

/** The numbers at which some condition of the point can change its answer, per integer fact. */
export function integerBreakpoints(point: PointModel): Map<string, Set<number>> {
  return breakpointsOf((visit) => visitConditions(point, visit));
}

function breakpointsOf(walk: (visit: (node: ConditionNode) => void) => void): Map<string, Set<number>> {
  const breakpoints = new Map<string, Set<number>>();
  walk((node) => {
    if (node.kind !== 'test') return;
    const values = (Array.isArray(node.value) ? node.value : [node.value]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0) return;
    const set = breakpoints.get(node.fact) ?? new Set<number>();
    for (const value of values) {
      // `x >= c` and `x < c` change at c; `x > c`, `x <= c` at c + 1; `x == c` at c and c + 1.
      set.add(value);
      set.add(value + 1);
    }
    breakpoints.set(node.fact, set);
  });
  return breakpoints;
}

/** The breakpoints of a list of condition nodes (each visited as given, not recursively). */
export function conditionBreakpoints(nodes: readonly ConditionNode[]): Map<string, Set<number>> {
  return breakpointsOf((visit) => nodes.forEach(visit));
}

export function factDomain(fact: FactModel, breakpoints: ReadonlySet<number> = new Set()): FactDomain {
  const none = fact.hasDefault && fact.default === null ? [null] : [];
  if (fact.type === 'boolean') return { fact: fact.id, values: [false, true, ...none] };
  if (fact.type === 'enum') return { fact: fact.id, values: [...fact.values!, ...none] };
  const min = fact.min!;
  const max = fact.max!;
  const starts = [...new Set([min, ...[...breakpoints].filter((b) => b > min && b <= max)])].sort((x, y) => x - y);
  const intervals = starts.map((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : max;
    return start === end ? String(start) : `${start}..${end}`;
  });
  return { fact: fact.id, values: [...starts, ...none], intervals: [...intervals, ...(none.length ? ['none'] : [])] };
}

/** The reduced domain of a point: one entry per fact it reads, in vocabulary order. */
export function pointDomain(model: PolicySetModel, point: PointModel): FactDomain[] {
  const breakpoints = integerBreakpoints(point);
  const facts = new Map(model.facts.map((f) => [f.id, f]));
  return point.reads.map((id) => factDomain(facts.get(id)!, breakpoints.get(id)));
}

/**
 * Visits every condition one outcome's decision depends on: the scope of its policy, the `when`
 * of each of its rules (and `otherwise`), their conditional requirements, the same for the
 * policies that override it, and the named conditions these refer to, followed transitively
 * (each once, so a cycle cannot loop).
 */
function visitOutcomeConditions(point: PointModel, outcome: PointOutcomeModel, visit: (node: ConditionNode) => void): void {
  const named = new Map(point.policies.flatMap((policy) => policy.conditions.map((c) => [c.qualified, c.when] as const)));
  const followed = new Set<string>();
  const walk = (node: ConditionNode | null): void => {
    if (!node) return;
    visit(node);
    if (node.kind === 'all' || node.kind === 'any') node.items.forEach(walk);
    else if (node.kind === 'not') walk(node.item);
    else if (node.kind === 'ref' && !followed.has(node.qualified)) {
      followed.add(node.qualified);
      walk(named.get(node.qualified) ?? null);
    }
  };
  // A shared outcome is decided by the overriding policies too, where their scopes hold.
  const deciders = [outcome, ...(outcome.overriddenBy ?? []).flatMap((id) => point.outcomes.filter((o) => o.policy === id && o.id === outcome.id))];
  for (const decider of deciders) {
    walk(point.policies.find((policy) => policy.id === decider.policy)?.scope ?? null);
    for (const rule of [...decider.rules, ...(decider.otherwise ? [decider.otherwise] : [])]) {
      walk(rule.when);
      for (const requirement of rule.requires) walk(requirement.when);
    }
  }
}

/**
 * The reduced domain one outcome's decision depends on, in vocabulary order: only the facts its
 * conditions read (see `visitOutcomeConditions`), integers split at the numbers those conditions
 * compare with. Sound because an outcome is decided by its policy's scope and its own rules
 * alone (or, where an overriding policy applies, by that policy's scope and rules): every fact
 * outside the slice can be held at any valid value without changing the outcome, so enumerating
 * the slice covers every decision the outcome can take.
 */
export function outcomeSlice(model: PolicySetModel, point: PointModel, outcome: PointOutcomeModel): FactDomain[] {
  const read = new Set<string>();
  visitOutcomeConditions(point, outcome, (node) => {
    if (node.kind === 'test') read.add(node.fact);
  });
  const breakpoints = breakpointsOf((visit) => visitOutcomeConditions(point, outcome, visit));
  return model.facts.filter((fact) => read.has(fact.id)).map((fact) => factDomain(fact, breakpoints.get(fact.id)));
}

export function domainSize(domains: readonly FactDomain[]): number {
  return domains.reduce((size, domain) => size * domain.values.length, 1);
}

/**
 * Every combination, as one reused record (copy it to keep it). Facts the point does not read
 * are filled from `base` (their defaults, or null).
 */
export function* combinations(domains: readonly FactDomain[], base: Readonly<Record<string, FactValue>>): Generator<Record<string, FactValue>> {
  const record: Record<string, FactValue> = Object.assign(Object.create(null) as Record<string, FactValue>, base);
  const indices = domains.map(() => 0);
  for (const domain of domains) record[domain.fact] = domain.values[0]!;
  if (domains.some((d) => d.values.length === 0)) return;
  while (true) {
    yield record;
    let position = domains.length - 1;
    while (position >= 0) {
      const domain = domains[position]!;
      indices[position]!++;
      if (indices[position]! < domain.values.length) {
        record[domain.fact] = domain.values[indices[position]!]!;
        break;
      }
      indices[position] = 0;
      record[domain.fact] = domain.values[0]!;
      position--;
    }
    if (position < 0) return;
  }
}

/** Defaults for every fact (null where there is none): the base record for enumeration. */
export function defaultFacts(model: PolicySetModel): Record<string, FactValue> {
  const base: Record<string, FactValue> = Object.create(null) as Record<string, FactValue>;
  for (const fact of model.facts) base[fact.id] = fact.hasDefault ? (fact.default ?? null) : null;
  return base;
}
