/// <reference lib="dom" />
/**
 * The what-if page's script, bundled with esbuild for the browser: it reads the checked model
 * embedded in the page, builds one field per fact of the chosen decision point (a select for
 * enums and booleans, a number input for integers, a date input for dates; the decision's date
 * always, left empty for today) and shows the decision that the engine's compiled path
 * (`PolicySet.decideSync`, the same code host systems run) gives for them, with the date it was
 * made for and the sources' windows. Beside each outcome, what would change it (the decision's
 * alternatives, `explain: true`): each a button that puts its facts in the form.
 */
import {
  PolicySet,
  capitalize,
  factType,
  langs,
  noneAllowed,
  textIn,
  windowText,
  valueText,
  wordsFor,
  type Decision,
  type DecidedOutcome,
  type FactModel,
  type FactValue,
  type PolicySetModel,
  type Text,
  type Words,
} from '@vot/engine/browser';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/** Both languages as `<span lang>`, shown one at a time by the book's stylesheet. */
function bi(text: Text | undefined): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const lang of langs) fragment.append(el('span', { class: 't', lang }, textIn(text, lang)));
  return fragment;
}

/** The page's own words in each language. */
const say = (pick: (words: Words) => string): DocumentFragment => bi(Object.fromEntries(langs.map((lang) => [lang, pick(wordsFor(lang))])));

const encode = (value: FactValue): string => (value === null ? '' : String(value));

function field(fact: FactModel): HTMLElement[] {
  const id = `fact-${fact.id}`;
  const label = el('label', { for: id }, bi(fact.title), ' ', el('code', {}, fact.id));
  let input: HTMLSelectElement | HTMLInputElement;
  const none = noneAllowed(fact);
  const form = factType(fact).formField(fact);
  if (form.kind === 'input') {
    input = el('input', { id, name: fact.id, ...form.attributes });
    if (none) input.value = '';
  } else {
    input = el('select', { id, name: fact.id });
    const values: FactValue[] = [...form.options];
    if (none) values.unshift(null);
    for (const value of values) {
      // An <option> holds text only, so it carries the languages side by side as "ja / yes".
      const texts = [...new Set(langs.map((lang) => valueText(value, lang, fact)))];
      input.append(el('option', { value: encode(value) }, texts.join(' / ')));
    }
    if (fact.hasDefault) input.value = encode(fact.default ?? null);
  }
  if (fact.description) input.setAttribute('title', fact.description.en ?? fact.description.nb ?? '');
  return [label, input];
}

function readFacts(form: HTMLFormElement, facts: readonly FactModel[]): Record<string, FactValue> {
  const record: Record<string, FactValue> = {};
  for (const fact of facts) {
    const input = form.elements.namedItem(fact.id) as HTMLInputElement | HTMLSelectElement | null;
    if (!input) continue;
    const raw = input.value;
    // Empty is none where the fact may be none, else absent (the decision's date: today).
    if (raw === '') {
      if (noneAllowed(fact) || !fact.hasDefault) record[fact.id] = null;
      continue;
    }
    record[fact.id] = factType(fact).fromForm(raw);
  }
  return record;
}

/** What would change an outcome: each alternative's sentence as a button that puts its facts in the form. */
function alternativesOf(outcome: DecidedOutcome, apply: (change: Record<string, FactValue>) => void): Array<Node | string> {
  if (!outcome.alternatives) return [];
  const heading = say((w) => capitalize(w.explain.heading));
  if (outcome.alternatives.length === 0) return [el('br'), heading, ': ', say((w) => w.explain.none)];
  const box = el('div', { class: 'alternatives' }, heading, ':');
  const hint = langs.map((lang) => wordsFor(lang).explain.apply).join(' / ');
  for (const alternative of outcome.alternatives) {
    const button = el(
      'button',
      { type: 'button', class: 'alternative', title: hint, 'data-status': alternative.status },
      bi(alternative.text),
    );
    button.addEventListener('click', () => apply(alternative.change));
    box.append(el('p', {}, button));
  }
  return [box];
}

function showDecision(
  target: HTMLElement,
  model: PolicySetModel,
  decision: Decision,
  apply: (change: Record<string, FactValue>) => void = () => undefined,
): void {
  const titles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const limitTitles = new Map(model.limits.map((l) => [l.id, l.title]));
  const list = el('ol', { id: 'whatif-outcomes' });
  for (const outcome of decision.outcomes) {
    const item = el('li', { 'data-outcome': outcome.id, 'data-status': outcome.status });
    item.append(
      el('strong', {}, bi(titles.get(outcome.id))),
      ' ',
      el('code', {}, outcome.id),
      ': ',
      el(
        'span',
        { class: `status status-${outcome.status}` },
        say((w) => w.statuses[outcome.status]),
      ),
    );
    if (outcome.requires?.length) {
      item.append(
        el('br'),
        say((w) => capitalize(w.labels.requires)),
        ': ',
      );
      for (const [index, id] of outcome.requires.entries()) item.append(...(index ? ['; '] : []), bi(titles.get(id) ?? { en: id }));
    }
    if (outcome.limits) {
      item.append(
        el('br'),
        say((w) => capitalize(w.labels.limits)),
        ': ',
      );
      for (const [index, [id, value]] of Object.entries(outcome.limits).entries())
        item.append(...(index ? ['; '] : []), bi(limitTitles.get(id) ?? { en: id }), `: ${value}`);
    }
    item.append(el('br'), bi(outcome.reason));
    // Which rule decided, where it is written: the reader can look it up in the policy file.
    const step = decision.trace.steps.find((x) => x.outcome === outcome.id);
    if (step)
      item.append(
        el('br'),
        say((w) => capitalize(w.labels.rule)),
        ': ',
        el('code', {}, `${step.rule} (${step.at})`),
      );
    for (const basis of outcome.basis) {
      item.append(
        el('br'),
        say((w) => capitalize(w.labels.basis)),
        `: ${basis.citation}`,
      );
      if (!basis.verified)
        item.append(
          ' ',
          el(
            'span',
            { class: 'unverified' },
            say((w) => w.labels.notVerified),
          ),
        );
      if (basis.inForce) item.append(' (', bi(Object.fromEntries(langs.map((lang) => [lang, windowText(basis.inForce, lang)]))), ')');
    }
    item.append(...alternativesOf(outcome, apply));
    list.append(item);
  }
  const notInForce = decision.trace.omitted.filter((o) => o.because === 'not-in-force').map((o) => o.outcome);
  const summary = el(
    'p',
    { id: 'whatif-summary' },
    say((w) => w.book.outcomes(decision.outcomes.length)),
    ' ',
    el(
      'span',
      { id: 'whatif-date', 'data-date': decision.date },
      say((w) => `${capitalize(w.time.decidedFor)}: ${decision.date}`),
    ),
  );
  const outside = notInForce.length
    ? [
        el(
          'p',
          { id: 'whatif-not-in-force' },
          say((w) => `${capitalize(w.time.notInForce)}: ${notInForce.join(', ')}`),
        ),
      ]
    : [];
  target.replaceChildren(
    summary,
    decision.outcomes.length
      ? list
      : el(
          'p',
          {},
          say((w) => w.noRuleApplies),
        ),
    ...outside,
  );
}

