/**
 * `@vot/engine/browser`: the part of the engine that runs in a browser (the rendered policy
 * book's what-if page, bundled by the command line): deciding on the compiled path, describing
 * conditions, and the words of each language. Nothing here may import a `node:` module; loading
 * folders stays in `load/`.
 */
export { PolicySet } from './decide/policy-set.js';
export type { Decision, DecidedOutcome } from './decide/decision.js';
export { describeCondition, describeContext, describeWhen, valueText } from './describe/condition.js';
export { capitalize, langs, textIn, wordsFor, type Words } from './words/index.js';
export { factType, noneAllowed, type FormField } from './fact-types/index.js';
export type * from './model.js';
