/**
 * Law in time on the bundled policies (issue 15): the rules and sources in force on the incident's
 * date decide. A follow-up for 2016 and one for 2024 differ in their basis as the law did; sharing
 * for danger to life follows the law of 2021; exclusion is judged by NAV's guideline only from May
 * 2016; no decision, at any point and on any date, cites a source not in force on its date; and
 * `vot check` reports the gate per period.
 */
import type { Decision, PolicyError } from '@vot/engine';
import { bookMarkdown, bookPages } from '@vot/cli';
import { loadPolicies, toAuditRecord, type PolicySet } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVot } from './cli-harness.js';
import { decide, startTestService, testTokens } from './service-harness.js';

let policies: PolicySet;
beforeAll(async () => {
  policies = await loadPolicies();
});

const violence = { organisation: 'nav-office', employeeEmployer: 'municipal', incidentType: 'physical-violence' } as const;
const basisOf = (decision: Decision, outcome: string): string[] =>
  decision.outcomes.find((o) => o.id === outcome)?.basis.map((b) => b.id) ?? [];

describe('law in time, on the bundled policies', () => {
  it('a follow-up for an incident in 2016 and one in 2024 differ in their basis as the law did', async () => {
    const before = await policies.decide('follow-up', { ...violence, incidentDate: '2016-06-01' });
    const after = await policies.decide('follow-up', { ...violence, incidentDate: '2024-06-01' });
    // Both require the leader's follow-up; before chapter 23A (2017-01-01) it rests on the Working Environment Act.
    for (const decision of [before, after]) expect(decision.outcomes.find((o) => o.id === 'leader-follow-up')?.status).toBe('required');
    expect(before.date).toBe('2016-06-01');
    expect(basisOf(before, 'leader-follow-up')).toEqual(['aml-4-3-4', 'aml-3-1']);
    expect(basisOf(after, 'leader-follow-up')).toContain('fou-23a-5');
    expect(basisOf(after, 'leader-follow-up')).not.toContain('aml-4-3-4');
    const regulation = after.outcomes.find((o) => o.id === 'leader-follow-up')!.basis.find((b) => b.id === 'fou-23a-5')!;
    expect(regulation.inForce).toEqual({ from: '2017-01-01' });
    // The last day of the old law and the first of the new.
    expect(basisOf(await policies.decide('follow-up', { ...violence, incidentDate: '2016-12-31' }), 'leader-follow-up')).toContain(
      'aml-4-3-4',
    );
    expect(basisOf(await policies.decide('follow-up', { ...violence, incidentDate: '2017-01-01' }), 'leader-follow-up')).toContain(
      'fou-23a-5',
    );
  });

  it('shares for danger to life under the old third paragraphs before 1 July 2021 and § 13 b (1) nr. 7 after', async () => {
    const sharing = {
      ...violence,
      requesterEmployer: 'state',
      recipient: 'health-service',
      consent: false,
      dangerToLifeOrHealth: true,
      anonymisedSuffices: false,
    } as const;
    const before = await policies.decide('sharing', { ...sharing, incidentDate: '2021-06-30' });
    const after = await policies.decide('sharing', { ...sharing, incidentDate: '2021-07-01' });
    expect(before.outcomes.find((o) => o.id === 'share-personal-data')?.status).toBe('permitted');
    expect(after.outcomes.find((o) => o.id === 'share-personal-data')?.status).toBe('permitted');
    expect(basisOf(before, 'share-personal-data')).toEqual(['navl-7-3', 'strl-17']);
    expect(basisOf(after, 'share-personal-data')).toEqual(['fvl-13b-1-7', 'navl-7-3-2021', 'nav-2023-s9-sharing']);
    expect(before.outcomes.find((o) => o.id === 'share-personal-data')!.reason.en).toMatch(/substantial/);
  });

  it('judges exclusion by NAV’s guideline only from May 2016, and says it is not in force before', async () => {
    const repeat = {
      ...violence,
      channel: 'in-person',
      grave: true,
      priorIncidents: 0,
      writtenWarningGiven: false,
      injury: 'none',
    } as const;
    const early = await policies.decide('reaction', { ...repeat, incidentDate: '2016-04-30' });
    expect(early.outcomes.map((o) => o.id)).not.toContain('exclusion-physical');
    expect(early.trace.omitted).toContainEqual({ outcome: 'exclusion-physical', because: 'not-in-force' });
    const guideline = await policies.decide('reaction', { ...repeat, incidentDate: '2016-05-01' });
    expect(guideline.outcomes.find((o) => o.id === 'exclusion-physical')).toMatchObject({ status: 'permitted', limits: { maxWeeks: 12 } });
  });

  it('registers security measures in Gosys only from the 2022 routine', async () => {
    const measure = {
      ...violence,
      measureDecided: 'exclusion-physical',
      userInformed: true,
      channel: 'in-person',
      injury: 'none',
    } as const;
    const before = await policies.decide('reporting', { ...measure, incidentDate: '2021-12-31' });
    const after = await policies.decide('reporting', { ...measure, incidentDate: '2022-01-01' });
    expect(before.outcomes.map((o) => o.id)).not.toContain('register-security-measure-gosys');
    expect(after.outcomes.find((o) => o.id === 'register-security-measure-gosys')?.status).toBe('required');
  });

  it('property: no decision at any point cites a source not in force on its date', async () => {
    const sources = new Map(policies.model.sources.map((s) => [s.id, s]));
    const incident = fc.record({
      organisation: fc.constantFrom('nav-office', 'nav-contact-centre', 'municipal-school', 'danish-municipality'),
      employeeEmployer: fc.constantFrom('state', 'municipal'),
      incidentType: fc.constantFrom('physical-violence', 'threat-in-person', 'threat-remote', 'harassment-other', 'self-harm-threat'),
      channel: fc.constantFrom('in-person', 'phone', 'home-visit'),
      grave: fc.boolean(),
      priorIncidents: fc.integer({ min: 0, max: 3 }),
      writtenWarningGiven: fc.boolean(),
      injury: fc.constantFrom('none', 'minor', 'serious', 'death'),
      requesterEmployer: fc.constantFrom('state', 'municipal'),
      recipient: fc.constantFrom('police', 'health-service', 'other-nav-unit', 'subcontractor'),
      consent: fc.boolean(),
      dangerToLifeOrHealth: fc.boolean(),
      anonymisedSuffices: fc.boolean(),
      measureDecided: fc.constantFrom('exclusion-physical', 'two-employees-in-meeting', 'talk-with-user'),
      incidentDate: fc
        .date({ min: new Date('2012-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    });
    await fc.assert(
      fc.asyncProperty(incident, async (facts) => {
        for (const point of policies.points) {
          let decision: Decision;
          try {
            decision = await policies.decide(point, facts);
          } catch (error) {
            // A refused date is no decision; anything else is a failure.
            expect((error as PolicyError).diagnostics?.[0]?.code).toMatch(/^date-(before|after)-point$/);
            continue;
          }
          expect(decision.date).toBe(facts.incidentDate);
          for (const outcome of decision.outcomes) {
            for (const entry of outcome.basis) {
              const window = sources.get(entry.id)!.inForce;
              expect(window?.from === undefined || facts.incidentDate >= window.from, `${entry.id} on ${facts.incidentDate}`).toBe(true);
              expect(window?.until === undefined || facts.incidentDate < window.until, `${entry.id} on ${facts.incidentDate}`).toBe(true);
              expect(entry.inForce).toEqual(window);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('`vot check` reports the gate per period', async () => {
    const { code, stdout } = await runVot(['check', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Periods:$/m);
    expect(stdout).toMatch(/^ {2}✓ until 2016-04-30: \d+ duties in force, all hold$/m);
    expect(stdout).toMatch(/^ {2}✓ 2017-01-01 – 2021-06-30: \d+ duties in force, all hold$/m);
    expect(stdout).toMatch(/^ {2}✓ from 2022-01-01: \d+ duties in force, all hold$/m);
    expect(stdout).toMatch(/23a-5-follow-up .*\(in force from 2017-01-01\)/);
  });

  it('`vot eval --date` decides for the date, says which, and names the outcomes not in force', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vot-time-'));
    try {
      const file = join(folder, 'incident.json');
      await writeFile(
        file,
        JSON.stringify({ ...violence, channel: 'in-person', grave: true, priorIncidents: 0, writtenWarningGiven: false, injury: 'none' }),
      );
      const early = await runVot(['eval', file, '--point', 'reaction', '--lang', 'en', '--date', '2016-03-01']);
      expect(early.code).toBe(0);
      expect(early.stdout).toMatch(/^Decided for: 2016-03-01$/m);
      expect(early.stdout).toMatch(/^ {2}Not in force on this date \(2016-03-01\): exclusion-physical, exclusion-phone$/m);
      const later = await runVot(['eval', file, '--point', 'follow-up', '--lang', 'en', '--date', '2024-03-01', '--format', 'json']);
      const decision = JSON.parse(later.stdout) as Decision;
      expect(decision.date).toBe('2024-03-01');
      expect(basisOf(decision, 'leader-follow-up')).toContain('fou-23a-5');
      const text = await runVot(['eval', file, '--point', 'follow-up', '--lang', 'en', '--date', '2024-03-01']);
      expect(text.stdout).toContain(
        'Basis: forskrift om utførelse av arbeid § 23A-5 <https://lovdata.no/forskrift/2011-12-06-1357/§23A-5> (in force from 2017-01-01)',
      );
      // The incident's own date wins over --date; a malformed --date is refused.
      await writeFile(file, JSON.stringify({ ...violence, incidentDate: '2016-06-01' }));
      const own = await runVot(['eval', file, '--point', 'follow-up', '--lang', 'en', '--date', '2024-03-01']);
      expect(own.stdout).toMatch(/^Decided for: 2016-06-01$/m);
      const bad = await runVot(['eval', file, '--point', 'follow-up', '--date', '2024-02-30']);
      expect(bad.code).toBe(0);
      await writeFile(file, JSON.stringify(violence));
      const refused = await runVot(['eval', file, '--point', 'follow-up', '--date', '2024-02-30']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('error[invalid-decision-date]');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('`vot diff --at --at` compares one version at two dates: the sharing law of 1 July 2021', async () => {
    const { code, stdout } = await runVot(['diff', '--at', '2021-06-30', '--at', '2021-07-01', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Semantic diff: vot-policies [\d.]+ \(sha256:[0-9a-f]{12}…\) on 2021-06-30 → on 2021-07-01$/m);
    expect(stdout).toMatch(/^ {2}navl-7-3\n {4}goes out of force$/m);
    expect(stdout).toMatch(/^ {2}fvl-13b-1-7\n {4}comes into force$/m);
    expect(stdout).toContain('en: «You may share only if the danger is substantial');
    // Exclusion comes into force with NAV's guideline: a change of decisions, not only of sources.
    const may = await runVot(['diff', '--at', '2016-04-30', '--at', '2016-05-01', '--lang', 'en', '--format', 'json']);
    const diff = JSON.parse(may.stdout) as { decisions: Array<{ outcome: string; from: { status: string } }> };
    expect(diff.decisions.map((d) => d.outcome)).toEqual(expect.arrayContaining(['exclusion-physical', 'exclusion-phone']));
    expect(diff.decisions.every((d) => d.from.status === 'absent')).toBe(true);
    const usage = await runVot(['diff', '--at', '2021-06-30']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('give `--at <date>` twice');
  });

  it('a replayed record from before a change decides as then: at its own date, or at its timestamp when it has none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vot-replay-'));
    try {
      const facts = { ...violence, channel: 'in-person', grave: true, priorIncidents: 0, writtenWarningGiven: false, injury: 'none' };
      // Decided in October 2015, before NAV's exclusion guideline: no exclusion outcome.
      const then = await policies.decide('reaction', facts, { date: '2015-10-01' });
      expect(then.outcomes.map((o) => o.id)).not.toContain('exclusion-physical');
      const stored = toAuditRecord(then, facts, new Date('2015-10-01T12:00:00Z'));
      expect(stored.date).toBe('2015-10-01');
      const { date: _date, ...withoutDate } = stored;
      const lines = [
        stored, // written with its date
        withoutDate, // written before dates were stored: the date of its timestamp
        { ...withoutDate, at: '2024-03-01T12:00:00.000Z' }, // the same outcomes stored in 2024 without a date: exclusion is in force then
      ];
      const file = join(folder, 'records.jsonl');
      await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
      const { code, stdout } = await runVot(['replay', file, '--format', 'json']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as {
        total: number;
        unchanged: number;
        changed: Array<{ line: number; date: string; changes: Array<{ outcome: string }> }>;
      };
      expect(report.total).toBe(3);
      expect(report.unchanged).toBe(2);
      expect(report.changed.map((c) => [c.line, c.date])).toEqual([[3, '2024-03-01']]);
      expect(report.changed[0]!.changes.map((c) => c.outcome)).toEqual(expect.arrayContaining(['exclusion-physical', 'exclusion-phone']));
      const text = await runVot(['replay', file, '--lang', 'en']);
      expect(text.stdout).toContain('reaction  decided for 2024-03-01');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('the book shows each rule’s window and a timeline of what comes into and goes out of force', () => {
    const pages = new Map(bookPages(policies.model).map((p) => [p.file, p.html]));
    const text = (file: string) =>
      pages
        .get(file)!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
    expect(text('point-follow-up.html')).toContain('in force until 2016-12-31');
    expect(text('point-follow-up.html')).toContain('gjelder fra 2017-01-01');
    const timeline = text('timeline.html');
    for (const date of ['2016-05-01', '2017-01-01', '2021-07-01', '2022-01-01']) expect(timeline).toContain(` ${date} `);
    // 1 July 2021: the new sharing law comes into force, the old third paragraph goes out of force.
    const july = timeline.slice(timeline.indexOf(' 2021-07-01 '), timeline.indexOf(' 2022-01-01 '));
    expect(july).toMatch(/Comes into force .*fvl-13b-1-7/);
    expect(july).toMatch(/Goes out of force .*navl-7-3 /);
    expect(pages.get('index.html')).toContain('href="timeline.html"');
    expect(bookMarkdown(policies.model, 'en')).toContain('   - in force from 2017-01-01');
  });

  it('the service takes incidentDate as any fact, and its trail records the date decided for', async () => {
    const service = await startTestService({ policies });
    try {
      const old = await decide(service.url, 'follow-up', { ...violence, incidentDate: '2016-06-01' }, testTokens['case-system']);
      expect(old.status).toBe(200);
      // Response format 2: an outcome's basis is source ids, each listed once in `sources`.
      const body = (await old.json()) as {
        date: string;
        outcomes: Array<{ id: string; basis: string[] }>;
        sources: Record<string, unknown>;
      };
      expect(body.date).toBe('2016-06-01');
      expect(body.outcomes.find((o) => o.id === 'leader-follow-up')!.basis).toEqual(['aml-4-3-4', 'aml-3-1']);
      expect(body.sources).toHaveProperty(['aml-4-3-4']);
      const bad = await decide(service.url, 'follow-up', { ...violence, incidentDate: '2016-02-30' }, testTokens['case-system']);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('incidentDate');
      await service.close();
      const records = (await readFile(service.trail, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { date: string; facts: Record<string, unknown> });
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ date: '2016-06-01', facts: { incidentDate: '2016-06-01' } });
    } finally {
      await service.dispose();
    }
  });
});
