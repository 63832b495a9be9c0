/**
 * The rendered policy book in a real headless Chromium (Debian's /usr/bin/chromium, installed
 * by .ci/run): opened from file:// with no network, every page loads without a console error,
 * the language switch works, the what-if form is reachable by keyboard, and the decision it
 * shows is the engine's own for the facts on the form, changing when a fact changes.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '@vot/cli';
import type { PolicySet, FactValue } from '@vot/engine';
import { bundledPolicyDir, loadPolicies } from '@vot/policies';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = '/usr/bin/chromium';
let out: string;
let profile: string;
let context: BrowserContext;
let policies: PolicySet;
const problems: string[] = [];

const url = (file: string) => pathToFileURL(join(out, file)).href;

async function open(file: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${file}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${file}: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`${file}: request failed: ${request.url()}`));
  await page.goto(url(file));
  return page;
}

/** A first, non-grave threat at a NAV office, as the what-if form's values. */
const firstThreat: Record<string, string> = {
  organisation: 'nav-office',
  employeeEmployer: 'municipal',
  incidentType: 'threat-in-person',
  channel: 'in-person',
  grave: 'false',
  writtenWarningGiven: 'false',
  injury: 'none',
};

/** Picks the reaction point on the what-if page and fills in `firstThreat` (the facts the point reads) and no earlier incident. */
async function fillFirstThreat(page: Page): Promise<void> {
  await page.selectOption('#whatif-point', 'reaction');
  const reads = new Set(policies.model.points.find((p) => p.id === 'reaction')!.reads);
  for (const [fact, value] of Object.entries(firstThreat)) if (reads.has(fact)) await page.selectOption(`#fact-${fact}`, value);
  await page.fill('#fact-priorIncidents', '0');
}

/** The what-if form's fields, by name, as the strings they hold. */
async function formValues(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page.$$eval('#whatif-fields select, #whatif-fields input', (inputs) =>
      inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]),
    ),
  );
}

