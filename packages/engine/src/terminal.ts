/**
 * `@vot/engine/terminal`: what a command prints before it needs the engine, with no dependency
 * but Node's built-ins: diagnostics, the terminal sanitiser, spelling suggestions and
 * file-system errors in words. The `vot` commands that only decide (`eval` from the checked
 * bundle) start from this entry, `@vot/engine/runtime` and `@vot/engine/browser`, and so load
 * neither yaml, zod nor the checker (`src/runtime.test.ts`, and the command line's
 * `src/startup.test.ts`).
 */
export {
  diagnostic,
  didYouMean,
  hasErrors,
  renderDiagnostic,
  renderDiagnostics,
  type Diagnostic,
  type DiagnosticInput,
} from './diagnostics.js';
export { fileErrorReason } from './load/file-error.js';
export { commandLineCodes } from './messages.js';
export { terminalColumns, terminalJson, terminalLine, terminalProse, terminalText } from './output/terminal.js';
