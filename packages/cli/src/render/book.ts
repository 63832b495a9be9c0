/**
 * The policy book as static HTML pages: an overview, one page per decision point with its rules
 * in plain language, the sources, the settings, the duty catalogues with the outcomes that
 * implement each duty, the reviewer scenarios as worked examples, the timeline of what comes into
 * and goes out of force, and the what-if page. Each rule, policy, source and duty shows its window.
 * Pure: model in, `{ file → html }` out; the command writes them.
 */
import {
  textIn,
  type ExpectedStatus,
  type FactValue,
  type PointModel,
  type PolicySetModel,
  type RuleModel,
  type SourceModel,
  type Text,
  type Window,
} from '@vot/engine';
import {
  capitalize,
  expectedStatuses,
  domainText,
  describeCondition,
  describeContext,
  describeWhen,
  factType,
  locationText,
  changeDates,
  obligationWords,
  statusWord,
  traceability,
  valueText,
  windowText,
  wordsFor,
  writtenCondition,
  type DescribeContext,
  type Words,
} from '@vot/engine/tools';
import { anchor, bi, biOf, bookLangs, escapeHtml, htmlHref, say, sayLabel, scriptJson, type BookLang } from './html.js';

export interface BookPage {
  file: string;
  title: string;
  html: string;
}

export const statusBadge = (status: ExpectedStatus): string =>
  `<span class="status status-${status}">${say((w) => statusWord(status, w))}</span>`;

/** The legend of the badges: what each voice means to the reader, an outcome left out last. */
export const statusLegend = (): string =>
  `<section class="legend" aria-labelledby="legend-heading"><h2 id="legend-heading">${say((w) => w.book.voicesTitle)}</h2><dl>${expectedStatuses
    .map((status) => `<dt>${statusBadge(status)}</dt><dd>${say((w) => w.book.voices[status])}</dd>`)
    .join('')}</dl></section>`;

/** A page title in every language of the book: "Kilder / Sources". */
const titleOf = (pick: (words: Words) => string): string => bookLangs.map((lang) => pick(wordsFor(lang))).join(' / ');

/** The language switch names the language a click turns to. */
const switchLabel = (): string =>
  bookLangs
    .map(
      (lang, index) =>
        `<span class="t" lang="${lang}">${escapeHtml(wordsFor(bookLangs[(index + 1) % bookLangs.length]!).book.languageName)}</span>`,
    )
    .join('');

/** "When …" as it stands after a label: "Applies: when …". */
function whenInSentence(text: string, lang: BookLang): string {
  const when = wordsFor(lang).sentence.when;
  return text.startsWith(capitalize(when)) ? `${when}${text.slice(when.length)}` : text;
}

export const pointFile = (point: string): string => `point-${anchor(point)}.html`;

interface Nav {
  file: string;
  label: string;
}

function navigation(model: PolicySetModel): Nav[] {
  const nav: Nav[] = [{ file: 'index.html', label: say((w) => w.book.overview) }];
  for (const point of model.points) nav.push({ file: pointFile(point.id), label: bi(point.title) });
  nav.push({ file: 'sources.html', label: sayLabel('sources') }, { file: 'settings.html', label: sayLabel('settings') });
  if (model.duties.length > 0) nav.push({ file: 'duties.html', label: sayLabel('duties') });
  if (changeDates(model).length > 0) nav.push({ file: 'timeline.html', label: say((w) => w.time.timeline) });
  nav.push({ file: 'scenarios.html', label: sayLabel('workedExamples') }, { file: 'whatif.html', label: say((w) => w.book.whatIf) });
  return nav;
}

