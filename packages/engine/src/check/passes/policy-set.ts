/**
 * Policy-set pass: policy-set.yaml's title and its decision points. Every point id is declared
 * once and its title and question have each language of the set; the points start empty and the
 * policies pass fills them.
 */
import type { CheckContext } from '../context.js';
import { checkText } from '../texts.js';

export function checkPolicySetDocument(ctx: CheckContext): void {
  const rep = ctx.reporter.in(ctx.set);
  const set = ctx.set.document;
  ctx.setTitle = checkText(ctx, rep, ['title'], set.title, 'the title of the policy set');
  if (set.description) checkText(ctx, rep, ['description'], set.description, 'the description of the policy set');
  set.points.forEach((point, index) => {
    const path = ['points', index];
    ctx.points.add(rep, [...path, 'id'], point.id, {
      id: point.id,
      title: checkText(ctx, rep, [...path, 'title'], point.title, `the title of point \`${point.id}\``),
      question: checkText(ctx, rep, [...path, 'question'], point.question, `the question of point \`${point.id}\``),
      policies: [],
      outcomes: [],
      reads: [],
      requiredFacts: [],
    });
  });
}
