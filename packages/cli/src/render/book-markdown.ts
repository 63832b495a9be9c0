/**
 * The policy book as one Markdown file, in one language: the same content as the HTML pages
 * (points with their rules as sentences, sources, settings, duties, worked examples), for
 * reading in a repository browser or printing.
 */
import {
  describeCondition,
  describeContext,
  describeWhen,
  expectationWords,
  textIn,
  traceability,
  valueText,
  type PolicySetModel,
  type RuleModel,
  type SourceModel,
} from '@vot/engine';
import type { BookLang } from './html.js';

const t = (lang: BookLang, nb: string, en: string): string => (lang === 'nb' ? nb : en);
const statusIn = (status: string, lang: BookLang): string =>
  lang === 'nb'
    ? ((
        {
          required: 'påkrevd',
          recommended: 'anbefalt',
          permitted: 'tillatt',
          'not-permitted': 'ikke tillatt',
          absent: 'ikke med',
        } as Record<string, string>
      )[status] ?? status)
    : status;
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Reviewer text cannot start a heading, a list or an HTML block inside the book. */
const md = (text: string): string => oneLine(text).replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);

function sourceText(source: SourceModel | undefined, id: string, lang: BookLang): string {
  if (!source) return `\`${id}\``;
  const flag = source.verified ? t(lang, '✓ verifisert', '✓ verified') : `**${t(lang, 'ikke verifisert', 'not verified')}**`;
  return `${source.url && /^https?:\/\//.test(source.url) ? `[${md(source.citation)}](${source.url.replace(/[()\s]/g, encodeURIComponent)})` : md(source.citation)} (${flag}, \`${id}\`)`;
}

