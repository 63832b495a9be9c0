/// <reference lib="dom" />
/**
 * The what-if page's script, bundled with esbuild for the browser: it reads the checked model
 * embedded in the page, builds one field per fact of the chosen decision point (a select for
 * enums and booleans, a number input for integers) and shows the decision that the engine's
 * compiled path (`PolicySet.decideSync`, the same code host systems run) gives for them.
 * Beside each outcome, what would change it (the decision's alternatives, `explain: true`):
 * each a button that puts its facts in the form.
 */
import {
  PolicySet,
  capitalize,
  factType,
  noneAllowed,
  textIn,
  valueText,
  wordsFor,
  type Decision,
  type DecidedOutcome,
  type FactModel,
  type FactValue,
  type Lang,
  type PolicySetModel,
  type Text,
  type Words,
} from '@vot/engine/browser';

/** The book's languages (the words module has more). */
const langs: Lang[] = ['nb', 'en'];

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
      const texts = [...new Set(langs.map((lang) => valueText(value, lang)))];
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
    record[fact.id] = raw === '' ? null : factType(fact).fromForm(raw);
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
    if (outcome.requires?.length)
      item.append(
        el('br'),
        say((w) => capitalize(w.labels.requires)),
        `: ${outcome.requires.join(', ')}`,
      );
    if (outcome.limits)
      item.append(
        el('br'),
        say((w) => capitalize(w.labels.limits)),
        `: ${Object.entries(outcome.limits)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`,
      );
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
    }
    item.append(...alternativesOf(outcome, apply));
    list.append(item);
  }
  const summary = el(
    'p',
    { id: 'whatif-summary' },
    say((w) => w.book.outcomes(decision.outcomes.length)),
  );
  target.replaceChildren(
    summary,
    decision.outcomes.length
      ? list
      : el(
          'p',
          {},
          say((w) => w.noRuleApplies),
        ),
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
    pointSelect.append(el('option', { value: point.id }, `${point.title.nb ?? point.id} / ${point.title.en ?? point.id}`));
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

  const decide = (): void => {
    const point = model.points.find((p) => p.id === pointSelect.value)!;
    const read = point.reads.map((id) => facts.get(id)!).filter(Boolean);
    try {
      showDecision(result, model, policies.decideSync(point.id, readFacts(form, read), { explain: true }), (change) => {
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
  const build = (): void => {
    const point = model.points.find((p) => p.id === pointSelect.value)!;
    fields.replaceChildren(...point.reads.flatMap((id) => (facts.get(id) ? field(facts.get(id)!) : [])));
    decide();
  };
  pointSelect.addEventListener('change', build);
  form.addEventListener('input', (event) => {
    if (event.target !== pointSelect) decide();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== pointSelect) decide();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  build();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