/** One page: skip link, banner with the language switch, navigation, main, footer with version and hash. */
export function page(model: PolicySetModel, file: string, title: string, body: string, extraHead = ''): BookPage {
  const nav = navigation(model)
    .map((n) => `<li><a href="${n.file}"${n.file === file ? ' aria-current="page"' : ''}>${n.label}</a></li>`)
    .join('');
  const html = `<!doctype html>
<html lang="nb" data-lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(textIn(model.title, 'nb'))}</title>
<link rel="stylesheet" href="assets/book.css">
<script src="assets/lang.js"></script>
${extraHead}</head>
<body>
<a class="skip" href="#main">${say((w) => w.book.skipToContent)}</a>
<header class="site">
<a class="name" href="index.html">${bi(model.title)}</a>
<button type="button" id="lang-switch" class="lang-switch" hidden>${switchLabel()}</button>
</header>
<nav class="site" aria-label="${escapeHtml(titleOf((w) => w.book.contents))}"><ul>${nav}</ul></nav>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site">
<p>${escapeHtml(model.name)} ${escapeHtml(model.version)} · <code>${escapeHtml(model.hash)}</code></p>
<p>${say((w) => w.book.generatedBy)} <code>vot render</code>. ${say((w) => w.book.onlyAView)}</p>
</footer>
</body>
</html>
`;
  return { file, title, html };
}

function sourceLink(source: SourceModel | undefined, id: string): string {
  if (!source) return `<code>${escapeHtml(id)}</code>`;
  const href = htmlHref(source.url);
  const citation = href ? `<a href="${href}">${escapeHtml(source.citation)}</a>` : escapeHtml(source.citation);
  const flag = source.verified
    ? ` <span class="verified">✓ ${say((w) => w.labels.verified)}</span>`
    : ` <span class="unverified">${say((w) => w.labels.notVerified)}</span>`;
  return `${citation}${flag} <a class="id" href="sources.html#${anchor('source', id)}">${escapeHtml(id)}</a>`;
}

/** What a rule's sentences need: the point's facts and named conditions, and the titles of outcomes and limits. */
type BookContext = DescribeContext & { outcomeTitles?: ReadonlyMap<string, Text>; limitTitles?: ReadonlyMap<string, Text> };

/** A window in every language of the book: "gjelder fra 2017-01-01 / in force from 2017-01-01". */
const windowOf = (window: Window | undefined): string => biOf((lang) => windowText(window, lang));

function ruleItem(rule: RuleModel, context: BookContext, sources: ReadonlyMap<string, SourceModel>): string {
  const parts: string[] = [];
  parts.push(
    `<p><span class="when">${biOf((lang) => describeWhen(writtenCondition(rule), context, lang))}</span>: ${statusBadge(rule.status)}</p>`,
  );
  if (rule.inForce) parts.push(`<p class="in-force">${windowOf(rule.inForce)}</p>`);
  if (rule.requires.length > 0) {
    const items = rule.requires.map(
      (r) =>
        `<li>${bi(context.outcomeTitles?.get(r.id) ?? { en: r.id })} <span class="id">${escapeHtml(r.id)}</span>${r.when ? ` — ${biOf((lang) => `${wordsFor(lang).sentence.when} ${describeCondition(r.when!, context, lang)}`)}` : ''}</li>`,
    );
    parts.push(`<p>${sayLabel('requires')}:</p><ul>${items.join('')}</ul>`);
  }
  const limits = Object.entries(rule.limits);
  if (limits.length > 0)
    parts.push(
      `<p>${sayLabel('limits')}: ${limits.map(([k, v]) => `${bi(context.limitTitles?.get(k) ?? { en: k })}: ${v} <span class="id">${escapeHtml(k)}</span>`).join(', ')}</p>`,
    );
  parts.push(`<p>${sayLabel('reason')}: ${bi(rule.reason)}</p>`);
  if (rule.note) parts.push(`<p>${sayLabel('note')}: ${bi(rule.note)}</p>`);
  if (rule.basis.length > 0)
    parts.push(`<p>${sayLabel('basis')}:</p><ul>${rule.basis.map((id) => `<li>${sourceLink(sources.get(id), id)}</li>`).join('')}</ul>`);
  parts.push(`<p class="id">${escapeHtml(rule.key)} · ${escapeHtml(locationText({ file: rule.at.file, line: rule.at.line }))}</p>`);
  return `<li>${parts.join('\n')}</li>`;
}

