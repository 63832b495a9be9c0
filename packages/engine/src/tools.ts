/**
 * `@vot/engine/tools`: what the `vot` command line, the build scripts, the benchmarks and the
 * tests are made of. A host system needs none of it (see `@vot/engine`); these names may
 * change with the command line that uses them.
 */

// Loading, step by step.
export {
  declaredFolderLimits,
  type FolderLimits,
  fileErrorReason,
  folderCeiling,
  folderLimits,
  loadPolicyFolder,
  loadPolicyTexts,
  readPolicyFolder,
  type LoadedDocument,
  type LoadedFolder,
} from './load/folder.js';
export { loadLimits, parseYaml, type ParsedFile } from './load/parse.js';
export { policyHash } from './load/hash.js';
export { modelCacheDir, runGateCached } from './pipeline/model-cache.js';
export { checkPolicySet } from './check/check.js';
export { diagnostic, type DiagnosticArgs, type DiagnosticDetails, type DiagnosticInput } from './diagnostics.js';
export { commandLineCodes } from './messages.js';
export { locationText } from './location.js';

// Facts.
export { createFactsValidator } from './decide/facts.js';

// Compiling conditions.
export { compilePredicate, conditionText, explainFailure, type ConditionFailure, type Predicate } from './compile/predicate.js';
export { buildRulesEngine, toRulesEngineCondition } from './compile/rules-engine.js';
export { conditionKeys, namedConditions } from './compile/keys.js';
export { factsRead, outcomeConditions, outcomeRules, pointConditions, walkCondition, writtenCondition } from './walk.js';

// Document schemas and the editor's JSON Schema files.
export { condition as conditionSchema, documentSchemas } from './schema/documents.js';
export { jsonSchemaFiles, schemaFileNames, toJsonSchema } from './schema/json-schema.js';
export { bilingual, editorJsonSchema, editorVocabulary, type EditorVocabulary } from './schema/editor.js';

// Analysis: the fact domain, the regulation gate, coverage and the semantic diff.
export {
  combinations,
  defaultFacts,
  domainSize,
  factDomain,
  pointCuts,
  outcomeSlice,
  pointDomain,
  sliceDomain,
  type FactDomain,
} from './analyze/domain.js';
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
export {
  conditionWords,
  obligationWords,
  renderGateReport,
  type RenderGateOptions,
  type StatedObligation,
} from './analyze/gate-render.js';
export { scenarioCoverage, type ScenarioCoverage } from './analyze/coverage.js';
export {
  coverCells,
  diffAtDates,
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

// Sentences for the policy book, the diff and the gate.
export {
  describeCondition,
  describeContext,
  describeWhen,
  factName,
  listText,
  titleIn,
  valueText,
  type DescribeContext,
} from './describe/condition.js';
export {
  capitalize,
  isLang,
  langOf,
  langs,
  periodText,
  statusWord,
  windowText,
  wordsFor,
  type LabelWords,
  type Words,
} from './words/index.js';
export { expectedStatuses } from './status.js';
export { domainText, nearestValues, type DomainWords, type NearValue } from './fact-types/index.js';
export { describeChange, describeConstraint, describeDelta, describeGroup, describeState } from './describe/change.js';
export { describeAlternativeChange, describeAlternatives, type AlternativeChange } from './describe/alternative.js';
export { explainLimits } from './explain/alternatives.js';

// Scenario tests.
export {
  compareScenario,
  decidedState,
  outcomeStateText,
  runScenarios,
  type ReportedOutcome,
  type RunScenariosOptions,
  type ScenarioMismatch,
  type ScenarioResult,
} from './testing/scenarios.js';
export { minimalPolicyFiles, minimalPolicyMap, overridingPolicyFiles, twoPointPolicyFiles } from './testing/fixtures.js';

// Building: bundles, generated types, formatting, audit records in detail, writing files.
export { serializeBundle } from './bundle/bundle.js';
export {
  bundleKeyId,
  bundlePublicKeysFromEnvironment,
  bundleSignatureFormat,
  parseBundlePublicKeys,
  signatureFileOf,
  signBundle,
  verifyBundleSignature,
} from './bundle/signature.js';
export { factTypesSource, type FactTypesOptions } from './codegen/fact-types.js';
export { factType } from './fact-types/index.js';
export { formatPolicyText, type FormatOptions, type FormatResult } from './format/format.js';
export { auditOutcomes, recordDate } from './decide/audit.js';
export { auditRecordSchema } from './decide/audit-parse.js';
export { writeFileAtomic } from './write-file.js';

// Output formats: each owns the escaping of text from outside.
export { terminalColumns, terminalJson, terminalLine, terminalProse, terminalText } from './output/terminal.js';
export { markdownCode, markdownLink, markdownText, markdownUrl } from './output/markdown.js';
export { escapeHtml, htmlHref, scriptJson } from './output/html.js';
export {
  formatStrictJsonError,
  strictJsonDefaults,
  type JsonValue,
  type StrictJsonErrorCode,
  type StrictJsonOptions,
} from './json/strict-json.js';
export { didYouMean } from './check/context.js';

// Law in time: calendar dates, windows and the periods of a policy set.
export { addDays, isIsoDate } from './time/calendar.js';
export { inWindow, lastDay } from './time/windows.js';
export { analysisDate, changeDates, periodsOf, type Period } from './analyze/periods.js';
