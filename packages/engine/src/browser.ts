/**
 * `@vot/engine/browser`: the part of the engine that runs in a browser (the rendered policy
 * book's what-if page, bundled by the command line):
 * deciding on the compiled path and describing conditions. Nothing here may import a `node:`
 * module; loading folders stays in `load/`.
 */
export { PolicySet } from './decide/policy-set.js';
export type { Decision, DecidedOutcome } from './decide/decision.js';
export { describeCondition, describeContext, describeWhen, textIn, valueText } from './describe/condition.js';
export type * from './model.js';
