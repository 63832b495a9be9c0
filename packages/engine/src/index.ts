/**
 * `@vot/engine`: what a host system and a user of the `vot` command need. Load and check a
 * policy folder, decide with a {@link PolicySet}, read the decision and the checked model,
 * handle a {@link PolicyError} and render its diagnostics, keep audit records, read a bundle.
 *
 * The other entries: `@vot/engine/runtime` decides from a bundle without loading zod, yaml or
 * json-rules-engine at start-up; `@vot/engine/browser` is what the what-if page runs in a
 * browser; `@vot/engine/tools` holds the analysis, the regulation gate, the diff, the policy
 * book's sentences, the formatter, the schema export, code generation and the scenario runner
 * that the command line and the tests are built from.
 */

// Loading and checking a policy folder.
export {
  checkPolicyFolder,
  checkPolicyTexts,
  loadPolicySet,
  type CheckedFolder,
  type CheckFolderOptions,
  type LoadPolicySetOptions,
} from './pipeline/load-policies.js';

// Deciding.
export { PolicySet, type DecideOptions, type EvaluatorKind } from './decide/policy-set.js';
export type { BasisEntry, DecidedOutcome, Decision, Trace, TraceStep } from './decide/decision.js';
export type { Alternative } from './explain/alternatives.js';
export { factLimits, type FactRecord } from './decide/facts.js';
export { pointFactsSchema } from './decide/facts-zod.js';
export { pointFactsJsonSchema } from './decide/facts-json-schema.js';

// The checked model (plain data: what `PolicySet.model` holds and a bundle carries).
export type * from './model.js';
export { statuses } from './status.js';
export { textIn } from './words/index.js';

// Errors and their diagnostics.
export {
  PolicyError,
  hasErrors,
  renderDiagnostic,
  renderDiagnostics,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
  type SourcePosition,
} from './diagnostics.js';
export { diagnosticCodes } from './messages.js';

// Audit records.
export {
  auditRecordFormat,
  compareOutcomes,
  toAuditRecord,
  type AuditOutcome,
  type AuditRecord,
  type OutcomeChange,
} from './decide/audit.js';
export { parseAuditRecordLine } from './decide/audit-parse.js';

// Bundles.
export { bundleFormat, parseBundle, type PolicyBundle } from './bundle/bundle.js';

// Reading JSON from outside (facts, records) strictly.
export { parseStrictJson, type StrictJsonError, type StrictJsonResult } from './json/strict-json.js';
