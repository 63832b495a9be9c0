/**
 * @vot/policies: the bundled policy set for handling violence and threats against
 * public-sector employees, and `loadPolicies()` to decide with it.
 *
 *     const policies = await loadPolicies();
 *     const decision = await policies.decide('reaction', facts);
 */
export { loadPolicies, type BundledPoliciesOptions, type LoadPoliciesOptions, type Policies, type TypedDecision } from './load.js';
export { bundledPolicyDir } from './location.js';
export { toAuditRecord, type AuditRecord } from '@vot/engine/runtime';
export { PolicyError, PolicySet, renderDiagnostics } from '@vot/engine/runtime';
export type { BasisEntry, DecidedOutcome, Decision, Diagnostic, EvaluatorKind, FactValue, Status, Text, Trace } from '@vot/engine/runtime';
export type { Facts, FactsOf, OutcomeId, OutcomeOf, Point } from './generated/facts.js';
export { points } from './generated/facts.js';