function start(): void {
  const form = document.getElementById('whatif-form') as HTMLFormElement | null;
  const result = document.getElementById('whatif-result');
  const data = document.getElementById('vot-model');
  if (!form || !result || !data) return;
  const model = JSON.parse(data.textContent ?? '{}') as PolicySetModel;
  const policies = new PolicySet(model);
  const facts = new Map(model.facts.map((f) => [f.id, f]));

  const pointSelect = el('select', { id: 'whatif-point', name: '__point' });
  for (const point of model.points)
    pointSelect.append(
      el('option', { value: point.id }, [...new Set(langs.map((lang) => textIn(point.title, lang) || point.id))].join(' / ')),
    );
  const link = document.getElementById('whatif-link') as HTMLAnchorElement | null;
  const fields = el('div', { id: 'whatif-fields', style: 'display: contents' });
  form.append(
    el(
      'label',
      { for: 'whatif-point' },
      say((w) => capitalize(w.labels.decisionPoint)),
    ),
    pointSelect,
    fields,
  );

  // The decision's date is asked on every point: even where no rule reads it, the basis is the law of that date.
  const factsOf = (point: (typeof model.points)[number]): string[] =>
    model.decisionDate !== undefined && !point.reads.includes(model.decisionDate) ? [...point.reads, model.decisionDate] : point.reads;
  const decide = (): void => {
    const point = model.points.find((p) => p.id === pointSelect.value)!;
    const read = factsOf(point)
      .map((id) => facts.get(id)!)
      .filter(Boolean);
    const given = readFacts(form, read);
    // The facts in the fragment: the address is a link to this decision, and never leaves the browser.
    const address = `#${new URLSearchParams([
      ['point', point.id],
      ...Object.entries(given)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    ]).toString()}`;
    history.replaceState(null, '', address);
    if (link) link.href = address;
    try {
      showDecision(result, model, policies.decideSync(point.id, given, { explain: true }), (change) => {
        for (const [fact, value] of Object.entries(change)) {
          const input = form.elements.namedItem(fact) as HTMLInputElement | HTMLSelectElement | null;
          if (input) input.value = encode(value);
        }
        decide();
      });
      result.setAttribute('data-state', 'decided');
    } catch (error) {
      const problems = (error as { diagnostics?: Array<{ message: string }> }).diagnostics?.map((d) => d.message) ?? [
        String((error as Error).message),
      ];
      result.replaceChildren(
        el(
          'p',
          { class: 'error', role: 'alert' },
          say((w) => w.book.factsRefused),
          `: ${problems.join('; ')}`,
        ),
      );
      result.setAttribute('data-state', 'refused');
    }
  };
  /** The facts the chosen point asks for (with the decision's date), as the vocabulary describes them. */
  const readsOf = (): FactModel[] =>
    factsOf(model.points.find((p) => p.id === pointSelect.value)!)
      .map((id) => facts.get(id)!)
      .filter(Boolean);
  const build = (): void => {
    fields.replaceChildren(...readsOf().flatMap((fact) => field(fact)));
    decide();
  };
  /** Sets the point and the facts a fragment names (`#point=reaction&grave=true`), ignoring anything else. */
  const apply = (fragment: string): void => {
    const wanted = new URLSearchParams(fragment.replace(/^#/, ''));
    const point = wanted.get('point');
    if (point && model.points.some((p) => p.id === point)) pointSelect.value = point;
    fields.replaceChildren(...readsOf().flatMap((fact) => field(fact)));
    for (const fact of readsOf()) {
      const input = form.elements.namedItem(fact.id) as HTMLInputElement | HTMLSelectElement | null;
      const value = wanted.get(fact.id);
      if (!input || value === null) continue;
      input.value = value;
      // A value the field does not offer leaves it as it was, never a blank the reader did not choose.
      if (input.value !== value) input.value = encode(fact.hasDefault ? (fact.default ?? null) : null);
    }
    decide();
  };
  window.addEventListener('hashchange', () => apply(location.hash));
  pointSelect.addEventListener('change', build);
  form.addEventListener('input', (event) => {
    if (event.target !== pointSelect) decide();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== pointSelect) decide();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  if (location.hash.length > 1) apply(location.hash);
  else build();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
