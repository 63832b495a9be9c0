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
export { diagnosticCodes } from './messages.js';
export {
  checkPolicyFolder,
  checkPolicyTexts,
  loadPolicySet,
  type CheckedFolder,
  type CheckFolderOptions,
  type LoadPolicySetOptions,
} from './load/load-policies.js';
export { loadPolicyFolder, loadPolicyTexts, readPolicyFolder, type LoadedDocument, type LoadedFolder } from './load/folder.js';
export { parseYaml, loadLimits, type ParsedFile } from './load/parse.js';
export { policyHash } from './load/hash.js';
export { checkPolicySet } from './check/check.js';
export { PolicySet, type DecideOptions, type EvaluatorKind } from './decide/policy-set.js';
export type { BasisEntry, DecidedOutcome, Decision, Trace, TraceStep } from './decide/decision.js';
export { createFactsValidator, factLimits, type FactRecord } from './decide/facts.js';
export { pointFactsSchema } from './decide/facts-zod.js';
export { compilePredicate, conditionText, explainFailure, type ConditionFailure, type Predicate } from './compile/predicate.js';
export { buildRulesEngine, toRulesEngineCondition } from './compile/rules-engine.js';
export { conditionKeys, namedConditions } from './compile/keys.js';
export { documentSchemas } from './schema/documents.js';
export { jsonSchemaFiles, schemaFileNames, toJsonSchema } from './schema/json-schema.js';
export type * from './model.js';
export {
  combinations,
  defaultFacts,
  domainSize,
  factDomain,
  integerBreakpoints,
  outcomeSlice,
  pointDomain,
  sliceDomain,
  type FactDomain,
} from './analyze/domain.js';
export { factsRead, outcomeConditions, outcomeRules, pointConditions, walkCondition } from './walk.js';
export {
  compareScenario,
  runScenarios,
  type RunScenariosOptions,
  type ScenarioMismatch,
  type ScenarioResult,
} from './testing/scenarios.js';
export { bundleFormat, parseBundle, serializeBundle, type PolicyBundle } from './bundle/bundle.js';
export { factTypesSource, type FactTypesOptions } from './codegen/fact-types.js';
export {
  auditOutcomes,
  auditRecordFormat,
  compareOutcomes,
  toAuditRecord,
  type AuditOutcome,
  type AuditRecord,
  type OutcomeChange,
} from './decide/audit.js';
export { auditRecordSchema, parseAuditRecordLine } from './decide/audit-parse.js';
export {
  coverCells,
  diffPolicySets,
  isEmptyDiff,
  outcomeDiffDomain,
  type DecisionChange,
  type FactConstraint,
  type FieldChange,
  type OutcomeState,
  type PolicyDiff,
  type StateDelta,
  type TextChange,
} from './analyze/diff.js';
export {
  describeCondition,
  describeContext,
  describeWhen,
  factName,
  listText,
  textIn,
  valueText,
  type DescribeContext,
  type SentenceLang,
} from './describe/condition.js';
export { describeChange, describeConstraint, describeDelta, describeGroup, describeState } from './describe/change.js';
export {
  runGate,
  traceability,
  type Counterexample,
  type DecidedForDuty,
  type DutyResult,
  type GateOptions,
  type GateReport,
  type ObligationResult,
  type TraceabilityRow,
} from './analyze/gate.js';
export { conditionWords, expectationWords, renderGateReport, type RenderGateOptions, type ReportLang } from './analyze/gate-render.js';
export { scenarioCoverage, type ScenarioCoverage } from './analyze/coverage.js';
export { bilingual, editorJsonSchema, editorVocabulary, type EditorVocabulary } from './schema/editor.js';
export { pointFactsJsonSchema } from './decide/facts-json-schema.js';
export { formatPolicyText, type FormatOptions, type FormatResult } from './format/format.js';
export { fileErrorReason, folderLimits } from './load/folder.js';
export {
  formatStrictJsonError,
  parseStrictJson,
  strictJsonDefaults,
  type JsonValue,
  type StrictJsonError,
  type StrictJsonErrorCode,
  type StrictJsonOptions,
  type StrictJsonResult,
} from './json/strict-json.js';