/**
 * The point's policies in the order a reader looks for them: those that apply to everyone first,
 * then by the first value their scope selects of the first vocabulary fact it selects on (so an
 * organisation's own policies come in the order the vocabulary lists the organisations, not the
 * order of the files), file order within each.
 */
export function readingOrder(model: PolicySetModel, point: PointModel): PointModel['policies'] {
  const rank = (policy: PointModel['policies'][number]): [number, number] => {
    if (!policy.scope) return [-1, 0];
    const selected = selectedValues(policy.scope);
    for (const [index, fact] of model.facts.entries()) {
      const values = selected.get(fact.id);
      if (!values) continue;
      const order = factType(fact).finiteValues(fact);
      return [index, Math.min(...values.map((v) => (order.includes(v) ? order.indexOf(v) : order.length)))];
    }
    return [model.facts.length, 0];
  };
  return point.policies
    .map((policy, index) => ({ policy, index, rank: rank(policy) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map((entry) => entry.policy);
}

/** The values a scope selects by `is`/`in` tests, per fact, where the scope is such a test or an `all` of them. */
function selectedValues(scope: NonNullable<PointModel['policies'][number]['scope']>): Map<string, FactValue[]> {
  const found = new Map<string, FactValue[]>();
  const visit = (node: typeof scope): void => {
    if (node.kind === 'all') node.items.forEach(visit);
    else if (node.kind === 'test' && (node.op === 'eq' || node.op === 'in'))
      found.set(node.fact, Array.isArray(node.value) ? [...node.value] : [node.value]);
  };
  visit(scope);
  return found;
}

function pointPage(model: PolicySetModel, point: PointModel, sources: ReadonlyMap<string, SourceModel>): BookPage {
  const context = {
    ...describeContext(model, point),
    outcomeTitles: new Map(model.outcomes.map((o) => [o.id, o.title])),
    limitTitles: new Map(model.limits.map((l) => [l.id, l.title])),
  };
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const body: string[] = [`<h1>${bi(point.title)} <span class="id">${escapeHtml(point.id)}</span></h1>`, `<p>${bi(point.question)}</p>`];
  body.push(`<p>${say((w) => w.book.factsRead)}: ${point.reads.map((f) => `<code>${escapeHtml(f)}</code>`).join(', ')}</p>`);
  body.push(statusLegend());
  for (const policy of readingOrder(model, point)) {
    body.push(`<section aria-labelledby="${anchor('policy', policy.id)}">`);
    body.push(`<h2 id="${anchor('policy', policy.id)}">${bi(policy.title)}</h2>`);
    if (policy.description) body.push(`<p>${bi(policy.description)}</p>`);
    if (policy.note) body.push(`<p>${sayLabel('note')}: ${bi(policy.note)}</p>`);
    if (policy.inForce) body.push(`<p class="in-force">${windowOf(policy.inForce)}</p>`);
    body.push(
      `<p>${sayLabel('applies')}: ${policy.scope ? biOf((lang) => whenInSentence(describeWhen(policy.scope, context, lang), lang)) : say((w) => w.sentence.always)}. ${policy.ordering === 'least-intrusive-first' ? say((w) => w.book.leastIntrusiveFirst) : ''}</p>`,
    );
    if (policy.conditions.length > 0) {
      body.push(`<h3>${say((w) => w.book.namedConditions)}</h3><dl>`);
      for (const named of policy.conditions) {
        body.push(
          `<dt id="${anchor('condition', named.qualified)}">«${bi(named.title ?? { nb: named.name, en: named.name })}»</dt><dd>${biOf((lang) => describeCondition(named.when, context, lang))}</dd>`,
        );
      }
      body.push('</dl>');
    }
    for (const outcome of point.outcomes.filter((o) => o.policy === policy.id)) {
      body.push(`<section class="outcome" aria-labelledby="${anchor('outcome', policy.id, outcome.id)}">`);
      body.push(
        `<h3 id="${anchor('outcome', policy.id, outcome.id)}">${bi(outcome.title ?? outcomeTitles.get(outcome.id))} <span class="id">${escapeHtml(outcome.id)}</span></h3>`,
      );
      if (outcome.overrides)
        body.push(
          `<p>${say((w) => w.book.replacesOutcomeOf)} <code>${escapeHtml(outcome.overrides)}</code> ${say((w) => w.book.wherePolicyApplies)}</p>`,
        );
      if (outcome.note) body.push(`<p>${bi(outcome.note)}</p>`);
      body.push(`<p>${say((w) => w.book.rulesFromTop)}</p>`);
      body.push(
        `<ol class="rules">${[...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])].map((r) => ruleItem(r, context, sources)).join('\n')}</ol>`,
      );
      if (!outcome.otherwise) body.push(`<p>${say((w) => w.book.otherwiseLeftOut)}</p>`);
      body.push('</section>');
    }
    body.push('</section>');
  }
  return page(model, pointFile(point.id), textIn(point.title, 'nb'), body.join('\n'));
}

function sourcesPage(model: PolicySetModel): BookPage {
  const body = [`<h1>${sayLabel('sources')}</h1>`, `<p>${say((w) => w.book.notVerifiedMeans)}</p>`, '<ul>'];
  for (const source of model.sources) {
    const details = [source.act ?? source.document, source.date, source.consolidation, source.eli]
      .filter(Boolean)
      .map((x) => escapeHtml(x!))
      .concat(source.inForce ? [windowOf(source.inForce)] : [])
      .join(' · ');
    body.push(
      `<li id="${anchor('source', source.id)}">${sourceLink(source, source.id)}${details ? `<br>${details}` : ''}${source.note ? `<br>${bi(source.note)}` : ''}</li>`,
    );
  }
  body.push('</ul>');
  return page(
    model,
    'sources.html',
    titleOf((w) => capitalize(w.labels.sources)),
    body.join('\n'),
  );
}

function settingsPage(model: PolicySetModel, sources: ReadonlyMap<string, SourceModel>): BookPage {
  const show = (v: unknown) => escapeHtml(typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
  const body = [`<h1>${sayLabel('settings')}</h1>`, `<p>${say((w) => w.book.settingsIntro)}</p>`];
  body.push(
    `<table><caption class="visually-hidden">${sayLabel('settings')}</caption><thead><tr><th scope="col">${sayLabel('setting')}</th><th scope="col">${sayLabel('default')}</th><th scope="col">${sayLabel('inForce')}</th><th scope="col">${sayLabel('allowed')}</th><th scope="col">${sayLabel('basis')}</th></tr></thead><tbody>`,
  );
  for (const s of model.settings) {
    const allowed = domainText(s, {
      range: (min, max) => `${min} – ${max}`,
      truthValues: 'true / false',
      list: (values) => values.map(escapeHtml).join(', '),
    });
    body.push(
      `<tr id="${anchor('setting', s.id)}"><th scope="row">${bi(s.title)}<br><code>${escapeHtml(s.id)}</code>${s.description ? `<br>${bi(s.description)}` : ''}</th><td>${show(s.default)}</td><td>${show(s.value)}</td><td>${allowed}</td><td>${s.basis.map((id) => sourceLink(sources.get(id), id)).join('<br>')}</td></tr>`,
    );
  }
  body.push('</tbody></table>');
  return page(
    model,
    'settings.html',
    titleOf((w) => capitalize(w.labels.settings)),
    body.join('\n'),
  );
}

function dutiesPage(model: PolicySetModel, sources: ReadonlyMap<string, SourceModel>): BookPage {
  const context = describeContext(model);
  const rows = new Map(traceability(model).map((row) => [`${row.catalogue}/${row.duty}`, row]));
  const body = [`<h1>${sayLabel('duties')}</h1>`, `<p>${say((w) => w.book.dutiesIntro)}</p>`];
  for (const catalogue of model.duties) {
    body.push(
      `<section aria-labelledby="${anchor('catalogue', catalogue.id)}"><h2 id="${anchor('catalogue', catalogue.id)}">${bi(catalogue.title)}</h2>`,
    );
    if (catalogue.description) body.push(`<p>${bi(catalogue.description)}</p>`);
    if (catalogue.scope) body.push(`<p>${sayLabel('applies')}: ${biOf((lang) => describeCondition(catalogue.scope!, context, lang))}</p>`);
    for (const duty of catalogue.duties) {
      body.push(`<h3 id="${anchor('duty', catalogue.id, duty.id)}">${bi(duty.title)} <span class="id">${escapeHtml(duty.id)}</span></h3>`);
      if (duty.description) body.push(`<p>${bi(duty.description)}</p>`);
      if (duty.inForce) body.push(`<p class="in-force">${windowOf(duty.inForce)}</p>`);
      if (duty.basis.length)
        body.push(`<p>${sayLabel('basis')}: ${duty.basis.map((id) => sourceLink(sources.get(id), id)).join('; ')}</p>`);
      const obligations = duty.obligations.map((o) =>
        o.kind === 'coverage'
          ? `<li>${say((w) => w.book.sourceMustBeCited)}: ${sourceLink(sources.get(o.cites), o.cites)}${o.point ? ` (${escapeHtml(o.point)})` : ''}</li>`
          : `<li>${biOf((lang) => obligationWords(o, lang, model).replace(/`/g, ''))}</li>`,
      );
      body.push(`<ul>${obligations.join('')}</ul>`);
      const row = rows.get(`${catalogue.id}/${duty.id}`);
      const implementing = (row?.outcomes ?? []).map((o) => {
        const owner = model.points.find((p) => p.id === o.point)?.outcomes.find((x) => x.id === o.outcome);
        const href = owner ? `${pointFile(o.point)}#${anchor('outcome', owner.policy, o.outcome)}` : pointFile(o.point);
        return `<li><a href="${href}">${escapeHtml(o.point)} / ${escapeHtml(o.outcome)}</a> (${o.via === 'basis' ? say((w) => w.book.citesDutySource) : say((w) => w.book.namedByDuty)})</li>`;
      });
      body.push(
        `<p>${sayLabel('implementedBy')}:</p>${implementing.length ? `<ul>${implementing.join('')}</ul>` : `<p>${say((w) => w.book.noOutcomeYet)}</p>`}`,
      );
    }
    body.push('</section>');
  }
  return page(
    model,
    'duties.html',
    titleOf((w) => capitalize(w.labels.duties)),
    body.join('\n'),
  );
}

