/**
 * The rendered policy book in a real headless Chromium (CHROMIUM_PATH, else `chromium` on PATH;
 * .ci/run installs Debian's): opened from file:// with no network, every page loads without a console error,
 * the language switch works, the what-if form is reachable by keyboard, and the decision it
 * shows is the engine's own for the facts on the form, changing when a fact changes.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '@vot/cli';
import type { PolicySet, FactValue } from '@vot/engine';
import { bundledPolicyDir, loadPolicies } from '@vot/policies';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './chromium.js';

let out: string;
let profile: string;
let context: BrowserContext;
let policies: PolicySet;
const problems: string[] = [];

/** A page of the book, with an optional `#fragment` kept as a fragment. */
const url = (file: string) => {
  const [path, fragment] = file.split('#');
  return `${pathToFileURL(join(out, path!)).href}${fragment === undefined ? '' : `#${fragment}`}`;
};

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
  // Fail, never skip: without the browser the book's promises are untested. The error says how to install it.
  const chromiumPath = findChromium();
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

  it('switches between bokmål, English and Danish', async () => {
    const page = await open('index.html');
    const heading = page.locator('h1 .t:visible');
    expect(await heading.textContent()).toBe(policies.model.title.nb);
    await page.locator('#lang-switch').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await heading.textContent()).toBe(policies.model.title.en);
    await page.locator('#lang-switch').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    // The book's own words are Danish; a policy text without Danish falls back to English.
    expect(await page.locator('nav .t:visible').first().textContent()).toBe('Oversigt');
    expect(await heading.textContent()).toBe(policies.model.title.da ?? policies.model.title.en);
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
        raw
          // An empty date is no date: the decision is made for today.
          .filter(([name, value]) => !(value === '' && types.get(name!) === 'date'))
          .map(([name, value]) => [
            name!,
            value === ''
              ? null
              : types.get(name!) === 'boolean'
                ? value === 'true'
                : types.get(name!) === 'integer'
                  ? Number(value)
                  : value!,
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

    // The date field: before NAV's exclusion guideline (May 2016) exclusion is not in force, and the page says for which date it decided.
    await page.fill('#fact-incidentDate', '2016-03-01');
    const beforeGuideline = await factsOnForm();
    expect(beforeGuideline.incidentDate).toBe('2016-03-01');
    expect(await shown()).toEqual(await decided(beforeGuideline));
    expect((await shown())['exclusion-physical']).toBeUndefined();
    expect(await page.getAttribute('#whatif-date', 'data-date')).toBe('2016-03-01');
    expect(await page.textContent('#whatif-not-in-force')).toContain('exclusion-physical');
    await page.fill('#fact-incidentDate', '2024-03-01');
    expect(await shown()).toEqual(await decided(await factsOnForm()));
    expect((await shown())['exclusion-physical']).toBe('permitted');

    await page.locator('#lang-switch').click();
    await mkdir(join(process.cwd(), 'tests', 'artifacts'), { recursive: true });
    await page.locator('#whatif-result-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(process.cwd(), 'tests', 'artifacts', 'whatif.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows the decision beside the form, and keeps the facts in a link that opens the same decision', async () => {
    const page = await open(
      'whatif.html#point=reaction&organisation=nav-office&employeeEmployer=state&incidentType=physical-violence&channel=in-person&grave=true&priorIncidents=0&writtenWarningGiven=false&injury=minor',
    );
    await page.waitForSelector('#whatif-outcomes li');
    expect(await page.inputValue('#whatif-point')).toBe('reaction');
    expect(await page.inputValue('#fact-incidentType')).toBe('physical-violence');
    expect(await page.inputValue('#fact-grave')).toBe('true');
    const physical = page.locator('#whatif-outcomes li[data-outcome="exclusion-physical"]');
    expect(await physical.getAttribute('data-status')).toBe('permitted');
    // Beside: the decision starts to the right of the form and at the top of the first screen.
    const form = (await page.locator('#whatif-form').boundingBox())!;
    const result = (await page.locator('#whatif-result-heading').boundingBox())!;
    expect(result.x).toBeGreaterThanOrEqual(form.x + form.width);
    expect(result.y).toBeLessThan(900);
    // The address follows the form; opening it elsewhere gives the same facts and decision.
    await page.selectOption('#fact-grave', 'false');
    const address = page.url();
    expect(address).toContain('grave=false');
    expect(await page.locator('#whatif-link').getAttribute('href')).toBe(new URL(address).hash);
    const shown = async (p: Page) =>
      Object.fromEntries(
        await p.$$eval('#whatif-outcomes li', (items) =>
          items.map((li) => [li.getAttribute('data-outcome'), li.getAttribute('data-status')]),
        ),
      );
    const again = await context.newPage();
    await again.goto(address);
    await again.waitForSelector('#whatif-outcomes li');
    expect(await again.inputValue('#fact-grave')).toBe('false');
    expect(await shown(again)).toEqual(await shown(page));
    await again.close();
    await page.close();
    expect(problems).toEqual([]);
  });

  it('can be used with the keyboard alone, and reads well in the accessibility tree', async () => {
    const page = await open(
      'whatif.html#point=reaction&organisation=nav-office&employeeEmployer=municipal&incidentType=threat-in-person&channel=in-person&grave=false&priorIncidents=0&writtenWarningGiven=false&injury=none',
    );
    await page.waitForSelector('#whatif-outcomes li');
    // In bokmål, whatever an earlier page chose (the choice is remembered).
    for (let i = 0; i < 3 && (await page.locator('html').getAttribute('lang')) !== 'nb'; i++) await page.locator('#lang-switch').click();
    // Tab to the `grave` field and change it with the arrow keys: the decision follows.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.id)) === 'fact-grave';
    }
    expect(reached, 'the grave field is reachable with Tab').toBe(true);
    const before = await page.locator('#whatif-outcomes li[data-outcome="exclusion-physical"]').getAttribute('data-status');
    await page.keyboard.press((await page.inputValue('#fact-grave')) === 'true' ? 'ArrowUp' : 'ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('#fact-grave') && (document.querySelector('#fact-grave') as HTMLSelectElement).value === 'true',
    );
    expect(await page.locator('#whatif-outcomes li[data-outcome="exclusion-physical"]').getAttribute('data-status')).not.toBe(before);
    expect(page.url()).toContain('grave=true');
    // Chromium's accessibility tree: named fields with the values' titles, the decision heading, the link.
    const tree = await page.locator('main').ariaSnapshot();
    expect(tree).toMatch(/combobox "Type hendelse[^"]*incidentType"/);
    expect(tree).toContain('option "Trussel ansikt til ansikt / Threat face to face / Trussel ansigt til ansigt" [selected]');
    expect(tree).not.toMatch(/option "threat-in-person"/);
    expect(tree).toContain('heading "Beslutning" [level=2]');
    expect(tree).toContain('link "Lenke til denne beslutningen (faktaene står i adressen)"');
    expect(tree).toContain('Utestengelse fra fysisk oppmøte');
    expect(tree).toContain('Lengste varighet (uker)');
    expect(tree).toContain('Forhåndsvarsel og rett til å uttale seg');
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
