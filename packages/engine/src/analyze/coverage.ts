/**
 * What the reviewers' scenario tests exercise: which rules decide some scenario and which never
 * do, and which named conditions the scenarios never make true (or never false). A rule no
 * scenario reaches is a rule no reviewer has seen decide.
 */
import { compilePredicate, type Predicate } from '../compile/predicate.js';
import { namedConditions } from '../compile/keys.js';
import { PolicySet } from '../decide/policy-set.js';
import type { FactValue, PolicySetModel } from '../model.js';
import { locationText } from '../location.js';
import { defaultFacts } from './domain.js';
import { outcomeRules } from '../walk.js';

export interface ScenarioCoverage {
  points: Array<{ point: string; scenarios: number; rules: number; reached: number }>;
  rules: { total: number; reached: number; unreached: Array<{ rule: string; at: string }> };
  conditions: {
    total: number;
    /** Named conditions no scenario makes true, or none makes false. */
    neverTrue: Array<{ condition: string; at: string }>;
    neverFalse: Array<{ condition: string; at: string }>;
  };
}

export function scenarioCoverage(model: PolicySetModel): ScenarioCoverage {
  const set = new PolicySet(model);
  const base = defaultFacts(model);
  const reachedRules = new Set<string>();
  const result: ScenarioCoverage = {
    points: [],
    rules: { total: 0, reached: 0, unreached: [] },
    conditions: { total: 0, neverTrue: [], neverFalse: [] },
  };
  for (const point of model.points) {
    const scenarios = model.scenarios.filter((s) => s.point === point.id);
    const named = namedConditions(point);
    const cache = new Map<string, Predicate>();
    const seen = new Map<string, { true: boolean; false: boolean }>();
    const predicates = [...named].map(([qualified, node]) => ({ qualified, holds: compilePredicate(node, named, cache) }));
    for (const scenario of scenarios) {
      const facts: Record<string, FactValue> = { ...base, ...scenario.facts };
      const decision = set.decideValidated(point.id, facts, { explain: false });
      for (const step of decision.trace.steps) reachedRules.add(step.rule);
      for (const { qualified, holds } of predicates) {
        const entry = seen.get(qualified) ?? { true: false, false: false };
        entry[holds(facts) ? 'true' : 'false'] = true;
        seen.set(qualified, entry);
      }
    }
    const rules = point.outcomes.flatMap((o) => outcomeRules(o));
    const reached = rules.filter((r) => reachedRules.has(r.key));
    result.points.push({ point: point.id, scenarios: scenarios.length, rules: rules.length, reached: reached.length });
    result.rules.total += rules.length;
    result.rules.reached += reached.length;
    for (const rule of rules) if (!reachedRules.has(rule.key)) result.rules.unreached.push({ rule: rule.key, at: locationText(rule.at) });
    for (const policy of point.policies) {
      for (const condition of policy.conditions) {
        result.conditions.total++;
        const entry = seen.get(condition.qualified) ?? { true: false, false: false };
        if (!entry.true) result.conditions.neverTrue.push({ condition: condition.qualified, at: locationText(condition.at) });
        if (!entry.false) result.conditions.neverFalse.push({ condition: condition.qualified, at: locationText(condition.at) });
      }
    }
  }
  return result;
}
