/**
 * The compiled predicates alone, for the comparison with the hand-written function: for one
 * policy of a point, per outcome, the status of the first rule whose predicate holds (else
 * `otherwise`) and the requirements whose predicates hold, with no validation, decision
 * objects or trace. Built from the engine's public compiler; a policy that overrides or is
 * overridden is refused (the comparison is about one policy on its own).
 */
import type { Decision, FactRecord, PointModel, RuleModel } from '@vot/engine';
import { compilePredicate, namedConditions, type Predicate } from '@vot/engine/tools';
import type { HandDecided } from './reaction-by-hand.js';

export function compiledPolicy(point: PointModel, policyId: string): (facts: FactRecord) => HandDecided[] | null {
  const policy = point.policies.find((p) => p.id === policyId);
  if (!policy) throw new Error(`point ${point.id} has no policy ${policyId}`);
  const own = point.outcomes.filter((o) => o.policy === policyId);
  if (own.some((o) => o.overrides !== undefined || (o.overriddenBy ?? []).length > 0))
    throw new Error(`policy ${policyId} takes part in an override`);
  const named = namedConditions(point);
  const cache = new Map<string, Predicate>();
  const compile = (rule: RuleModel) => ({
    when: rule.when ? compilePredicate(rule.when, named, cache) : null,
    status: rule.status,
    requires: rule.requires.map((r) => ({ id: r.id, when: r.when ? compilePredicate(r.when, named, cache) : null })),
  });
  const scope = policy.scope ? compilePredicate(policy.scope, named, cache) : null;
  const outcomes = own.map((outcome) => [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])].map(compile));
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

/** The same view of a full decision: the outcomes the policy's rules decided, or null if it did not apply. */
export function policyView(decision: Decision, policyId: string): HandDecided[] | null {
  if (!decision.trace.policies.includes(policyId)) return null;
  const decided: HandDecided[] = [];
  decision.trace.steps.forEach((step, index) => {
    if (!step.rule.startsWith(`${policyId}/`)) return;
    const outcome = decision.outcomes[index]!;
    decided.push(outcome.requires ? { status: outcome.status, requires: outcome.requires } : { status: outcome.status });
  });
  return decided;
}
