/**
 * Vocabulary pass: the facts, outcome ids and limits of vocabulary.yaml. Each fact's
 * declaration is checked by its type (fact-types/: the domain, and the default against it),
 * every id is declared once, a value title names a value of its fact, and every title and
 * description has each language of the set. At most one fact carries the date a decision is
 * made for (`default: decision-date`); windows are tested on it.
 */
import { listOf } from '../../diagnostics.js';
import { declareFact, factType, isDecisionDate } from '../../fact-types/index.js';
import type { FactModel, OutcomeModel, Text } from '../../model.js';
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
    if (fact.valueTitles) {
      const values = factType(model).finiteValues(model).map(String);
      const titles: Record<string, Text> = {};
      for (const [value, title] of Object.entries(fact.valueTitles)) {
        const titlePath = [...path, 'valueTitles', value];
        if (!values.includes(value)) {
          rep.report(titlePath, { code: 'value-out-of-domain', args: { value, what: `fact \`${fact.id}\`` }, expected: listOf(values) });
          continue;
        }
        titles[value] = checkText(ctx, rep, titlePath, title, `the title of value \`${value}\` of fact \`${fact.id}\``);
      }
      model.valueTitles = titles;
    }
    if (fact.explain) model.explain = fact.explain;
    ctx.facts.add(rep, [...path, 'id'], fact.id, model);
    if (!isDecisionDate(model)) return;
    if (ctx.decisionDate === undefined) ctx.decisionDate = fact.id;
    else if (ctx.decisionDate !== fact.id)
      rep.report([...path, 'default'], { code: 'duplicate-decision-date', args: { fact: fact.id, other: ctx.decisionDate } });
  });
  (ctx.vocabulary.document.limits ?? []).forEach((limit, index) => {
    const path = ['limits', index];
    const title = checkText(ctx, rep, [...path, 'title'], limit.title, `the title of limit \`${limit.id}\``);
    ctx.limits.add(rep, [...path, 'id'], limit.id, { id: limit.id, title, at: rep.at(path) });
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
