/**
 * `@vot/engine/runtime`: what a host needs to decide with a checked, bundled policy set, and
 * nothing more. Importing it loads neither zod, yaml nor json-rules-engine (the last is loaded
 * on the first decision on the json-rules-engine path), so a host starts in milliseconds.
 * Loading and checking YAML are in the main entry, `@vot/engine`; analysis and the command
 * line's tools in `@vot/engine/tools`.
 */
export {
  PolicyError,
  diagnostic,
  hasErrors,
  renderDiagnostic,
  renderDiagnostics,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
  type SourcePosition,
} from './diagnostics.js';
export { PolicySet, type DecideOptions, type EvaluatorKind } from './decide/policy-set.js';
export type { BasisEntry, DecidedOutcome, Decision, Trace, TraceStep } from './decide/decision.js';
export type { Alternative } from './explain/alternatives.js';
export { factLimits, type FactRecord } from './decide/facts.js';
export {
  auditOutcomes,
  auditRecordFormat,
  compareOutcomes,
  toAuditRecord,
  type AuditOutcome,
  type AuditRecord,
  type OutcomeChange,
} from './decide/audit.js';
export { bundleFormat, parseBundle, type PolicyBundle } from './bundle/bundle.js';
export {
  bundlePublicKeysFromEnvironment,
  parseBundlePublicKeys,
  signatureFileOf,
  verifyBundleSignature,
} from './bundle/signature.js';
export type * from './model.js';
export { statuses } from './status.js';
export { parseStrictJson, type StrictJsonError, type StrictJsonResult } from './json/strict-json.js';
