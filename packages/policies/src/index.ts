/**
 * @vot/policies: the bundled policy set for handling violence and threats against
 * public-sector employees, and `loadPolicies()` to decide with it.
 *
 *     const policies = await loadPolicies();
 *     const decision = await policies.decide('reaction', facts);
 */
export {
  loadPolicies,
  type BundledPoliciesOptions,
  type LoadPoliciesOptions,
  type Policies,
  type TypedDecision,
  type TypedOutcome,
} from './load.js';
export { bundledPolicyDir } from './location.js';
// What a host needs of the engine, from its decision runtime (no zod, yaml or json-rules-engine
// at start-up); loading, checking and the tools are in @vot/engine.
export { PolicyError, PolicySet, renderDiagnostics } from '@vot/engine/runtime';
// JSON from outside (an incident file, a request body) read so that what is checked is what was sent.
export { parseStrictJson, type StrictJsonResult } from '@vot/engine/runtime';
export { compareOutcomes, toAuditRecord, type AuditOutcome, type AuditRecord, type OutcomeChange } from '@vot/engine/runtime';
export type {
  BasisEntry,
  DecideOptions,
  DecidedOutcome,
  Decision,
  Diagnostic,
  DiagnosticCode,
  EvaluatorKind,
  FactRecord,
  FactValue,
  Lang,
  PolicySetModel,
  Status,
  Text,
  Trace,
  TraceStep,
} from '@vot/engine/runtime';
export type { Facts, FactsOf, OutcomeId, OutcomeOf, Point, PointOutcomeStatuses, StatusOf } from './generated/facts.js';
export { points } from './generated/facts.js';