function scenariosPage(model: PolicySetModel): BookPage {
  const facts = new Map(model.facts.map((f) => [f.id, f]));
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const limitTitles = new Map(model.limits.map((l) => [l.id, l.title]));
  const body = [`<h1>${sayLabel('workedExamples')}</h1>`, `<p>${say((w) => w.book.examplesIntro)}</p>`];
  for (const point of model.points) {
    const scenarios = model.scenarios.filter((s) => s.point === point.id);
    if (scenarios.length === 0) continue;
    body.push(
      `<section aria-labelledby="${anchor('examples', point.id)}"><h2 id="${anchor('examples', point.id)}">${bi(point.title)}</h2>`,
    );
    for (const scenario of scenarios) {
      body.push(`<h3>${escapeHtml(scenario.name)}</h3>`);
      const given = Object.entries(scenario.facts).map(
        ([id, v]) => `<li>${biOf((lang) => `${textIn(facts.get(id)?.title, lang) || id}: ${valueText(v, lang, facts.get(id))}`)}</li>`,
      );
      body.push(`<p>${sayLabel('given')}:</p><ul>${given.join('')}</ul>`);
      // Outcomes, safeguards and limits by their titles, each with its id for the engineer.
      const titled = (title: Text | undefined, id: string) => `${bi(title ?? { en: id })} <span class="id">${escapeHtml(id)}</span>`;
      const expected = Object.entries(scenario.expect).map(([id, e]) => {
        const extras = [
          e.requires?.length ? `${say((w) => w.labels.requires)} ${e.requires.map((r) => titled(outcomeTitles.get(r), r)).join(', ')}` : '',
          e.limits
            ? Object.entries(e.limits)
                .map(([k, v]) => `${titled(limitTitles.get(k), k)}: ${v}`)
                .join(', ')
            : '',
        ].filter(Boolean);
        return `<li>${titled(outcomeTitles.get(id), id)}: ${statusBadge(e.status)}${extras.length ? ` (${extras.join('; ')})` : ''}</li>`;
      });
      body.push(`<p>${sayLabel('expected')}:</p><ul>${expected.join('')}</ul>`);
      body.push(
        `<p class="id">${sayLabel('source')}: ${escapeHtml(scenario.source)} · ${escapeHtml(locationText({ file: scenario.at.file, line: scenario.at.line }))}</p>`,
      );
    }
    body.push('</section>');
  }
  return page(
    model,
    'scenarios.html',
    titleOf((w) => capitalize(w.labels.workedExamples)),
    body.join('\n'),
  );
}

