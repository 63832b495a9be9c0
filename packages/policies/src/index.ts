/**
 * @vot/policies: the bundled policy set for handling violence and threats against
 * public-sector employees, and `loadPolicies()` to decide with it.
 *
 *     const policies = await loadPolicies();
 *     const decision = await policies.decide('reaction', facts);
 */
import { loadPolicySet, type EvaluatorKind, type FactValue, type PolicySet } from '@vot/engine';
import { bundledPolicyDir } from './location.js';

export interface LoadPoliciesOptions {
  /** Another policy folder (reviewers, tests); default: the bundled policies. */
  dir?: string;
  /** Local choices within their allowed ranges, e.g. `{ 'exclusion.max-weeks': 8 }`. */
  settings?: Readonly<Record<string, FactValue>>;
  /** `compiled` (default, fast) or `json-rules-engine` (the reference semantics). */
  evaluator?: EvaluatorKind;
}

/** Loads, checks and compiles the policies once; decide with the returned set many times. */
export async function loadPolicies(options: LoadPoliciesOptions = {}): Promise<PolicySet> {
  return loadPolicySet(options.dir ?? bundledPolicyDir(), { settings: options.settings, evaluator: options.evaluator });
}

export { bundledPolicyDir };
export { PolicyError, PolicySet, renderDiagnostics } from '@vot/engine';
export type { BasisEntry, DecidedOutcome, Decision, Diagnostic, EvaluatorKind, FactValue, Status, Text, Trace } from '@vot/engine';
