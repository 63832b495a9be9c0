/**
 * The policy book as one Markdown file, in one language (any language of `words/`): the same
 * content as the HTML pages (points with their rules as sentences, sources, settings, duties,
 * worked examples), for reading in a repository browser or printing.
 */
import { readingOrder } from './book.js';
import { textIn, type ExpectedStatus, type Lang, type PolicySetModel, type RuleModel, type SourceModel } from '@vot/engine';
import {
  capitalize,
  expectedStatuses,
  domainText,
  describeCondition,
  describeContext,
  describeWhen,
  locationText,
  markdownCode,
  markdownLink,
  markdownText,
  obligationWords,
  statusWord,
  traceability,
  valueText,
  windowText,
  wordsFor,
  writtenCondition,
  type Words,
} from '@vot/engine/tools';

/** A status inside the book's sentences (English keeps the ids). */
const statusIn = (status: ExpectedStatus, w: Words): string => statusWord(status, w, 'term');
/** Reviewer text stays inside its heading, list item or table cell and adds no markup (the engine's Markdown output module). */
const md = markdownText;
const code = markdownCode;

function sourceText(source: SourceModel | undefined, id: string, w: Words): string {
  if (!source) return code(id);
  const flag = `${source.verified ? `✓ ${w.labels.verified}` : `**${w.labels.notVerified}**`}${source.inForce ? `, ${md(windowText(source.inForce, w.lang))}` : ''}`;
  return `${markdownLink(source.citation, source.url)} (${flag}, ${code(id)})`;
}