export function bookMarkdown(model: PolicySetModel, lang: BookLang): string {
  const out: string[] = [`# ${md(textIn(model.title, lang))}`, ''];
  if (model.description) out.push(md(textIn(model.description, lang)), '');
  out.push(`${t(lang, 'Versjon', 'Version')} ${model.version} · \`${model.hash}\``, '');
  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const rule = (r: RuleModel, context: ReturnType<typeof describeContext>): string[] => {
    const lines = [`1. **${md(describeWhen(r.when, context, lang))}**: ${statusIn(r.status, lang)}`];
    for (const q of r.requires)
      lines.push(
        `   - ${t(lang, 'krever', 'requires')} \`${q.id}\`${q.when ? ` ${t(lang, 'når', 'when')} ${md(describeCondition(q.when, context, lang))}` : ''}`,
      );
    for (const [k, v] of Object.entries(r.limits)) lines.push(`   - ${t(lang, 'grense', 'limit')} \`${k}\` = ${v}`);
    lines.push(`   - ${t(lang, 'Begrunnelse', 'Reason')}: ${md(textIn(r.reason, lang))}`);
    for (const id of r.basis) lines.push(`   - ${t(lang, 'Grunnlag', 'Basis')}: ${sourceText(sources.get(id), id, lang)}`);
    lines.push(`   - \`${r.key}\` · ${r.at.file}:${r.at.line}`);
    return lines;
  };
  for (const point of model.points) {
    const context = describeContext(model, point);
    out.push(`## ${md(textIn(point.title, lang))} (\`${point.id}\`)`, '', md(textIn(point.question, lang)), '');
    for (const policy of point.policies) {
      out.push(`### ${md(textIn(policy.title, lang))}`, '');
      if (policy.description) out.push(md(textIn(policy.description, lang)), '');
      out.push(
        `${t(lang, 'Gjelder', 'Applies')}: ${policy.scope ? md(describeCondition(policy.scope, context, lang)) : t(lang, 'alltid', 'always')}`,
        '',
      );
      if (policy.overrides)
        out.push(
          `${t(lang, 'Erstatter utfallene det har felles med', 'Replaces the outcomes it shares with')} \`${policy.overrides}\` ${t(lang, 'der dette regelverket gjelder.', 'where this policy applies.')}`,
          '',
        );
      for (const named of policy.conditions)
        out.push(`- «${md(textIn(named.title, lang) || named.name)}»: ${md(describeCondition(named.when, context, lang))}`);
      if (policy.conditions.length) out.push('');
      for (const outcome of point.outcomes.filter((o) => o.policy === policy.id)) {
        out.push(`#### ${md(textIn(outcome.title ?? outcomeTitles.get(outcome.id), lang))} (\`${outcome.id}\`)`, '');
        for (const r of [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])]) out.push(...rule(r, context));
        if (!outcome.otherwise)
          out.push(`1. **${t(lang, 'Ellers', 'Otherwise')}**: ${t(lang, 'ikke med i beslutningen', 'left out of the decision')}`);
        out.push('');
      }
    }
  }
  out.push(`## ${t(lang, 'Kilder', 'Sources')}`, '');
  for (const source of model.sources) out.push(`- ${sourceText(source, source.id, lang)}`);
  out.push(
    '',
    `## ${t(lang, 'Innstillinger', 'Settings')}`,
    '',
    `| ${t(lang, 'innstilling', 'setting')} | ${t(lang, 'standard', 'default')} | ${t(lang, 'i kraft', 'in force')} | ${t(lang, 'tillatt', 'allowed')} |`,
    '|---|---|---|---|',
  );
  for (const s of model.settings) {
    const allowed = s.type === 'integer' ? `${s.min}–${s.max}` : s.type === 'boolean' ? 'true/false' : (s.values ?? []).join(', ');
    out.push(`| ${md(textIn(s.title, lang))} (\`${s.id}\`) | ${String(s.default)} | ${String(s.value)} | ${allowed} |`);
  }
  if (model.duties.length > 0) {
    const context = describeContext(model);
    const rows = new Map(traceability(model).map((row) => [`${row.catalogue}/${row.duty}`, row]));
    out.push('', `## ${t(lang, 'Plikter', 'Duties')}`);
    for (const catalogue of model.duties) {
      out.push('', `### ${md(textIn(catalogue.title, lang))}`, '');
      for (const duty of catalogue.duties) {
        out.push(`- **${md(textIn(duty.title, lang))}** (\`${duty.id}\`)`);
        for (const o of duty.obligations) {
          if (o.kind === 'invariant')
            out.push(
              `  - ${md(`${o.when ? `${describeWhen(o.when, context, lang)}, ` : ''}${t(lang, 'i punktet', 'at point')} ${o.point}: ${expectationWords(o.expect, lang).replace(/`/g, '')}`)}`,
            );
          else out.push(`  - ${t(lang, 'siterer', 'cites')} ${sourceText(sources.get(o.cites), o.cites, lang)}`);
        }
        const implementing = rows.get(`${catalogue.id}/${duty.id}`)?.outcomes ?? [];
        out.push(
          `  - ${t(lang, 'Gjennomført av', 'Implemented by')}: ${implementing.length ? implementing.map((o) => `\`${o.point}/${o.outcome}\``).join(', ') : t(lang, 'ingen ennå', 'none yet')}`,
        );
      }
    }
  }
  out.push('', `## ${t(lang, 'Eksempler', 'Worked examples')}`);
  const facts = new Map(model.facts.map((f) => [f.id, f]));
  for (const scenario of model.scenarios) {
    out.push('', `### ${md(scenario.name)} (\`${scenario.point}\`)`, '');
    out.push(
      `${t(lang, 'Gitt', 'Given')}: ${Object.entries(scenario.facts)
        .map(([id, v]) => `${md(textIn(facts.get(id)?.title, lang) || id)} = ${valueText(v, lang)}`)
        .join('; ')}`,
      '',
    );
    out.push(
      `${t(lang, 'Forventet', 'Expected')}: ${Object.entries(scenario.expect)
        .map(([id, e]) => `\`${id}\` ${statusIn(e.status, lang)}`)
        .join('; ')}`,
    );
  }
  return `${out.join('\n')}\n`;
}
