/**
 * The policy book's content, without a browser: every rule of the bundled policies reads as a
 * sentence in both languages, unverified sources are marked, every decision point, setting and
 * duty has its place, and reviewer text cannot inject markup into the HTML.
 */
import type { PolicySetModel } from '@vot/engine';
import { describeContext, describeWhen } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookMarkdown, bookPages } from '@vot/cli';

let model: PolicySetModel;
beforeAll(async () => {
  model = (await loadPolicies()).model;
});

describe('the policy book', () => {
  it('gives every rule of the bundled policies a sentence with no operator symbol, in both languages', () => {
    let count = 0;
    for (const point of model.points) {
      const context = describeContext(model, point);
      for (const rule of point.outcomes.flatMap((o) => o.rules)) {
        for (const lang of ['nb', 'en'] as const) {
          expect(describeWhen(rule.when, context, lang), rule.key).not.toMatch(/[≥≤<>=]|\b(gte|lte|notIn|undefined)\b/);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('has a page per decision point with every outcome and rule, and marks every unverified source', () => {
    const pages = new Map(bookPages(model).map((p) => [p.file, p.html]));
    for (const point of model.points) {
      const html = pages.get(`point-${point.id}.html`)!;
      expect(html, point.id).toContain('<main id="main"');
      for (const outcome of point.outcomes) expect(html, outcome.id).toContain(`<span class="id">${outcome.id}</span>`);
      const rules = point.outcomes.reduce((n, o) => n + o.rules.length + (o.otherwise ? 1 : 0), 0);
      expect(html.match(/<p class="id">[^<]*#/g)?.length, point.id).toBe(rules);
    }
    const sources = pages.get('sources.html')!;
    const unverified = model.sources.filter((s) => !s.verified).length;
    expect(sources.match(/class="unverified"/g)?.length ?? 0).toBe(unverified);
    for (const setting of model.settings) expect(pages.get('settings.html')).toContain(`<code>${setting.id}</code>`);
    if (model.duties.length > 0)
      for (const duty of model.duties.flatMap((c) => c.duties)) expect(pages.get('duties.html')).toContain(duty.id);
    for (const html of pages.values()) expect(html).toContain(model.hash);
  });

  it('shows each voice with its own badge and explains the voices, in HTML and Markdown', () => {
    const pages = new Map(bookPages(model).map((p) => [p.file, p.html]));
    const recommended = model.points.find((p) => p.outcomes.some((o) => o.rules.some((r) => r.status === 'recommended')))!;
    const page = pages.get(`point-${recommended.id}.html`)!;
    for (const status of ['required', 'recommended', 'permitted', 'not-permitted'])
      expect(page, status).toContain(`<span class="status status-${status}">`);
    expect(page).toContain('<span class="t" lang="nb">anbefalt</span><span class="t" lang="en">recommended</span>');
    // The legend on the overview, every point page and the what-if page: each status, and `absent`.
    for (const file of ['index.html', `point-${recommended.id}.html`, 'whatif.html']) {
      const legend = pages.get(file)!.match(/<section class="legend"[\s\S]*?<\/section>/)?.[0] ?? '';
      expect(legend.match(/<dt>/g)?.length, file).toBe(5);
      expect(legend, file).toContain('Never a duty: not following it is not a breach.');
      expect(legend, file).toContain('Aldri en plikt: å ikke følge den er ikke et brudd.');
    }
    const markdown = bookMarkdown(model, 'en');
    expect(markdown).toContain('## What the statuses mean\n\n- **required**: a duty');
    expect(markdown).toContain('- **recommended**: a recommendation: the sources say it should be done');
    expect(markdown).toMatch(/\*\*[^*]+\*\*: recommended\n/);
    expect(bookMarkdown(model, 'nb')).toContain('- **anbefalt**: en anbefaling');
  });

  it('says each agreement of two points as a sentence on the duties page', () => {
    const html = bookPages(model).find((p) => p.file === 'duties.html')!.html;
    expect(html).toContain(
      'if at point reaction: police-report is at least permitted, then at point sharing with recipient = police, dataKind = incident-account: share-personal-data is required or permitted',
    );
    expect(html).toContain('hvis i beslutningspunktet reaction: police-report er minst tillatt');
    expect(bookMarkdown(model, 'en')).toContain('then at point sharing with recipient = other-nav-unit');
  });

  it('escapes reviewer text in HTML and Markdown', () => {
    const hostile = structuredClone(model);
    hostile.points[0]!.title = { nb: '<script>alert(1)</script>', en: '<img src=x onerror=alert(1)>' };
    const html = bookPages(hostile)
      .map((p) => p.html)
      .join('\n');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(bookMarkdown(hostile, 'en')).toContain('\\<img src=x onerror=alert(1)\\>');
  });
});

describe('vot render', () => {
  it('refuses policies that do not check clean, with exit 1 and the diagnostics, and writes nothing', async () => {
    const { mkdtemp, readdir, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('@vot/cli');
    const dir = await mkdtemp(join(tmpdir(), 'vot-render-bad-'));
    try {
      await writeFile(join(dir, 'policy-set.yaml'), 'kind: policy-set\nname: broken\n');
      const err: string[] = [];
      const code = await main(['render', '--policies', dir, '--out', join(dir, 'book')], {
        out: () => undefined,
        err: (s) => void err.push(s),
        cwd: dir,
      });
      expect(code).toBe(1);
      expect(err.join('\n')).toMatch(/error\[/);
      expect(err.join('\n')).toContain('the book is rendered from policies that check clean');
      expect(await readdir(dir)).toEqual(['policy-set.yaml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
