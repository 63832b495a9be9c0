/**
 * `vot eval --explain`: under each outcome, what would give it another status, one sentence per
 * status ("«Exclusion from physical attendance» would be permitted if grave incident were yes,
 * or if …"), from the decision's alternatives (`decide(…, { explain: true })`).
 */
import type { DecidedOutcome, Lang, PolicySet } from '@vot/engine';
import { capitalize, describeAlternatives, describeContext, textIn, wordsFor } from '@vot/engine/browser';
import type { DescribeContext } from '@vot/engine/tools';

const contexts = new WeakMap<PolicySet, DescribeContext>();

/** The lines under an outcome, indented like the rest of its block; none when the decision was not explained. */
export function alternativeLines(policies: PolicySet, outcome: DecidedOutcome, lang: Lang, indent: string): string[] {
  if (!outcome.alternatives) return [];
  const w = wordsFor(lang);
  const heading = `${indent}${capitalize(w.explain.heading)}:`;
  if (outcome.alternatives.length === 0) return [`${heading} ${w.explain.none}`];
  let context = contexts.get(policies);
  if (!context) {
    context = describeContext(policies.model);
    contexts.set(policies, context);
  }
  const title = textIn(policies.model.outcomes.find((o) => o.id === outcome.id)?.title, lang);
  return [heading, ...describeAlternatives(title, outcome.alternatives, context, lang).map((sentence) => `${indent}  ${sentence}`)];
}
