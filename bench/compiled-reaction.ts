/**
 * The compiled predicates alone, for the comparison with the hand-written function: per
 * outcome, the status of the first rule whose predicate holds (else `otherwise`) and the
 * requirements whose predicates hold, with no validation, decision objects or trace. Built
 * from the engine's public compiler; valid for a point of one policy without overrides.
 */
import { compilePredicate, namedConditions, type FactRecord, type PointModel, type PolicySetModel, type Predicate, type RuleModel } from '@vot/engine';
import type { HandDecided } from './reaction-by-hand.js';

export function compiledReaction(model: PolicySetModel, point: PointModel): (facts: FactRecord) => HandDecided[] | null {
  if (point.policies.length !== 1) throw new Error(`point ${point.id} has more than one policy`);
  void model;
  const named = namedConditions(point);
  const cache = new Map<string, Predicate>();
  const compile = (rule: RuleModel) => ({
    when: rule.when ? compilePredicate(rule.when, named, cache) : null,
    status: rule.status,
    requires: rule.requires.map((r) => ({ id: r.id, when: r.when ? compilePredicate(r.when, named, cache) : null })),
  });
  const scope = point.policies[0]!.scope ? compilePredicate(point.policies[0]!.scope, named, cache) : null;
  const outcomes = point.outcomes.map((outcome) => [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])].map(compile));
  return (facts) => {
    if (scope && !scope(facts)) return null;
    const decided: HandDecided[] = [];
    for (const rules of outcomes) {
      for (const rule of rules) {
        if (rule.when && !rule.when(facts)) continue;
        const requires: string[] = [];
        for (const requirement of rule.requires) if (!requirement.when || requirement.when(facts)) requires.push(requirement.id);
        decided.push(requires.length > 0 ? { status: rule.status, requires } : { status: rule.status });
        break;
      }
    }
    return decided;
  };
}