function indexPage(model: PolicySetModel): BookPage {
  const body = [`<h1>${bi(model.title)}</h1>`];
  if (model.description) body.push(`<p>${bi(model.description)}</p>`);
  body.push(
    `<p>${sayLabel('version')} ${escapeHtml(model.version)} · ${say((w) => w.book.hash)} <code>${escapeHtml(model.hash)}</code></p>`,
  );
  body.push(`<h2>${sayLabel('decisionPoints')}</h2><ul>`);
  for (const point of model.points) body.push(`<li><a href="${pointFile(point.id)}">${bi(point.title)}</a> — ${bi(point.question)}</li>`);
  body.push('</ul>');
  body.push(statusLegend());
  body.push(`<h2>${say((w) => w.book.more)}</h2><ul>`);
  body.push(`<li><a href="whatif.html">${say((w) => w.book.whatIfLink)}</a></li>`);
  body.push(`<li><a href="scenarios.html">${sayLabel('workedExamples')}</a> (${model.scenarios.length})</li>`);
  body.push(
    `<li><a href="sources.html">${sayLabel('sources')}</a> (${model.sources.length}, ${model.sources.filter((s) => !s.verified).length} ${say((w) => w.labels.notVerified)})</li>`,
  );
  body.push(`<li><a href="settings.html">${sayLabel('settings')}</a> (${model.settings.length})</li>`);
  if (model.duties.length > 0)
    body.push(`<li><a href="duties.html">${sayLabel('duties')}</a> (${model.duties.reduce((n, c) => n + c.duties.length, 0)})</li>`);
  if (changeDates(model).length > 0) body.push(`<li><a href="timeline.html">${say((w) => w.book.timelineLink)}</a></li>`);
  body.push('</ul>');
  return page(
    model,
    'index.html',
    titleOf((w) => w.book.overview),
    body.join('\n'),
  );
}

