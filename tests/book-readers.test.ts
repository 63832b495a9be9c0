/**
 * The policy book for reviewers: values by their vocabulary titles in every sentence (never
 * `type hendelse er physical-violence`), safeguards and limits by title, an organisation's own
 * policies in the vocabulary's order rather than by file name, and Danish as a third language in
 * the pages and the Markdown.
 */
import { bookMarkdown, bookPages } from '@vot/cli';
import { textIn } from '@vot/engine';
import { describeCondition, describeContext, valueText } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import { describe, expect, it } from 'vitest';

const { model } = await loadPolicies();
const pages = new Map(bookPages(model).map((p) => [p.file, p.html]));
const reactionPage = pages.get('point-reaction.html')!;
const enumFacts = model.facts.filter((f) => f.type === 'enum');

describe('the policy book, read by a reviewer', () => {
  it('gives every value of every enum fact a title in bokmål, English and Danish', () => {
    for (const fact of enumFacts)
      for (const value of fact.type === 'enum' ? fact.values : []) {
        for (const lang of ['nb', 'en', 'da'] as const) {
          const title = fact.valueTitles?.[value]?.[lang];
          expect(title, `${fact.id}=${value} (${lang})`).toBeTruthy();
          expect(valueText(value, lang, fact)).toBe(title);
        }
      }
  });

  it('says conditions with the titles of values, never their ids', () => {
    const context = describeContext(model);
    const incidentType = model.facts.find((f) => f.id === 'incidentType')!;
    const node = { kind: 'test', fact: 'incidentType', op: 'eq', value: 'physical-violence', at: incidentType.at } as const;
    expect(describeCondition(node, context, 'nb')).toBe('type hendelse er fysisk vold');
    expect(describeCondition(node, context, 'en')).toBe('type of incident is physical violence');
    // No enum value id stands alone in a sentence of the book: each reads as its title.
    const ids = enumFacts.flatMap((f) => (f.type === 'enum' ? f.values : [])).filter((v) => v.includes('-'));
    const sentences = [...pages.values()]
      .flatMap((html) => [...html.matchAll(/<span class="when">([\s\S]*?)<\/span>:/g)].map((m) => m[1]!))
      .join('\n');
    expect(sentences.length).toBeGreaterThan(1000);
    for (const id of ids) expect(sentences, id).not.toMatch(new RegExp(`(er|is|er ikke|is not) ${id}\\b`));
  });

  it('names safeguards and limits by their titles', () => {
    expect(reactionPage).toContain('<span class="t" lang="nb">Forhåndsvarsel og rett til å uttale seg</span>');
    expect(reactionPage).toContain('<span class="t" lang="en">Longest duration (weeks)</span>');
    expect(bookMarkdown(model, 'en')).not.toMatch(/^ {3}- requires `advance-notice-and-right-to-comment`$/m);
    // The worked examples too: each expected outcome by its title, its id only in brackets after it.
    const titles = new Map(model.outcomes.map((o) => [o.id, o.title]));
    for (const lang of ['nb', 'en', 'da'] as const) {
      const expected = bookMarkdown(model, lang)
        .split('\n')
        .filter((line) => /^(Forventet|Expected): /.test(line));
      expect(expected).toHaveLength(model.scenarios.length);
      for (const line of expected) {
        expect(line.replace(/ \(`[a-z0-9-]+`\)/g, ''), line).not.toContain('`');
        for (const [, id] of line.matchAll(/\(`([a-z0-9-]+)`\)/g)) expect(line).toContain(`${textIn(titles.get(id!), lang)} (\`${id}\`)`);
      }
    }
    expect(pages.get('scenarios.html')).not.toContain('<li><code>');
  });

  it("lists an organisation's own policies in the vocabulary's order of organisations, everyone's first", () => {
    const organisations = model.facts.find((f) => f.id === 'organisation')!;
    const order = organisations.type === 'enum' ? organisations.values : [];
    for (const point of model.points) {
      // The policies in the order their sections stand on the point's page.
      const shown = [...pages.get(`point-${point.id}.html`)!.matchAll(/<h2 id="policy--([^"]+)">/g)].map((m) => m[1]!);
      expect([...shown].sort()).toEqual(point.policies.map((p) => p.id).sort());
      const ordered = shown.map((id) => point.policies.find((p) => p.id === id)!);
      const firstOrganisation = (policy: (typeof ordered)[number]) => {
        const text = JSON.stringify(policy.scope ?? null);
        const found = order.map((o) => text.indexOf(`"${o}"`)).map((at, index) => (at < 0 ? Number.POSITIVE_INFINITY : index));
        return policy.scope ? Math.min(...found) : -1;
      };
      const ranks = ordered.map(firstOrganisation);
      expect(ranks, point.id).toEqual([...ranks].sort((a, b) => a - b));
    }
    // On the reaction page NAV's ladder comes before Ishøj's reactions, though `organisations/` sorts first by file.
    expect(reactionPage.indexOf('id="policy--reaction-ladder-nav"')).toBeLessThan(reactionPage.search(/id="policy--[a-z-]*ishoj[a-z-]*"/));
  });

  it('is written in Danish too: every page carries Danish spans, and there is a Danish Markdown book', () => {
    for (const [file, html] of pages) expect(html, file).toContain('lang="da"');
    expect(reactionPage).toContain('<span class="t" lang="da">Længste varighed (uger)</span>');
    const danish = bookMarkdown(model, 'da');
    expect(danish).toContain('Længste varighed (uger)');
    expect(danish).not.toBe(bookMarkdown(model, 'en'));
  });
});