export function bookMarkdown(model: PolicySetModel, lang: Lang): string {
  const w = wordsFor(lang);
  const out: string[] = [`# ${md(textIn(model.title, lang))}`, ''];
  if (model.description) out.push(md(textIn(model.description, lang)), '');
  out.push(`${capitalize(w.labels.version)} ${code(model.version)} · ${code(model.hash)}`, '');
  out.push(`## ${w.book.voicesTitle}`, '');
  for (const status of expectedStatuses) out.push(`- **${statusIn(status, w)}**: ${md(w.book.voices[status])}`);
  out.push('');
  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const limitTitles = new Map(model.limits.map((l) => [l.id, l.title]));
  const rule = (r: RuleModel, context: ReturnType<typeof describeContext>): string[] => {
    const lines = [`1. **${md(describeWhen(writtenCondition(r), context, lang))}**: ${statusIn(r.status, w)}`];
    if (r.inForce) lines.push(`   - ${windowText(r.inForce, lang)}`);
    for (const q of r.requires)
      lines.push(
        `   - ${w.labels.requires} ${md(textIn(outcomeTitles.get(q.id), lang) || q.id)} (${code(q.id)})${q.when ? ` ${w.sentence.when} ${md(describeCondition(q.when, context, lang))}` : ''}`,
      );
    for (const [k, v] of Object.entries(r.limits))
      lines.push(`   - ${w.labels.limit}: ${md(textIn(limitTitles.get(k), lang) || k)} = ${v} (${code(k)})`);
    lines.push(`   - ${capitalize(w.labels.reason)}: ${md(textIn(r.reason, lang))}`);
    for (const id of r.basis) lines.push(`   - ${capitalize(w.labels.basis)}: ${sourceText(sources.get(id), id, w)}`);
    lines.push(`   - ${code(r.key)} · ${md(locationText({ file: r.at.file, line: r.at.line }))}`);
    return lines;
  };
  for (const point of model.points) {
    const context = describeContext(model, point);
    out.push(`## ${md(textIn(point.title, lang))} (${code(point.id)})`, '', md(textIn(point.question, lang)), '');
    for (const policy of readingOrder(model, point)) {
      out.push(`### ${md(textIn(policy.title, lang))}`, '');
      if (policy.description) out.push(md(textIn(policy.description, lang)), '');
      if (policy.inForce) out.push(capitalize(windowText(policy.inForce, lang)), '');
      out.push(
        `${capitalize(w.labels.applies)}: ${policy.scope ? md(describeCondition(policy.scope, context, lang)) : w.sentence.always}`,
        '',
      );
      if (policy.overrides) out.push(`${w.book.replacesOutcomesSharedWith} ${code(policy.overrides)} ${w.book.wherePolicyApplies}`, '');
      for (const named of policy.conditions)
        out.push(`- «${md(textIn(named.title, lang) || named.name)}»: ${md(describeCondition(named.when, context, lang))}`);
      if (policy.conditions.length) out.push('');
      for (const outcome of point.outcomes.filter((o) => o.policy === policy.id)) {
        out.push(`#### ${md(textIn(outcome.title ?? outcomeTitles.get(outcome.id), lang))} (${code(outcome.id)})`, '');
        for (const r of [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])]) out.push(...rule(r, context));
        if (!outcome.otherwise) out.push(`1. **${capitalize(w.sentence.otherwise)}**: ${w.leftOut}`);
        out.push('');
      }
    }
  }
  out.push(`## ${capitalize(w.labels.sources)}`, '');
  for (const source of model.sources) out.push(`- ${sourceText(source, source.id, w)}`);
  out.push(
    '',
    `## ${capitalize(w.labels.settings)}`,
    '',
    `| ${w.labels.setting} | ${w.labels.default} | ${w.labels.inForce} | ${w.labels.allowed} |`,
    '|---|---|---|---|',
  );
  for (const s of model.settings) {
    const allowed = domainText(s, { range: (min, max) => `${min}–${max}`, truthValues: 'true/false', list: (values) => values.join(', ') });
    out.push(
      `| ${md(textIn(s.title, lang))} (${code(s.id, { cell: true })}) | ${md(String(s.default))} | ${md(String(s.value))} | ${md(allowed)} |`,
    );
  }
  if (model.duties.length > 0) {
    const rows = new Map(traceability(model).map((row) => [`${row.catalogue}/${row.duty}`, row]));
    out.push('', `## ${capitalize(w.labels.duties)}`);
    for (const catalogue of model.duties) {
      out.push('', `### ${md(textIn(catalogue.title, lang))}`, '');
      for (const duty of catalogue.duties) {
        out.push(`- **${md(textIn(duty.title, lang))}** (${code(duty.id)})`);
        for (const o of duty.obligations) {
          if (o.kind === 'coverage') out.push(`  - ${w.book.cites} ${sourceText(sources.get(o.cites), o.cites, w)}`);
          else out.push(`  - ${md(obligationWords(o, lang, model).replace(/`/g, ''))}`);
        }
        const implementing = rows.get(`${catalogue.id}/${duty.id}`)?.outcomes ?? [];
        out.push(
          `  - ${capitalize(w.labels.implementedBy)}: ${implementing.length ? implementing.map((o) => code(`${o.point}/${o.outcome}`)).join(', ') : w.book.noneYet}`,
        );
      }
    }
  }
  out.push('', `## ${capitalize(w.labels.workedExamples)}`);
  const facts = new Map(model.facts.map((f) => [f.id, f]));
  for (const scenario of model.scenarios) {
    out.push('', `### ${md(scenario.name)} (${code(scenario.point)})`, '');
    out.push(
      `${capitalize(w.labels.given)}: ${Object.entries(scenario.facts)
        .map(([id, v]) => `${md(textIn(facts.get(id)?.title, lang) || id)} = ${md(valueText(v, lang, facts.get(id)))}`)
        .join('; ')}`,
      '',
    );
    out.push(
      `${capitalize(w.labels.expected)}: ${Object.entries(scenario.expect)
        .map(([id, e]) => `${md(textIn(outcomeTitles.get(id), lang) || id)} (${code(id)}) ${statusIn(e.status, w)}`)
        .join('; ')}`,
    );
  }
  return `${out.join('\n')}\n`;
}