/**
 * The timeline: every date on which something comes into force or goes out of force, and what:
 * sources, policies, rules (linked to their outcome) and duties.
 */
function timelinePage(model: PolicySetModel): BookPage {
  type Entry = { window: Window | undefined; html: string };
  const entries: Entry[] = [
    ...model.sources.map((s) => ({ window: s.inForce, html: sourceLink(s, s.id) })),
    ...model.points.flatMap((point) => [
      ...point.policies.map((p) => ({ window: p.inForce, html: `${bi(p.title)} <span class="id">${escapeHtml(p.id)}</span>` })),
      ...point.outcomes.flatMap((outcome) =>
        [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])].map((rule) => ({
          window: rule.inForce,
          html: `<a href="${pointFile(point.id)}#${anchor('outcome', outcome.policy, outcome.id)}">${escapeHtml(point.id)} / ${escapeHtml(outcome.id)}</a> <span class="id">${escapeHtml(rule.key)}</span>`,
        })),
      ),
    ]),
    ...model.duties.flatMap((c) =>
      c.duties.map((d) => ({ window: d.inForce, html: `<a href="duties.html#${anchor('duty', c.id, d.id)}">${bi(d.title)}</a>` })),
    ),
  ];
  const body = [`<h1>${say((w) => w.time.timeline)}</h1>`, `<p>${say((w) => w.time.timelineIntro)}</p>`];
  for (const date of changeDates(model)) {
    body.push(`<section aria-labelledby="${anchor('date', date)}"><h2 id="${anchor('date', date)}">${escapeHtml(date)}</h2>`);
    const starting = entries.filter((e) => e.window?.from === date);
    const ending = entries.filter((e) => e.window?.until === date);
    if (starting.length)
      body.push(`<h3>${say((w) => capitalize(w.time.comesIntoForce))}</h3><ul>${starting.map((e) => `<li>${e.html}</li>`).join('')}</ul>`);
    if (ending.length)
      body.push(`<h3>${say((w) => capitalize(w.time.goesOutOfForce))}</h3><ul>${ending.map((e) => `<li>${e.html}</li>`).join('')}</ul>`);
    body.push('</section>');
  }
  return page(
    model,
    'timeline.html',
    titleOf((w) => w.time.timeline),
    body.join('\n'),
  );
}

