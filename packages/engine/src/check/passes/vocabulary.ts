/**
 * Vocabulary pass: the facts and outcome ids of vocabulary.yaml. Each fact's declaration is
 * checked by its type (fact-types/: the domain, and the default against it), every id is
 * declared once, and every title and description has each language of the set.
 */
import { declareFact } from '../../fact-types/index.js';
import type { FactModel, OutcomeModel } from '../../model.js';
import type { CheckContext } from '../context.js';
import { checkText } from '../texts.js';

export function checkVocabulary(ctx: CheckContext): void {
  const rep = ctx.reporter.in(ctx.vocabulary);
  const { facts, outcomes } = ctx.vocabulary.document;
  facts.forEach((fact, index) => {
    const path = ['facts', index];
    const title = checkText(ctx, rep, [...path, 'title'], fact.title, `the title of fact \`${fact.id}\``);
    const at = rep.at(path);
    const description = fact.description
      ? checkText(ctx, rep, [...path, 'description'], fact.description, `the description of fact \`${fact.id}\``)
      : undefined;
    const declared = declareFact(fact, rep.inside(path));
    // The key order is the published bundle's: id, type, hasDefault, title, at, description, domain, default, explain.
    const model = { id: fact.id, type: fact.type, hasDefault: fact.default !== undefined, title, at } as FactModel;
    if (description) model.description = description;
    Object.assign(model, declared.domain, 'default' in declared ? { default: declared.default } : {});
    if (fact.explain) model.explain = fact.explain;
    ctx.facts.add(rep, [...path, 'id'], fact.id, model);
  });
  outcomes.forEach((outcome, index) => {
    const path = ['outcomes', index];
    const model: OutcomeModel = {
      id: outcome.id,
      group: outcome.group,
      title: checkText(ctx, rep, [...path, 'title'], outcome.title, `the title of outcome \`${outcome.id}\``),
      at: rep.at(path),
    };
    if (outcome.description)
      model.description = checkText(
        ctx,
        rep,
        [...path, 'description'],
        outcome.description,
        `the description of outcome \`${outcome.id}\``,
      );
    ctx.outcomes.add(rep, [...path, 'id'], outcome.id, model);
  });
}
