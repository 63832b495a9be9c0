/// <reference lib="dom" />
/**
 * The what-if page's script, bundled with esbuild for the browser: it reads the checked model
 * embedded in the page, builds one field per fact of the chosen decision point (a select for
 * enums and booleans, a number input for integers) and shows the decision that the engine's
 * compiled path (`PolicySet.decideSync`, the same code host systems run) gives for them.
 */
import { PolicySet, type Decision, type FactModel, type FactValue, type PolicySetModel, type Text } from '../../../engine/src/browser.js';

type Lang = 'nb' | 'en';
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
  for (const lang of langs) fragment.append(el('span', { class: 't', lang }, text?.[lang] ?? text?.en ?? text?.nb ?? ''));
  return fragment;
}

const words = (nb: string, en: string): DocumentFragment => bi({ nb, en });
const statusText: Record<string, Text> = {
  required: { nb: 'påkrevd', en: 'required' },
  recommended: { nb: 'anbefalt', en: 'recommended' },
  permitted: { nb: 'tillatt', en: 'permitted' },
  'not-permitted': { nb: 'ikke tillatt', en: 'not permitted' },
};

const encode = (value: FactValue): string => (value === null ? '' : String(value));

function field(fact: FactModel): HTMLElement[] {
  const id = `fact-${fact.id}`;
  const label = el('label', { for: id }, bi(fact.title), ' ', el('code', {}, fact.id));
  let input: HTMLSelectElement | HTMLInputElement;
  const none = fact.hasDefault && fact.default === null;
  if (fact.type === 'integer') {
    input = el('input', {
      id,
      name: fact.id,
      type: 'number',
      min: String(fact.min),
      max: String(fact.max),
      step: '1',
      inputmode: 'numeric',
      value: String(fact.hasDefault && fact.default !== null ? fact.default : fact.min),
    });
    if (none) input.value = '';
  } else {
    input = el('select', { id, name: fact.id });
    const values: FactValue[] = fact.type === 'boolean' ? [false, true] : [...fact.values!];
    if (none) values.unshift(null);
    for (const value of values) {
      const text =
        value === null
          ? { nb: 'ikke oppgitt', en: 'not given' }
          : value === true
            ? { nb: 'ja', en: 'yes' }
            : value === false
              ? { nb: 'nei', en: 'no' }
              : { nb: String(value), en: String(value) };
      // An <option> holds text only, so it carries the bokmål/English pair as "ja / yes".
      input.append(el('option', { value: encode(value) }, text.nb === text.en ? text.nb : `${text.nb} / ${text.en}`));
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
    if (raw === '') record[fact.id] = null;
    else if (fact.type === 'boolean') record[fact.id] = raw === 'true';
    else if (fact.type === 'integer') record[fact.id] = Number(raw);
    else record[fact.id] = raw;
  }
  return record;
}

function showDecision(target: HTMLElement, model: PolicySetModel, decision: Decision): void {
  const titles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const list = el('ol', { id: 'whatif-outcomes' });
  for (const outcome of decision.outcomes) {
    const item = el('li', { 'data-outcome': outcome.id, 'data-status': outcome.status });
    item.append(
      el('strong', {}, bi(titles.get(outcome.id))),
      ' ',
      el('code', {}, outcome.id),
      ': ',
      el('span', { class: `status status-${outcome.status}` }, bi(statusText[outcome.status])),
    );
    if (outcome.requires?.length) item.append(el('br'), words('Krever', 'Requires'), `: ${outcome.requires.join(', ')}`);
    if (outcome.limits)
      item.append(
        el('br'),
        words('Grenser', 'Limits'),
        `: ${Object.entries(outcome.limits)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`,
      );
    item.append(el('br'), bi(outcome.reason));
    // Which rule decided, where it is written: the reader can look it up in the policy file.
    const step = decision.trace.steps.find((x) => x.outcome === outcome.id);
    if (step) item.append(el('br'), words('Regel', 'Rule'), ': ', el('code', {}, `${step.rule} (${step.at})`));
    for (const basis of outcome.basis) {
      item.append(el('br'), words('Grunnlag', 'Basis'), `: ${basis.citation}`);
      if (!basis.verified) item.append(' ', el('span', { class: 'unverified' }, words('ikke verifisert', 'not verified')));
    }
    list.append(item);
  }
  const summary = el('p', { id: 'whatif-summary' }, words(`${decision.outcomes.length} utfall`, `${decision.outcomes.length} outcomes`));
  target.replaceChildren(
    summary,
    decision.outcomes.length
      ? list
      : el('p', {}, words('Ingen regel i dette punktet gjelder for disse faktaene.', 'No rule of this point applies to these facts.')),
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
  form.append(el('label', { for: 'whatif-point' }, words('Beslutningspunkt', 'Decision point')), pointSelect, fields);

  const decide = (): void => {
    const point = model.points.find((p) => p.id === pointSelect.value)!;
    const read = point.reads.map((id) => facts.get(id)!).filter(Boolean);
    try {
      showDecision(result, model, policies.decideSync(point.id, readFacts(form, read)));
      result.setAttribute('data-state', 'decided');
    } catch (error) {
      const problems = (error as { diagnostics?: Array<{ message: string }> }).diagnostics?.map((d) => d.message) ?? [
        String((error as Error).message),
      ];
      result.replaceChildren(
        el('p', { class: 'error', role: 'alert' }, words('Faktaene ble avvist', 'The facts were refused'), `: ${problems.join('; ')}`),
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