/** The what-if page: the form is built by the bundled engine script from the embedded model. */
function whatIfPage(model: PolicySetModel): BookPage {
  // No text in the model can close the script element.
  const json = scriptJson(model);
  const body = [
    `<h1>${say((w) => w.book.whatIf)}</h1>`,
    `<p>${say((w) => w.book.whatIfIntro)}</p>`,
    `<noscript><p class="error">${say((w) => w.book.needsJavaScript)}</p></noscript>`,
    // The decision beside the form, so a change and its effect are seen together.
    '<div class="whatif-layout">',
    `<form class="whatif" id="whatif-form" aria-describedby="whatif-help"><p id="whatif-help" style="grid-column: 1 / -1">${say((w) => w.book.changesDecideAtOnce)}</p></form>`,
    `<section aria-labelledby="whatif-result-heading"><h2 id="whatif-result-heading">${sayLabel('decision')}</h2><p><a id="whatif-link" href="#">${say((w) => w.book.linkToDecision)}</a></p><div id="whatif-result" aria-live="polite"></div></section>`,
    '</div>',
    statusLegend(),
    `<script type="application/json" id="vot-model">${json}</script>`,
  ];
  return page(
    model,
    'whatif.html',
    titleOf((w) => w.book.whatIf),
    body.join('\n'),
    '<script src="assets/whatif.js" defer></script>\n',
  );
}

/** Every page of the book. */
export function bookPages(model: PolicySetModel): BookPage[] {
  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const pages = [
    indexPage(model),
    ...model.points.map((p) => pointPage(model, p, sources)),
    sourcesPage(model),
    settingsPage(model, sources),
  ];
  if (model.duties.length > 0) pages.push(dutiesPage(model, sources));
  if (changeDates(model).length > 0) pages.push(timelinePage(model));
  pages.push(scenariosPage(model), whatIfPage(model));
  return pages;
}

export type { BookLang };