beforeAll(async () => {
  // Fail, never skip: without the browser the book's promises are untested.
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}; install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does this before the tests)`,
    );
  }
  policies = await loadPolicies();
  out = await mkdtemp(join(tmpdir(), 'vot-book-'));
  profile = await mkdtemp(join(tmpdir(), 'vot-chromium-'));
  const printed: string[] = [];
  const code = await main(['render', '--out', out, '--policies', bundledPolicyDir()], {
    out: (s) => void printed.push(s),
    err: (s) => void printed.push(s),
    cwd: process.cwd(),
  });
  expect(code, printed.join('\n')).toBe(0);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  // Offline: anything that is not a file of the book is refused (and reported as a failure).
  context.setDefaultTimeout(10_000);
  await context.route(/^(?!file:)/, (route) => route.abort());
});

afterAll(async () => {
  await context?.close();
  if (out) await rm(out, { recursive: true, force: true });
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('the policy book in Chromium', () => {
  it('opens every page from file:// without console errors, with landmarks and one h1', async () => {
    const pages = [
      'index.html',
      ...policies.model.points.map((p) => `point-${p.id}.html`),
      'sources.html',
      'settings.html',
      'scenarios.html',
      'whatif.html',
      ...(policies.model.duties.length ? ['duties.html'] : []),
    ];
    for (const file of pages) {
      const page = await open(file);
      await page.waitForLoadState('load');
      expect(await page.locator('main#main').count(), file).toBe(1);
      expect(await page.locator('nav').count(), file).toBeGreaterThan(0);
      expect(await page.locator('header').count(), file).toBe(1);
      expect(await page.locator('h1').count(), file).toBe(1);
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('switches between bokmål and English', async () => {
    const page = await open('index.html');
    const heading = page.locator('h1 .t:visible');
    expect(await heading.textContent()).toBe(policies.model.title.nb);
    await page.locator('#lang-switch').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await heading.textContent()).toBe(policies.model.title.en);
    await page.locator('#lang-switch').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await page.close();
    // A point page, for a look at how rules read (the choice of language is remembered).
    const point = await open(`point-${policies.model.points[0]!.id}.html`);
    expect(await point.locator('html').getAttribute('lang')).toBe('nb');
    await mkdir(join(process.cwd(), 'tests', 'artifacts'), { recursive: true });
    await point.screenshot({ path: join(process.cwd(), 'tests', 'artifacts', 'point.png') });
    await point.close();
    expect(problems).toEqual([]);
  });

  it('decides on the what-if page as the engine does, and changes the decision when a fact changes', async () => {
    const page = await open('whatif.html');
    // Keyboard: the skip link comes first, then the form can be reached with Tab alone.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.id)) === 'whatif-point';
    }
    expect(reached, 'the decision point select is reachable with Tab').toBe(true);

    await fillFirstThreat(page);

    const factsOnForm = async (): Promise<Record<string, FactValue>> => {
      const raw = Object.entries(await formValues(page));
      const types = new Map(policies.model.facts.map((f) => [f.id, f.type]));
      return Object.fromEntries(
        raw.map(([name, value]) => [
          name!,
          value === '' ? null : types.get(name!) === 'boolean' ? value === 'true' : types.get(name!) === 'integer' ? Number(value) : value!,
        ]),
      );
    };
    const shown = async () =>
      Object.fromEntries(
        await page.$$eval('#whatif-outcomes li', (items) =>
          items.map((li) => [li.getAttribute('data-outcome'), li.getAttribute('data-status')]),
        ),
      );
    const decided = async (facts: Record<string, FactValue>) =>
      Object.fromEntries((await policies.decide('reaction', facts)).outcomes.map((o) => [o.id, o.status]));

    const before = await factsOnForm();
    const expectedBefore = await decided(before);
    expect(await shown()).toEqual(expectedBefore);

    await page.selectOption('#fact-grave', 'true');
    const after = await factsOnForm();
    expect(after.grave).toBe(true);
    const expectedAfter = await decided(after);
    // The engine says the exclusion changes with `grave`; the page must show the same change.
    expect(expectedAfter['exclusion-physical']).not.toBe(expectedBefore['exclusion-physical']);
    expect(await shown()).toEqual(expectedAfter);

    await page.locator('#lang-switch').click();
    await mkdir(join(process.cwd(), 'tests', 'artifacts'), { recursive: true });
    await page.locator('#whatif-result-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(process.cwd(), 'tests', 'artifacts', 'whatif.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows beside each outcome what would change it, and a click puts those facts in the form', async () => {
    const page = await open('whatif.html');
    await fillFirstThreat(page);
    const exclusion = page.locator('#whatif-outcomes > li[data-outcome="exclusion-physical"]');
    expect(await exclusion.getAttribute('data-status')).toBe('not-permitted');
    const facts = { ...firstThreat, grave: false, writtenWarningGiven: false, priorIncidents: 0 };
    const engine = (await policies.decide('reaction', facts, { explain: true })).outcomes.find((o) => o.id === 'exclusion-physical')!;
    const buttons = exclusion.locator('button.alternative');
    // The page shows the engine's alternatives, in the engine's words (bokmål shown first).
    expect(await buttons.count()).toBe(engine.alternatives!.length);
    expect(await buttons.nth(1).locator('span[lang="nb"]').textContent()).toBe(engine.alternatives![1]!.text.nb);
    // The second: at least one earlier incident and a written warning. A click puts both in the form and decides again.
    await buttons.nth(1).click();
    expect(await page.inputValue('#fact-priorIncidents')).toBe('1');
    expect(await page.inputValue('#fact-writtenWarningGiven')).toBe('true');
    expect(await page.locator('#whatif-outcomes > li[data-outcome="exclusion-physical"]').getAttribute('data-status')).toBe('permitted');
    // Every alternative the engine gives, clicked from the first threat: its facts are on the form, the rest
    // unchanged, and the page shows the alternative's status for the outcome.
    const formValue = (value: FactValue) => (value === null ? '' : String(value));
    await page.close();
    for (const [index, alternative] of engine.alternatives!.entries()) {
      const fresh = await open('whatif.html');
      await fillFirstThreat(fresh);
      const before = await formValues(fresh);
      const outcome = fresh.locator('#whatif-outcomes > li[data-outcome="exclusion-physical"]');
      await outcome.locator('button.alternative').nth(index).click();
      const expected = { ...before, ...Object.fromEntries(Object.entries(alternative.change).map(([f, v]) => [f, formValue(v)])) };
      expect(await formValues(fresh), alternative.text.en).toEqual(expected);
      expect(await outcome.getAttribute('data-status'), alternative.text.en).toBe(alternative.status);
      await fresh.close();
    }
    expect(problems).toEqual([]);
  });
});
