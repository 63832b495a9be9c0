/**
 * `vot eval` for the people who read decisions: a summary first, safeguards (`requires`) and
 * limits by their vocabulary titles in bokmål, English and Danish, sources with their links and
 * one line on what "not verified" means, `--outcome` for the one outcome asked about, and a
 * refusal on a limit that keeps the limit, so a host can say "at most 12 weeks".
 */
import { join } from 'node:path';
import { loadPolicies } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';

const incidents = join(import.meta.dirname, '..', 'examples', 'incidents');
const repeated = join(incidents, '03-repeated-threats-after-warning-exclusion-decided.json');
const ishoj = join(incidents, '11-ishoj-threat-at-citizen-service-police-called.json');
const reaction = {
  organisation: 'nav-office',
  employeeEmployer: 'municipal',
  incidentType: 'threat-in-person',
  channel: 'in-person',
  grave: true,
  priorIncidents: 0,
  writtenWarningGiven: false,
  injury: 'none',
} as const;

const lineOf = (text: string, label: string) => text.split('\n').find((line) => line.trimStart().startsWith(`${label}:`)) ?? '';

describe('vot eval, read by an office head', () => {
  it('names the safeguards and limits by their titles in bokmål, English and Danish', async () => {
    const nb = (await runVot(['eval', repeated, '--point', 'reaction', '--outcome', 'exclusion-physical', '--lang', 'nb'])).stdout;
    expect(lineOf(nb, 'Krever')).toContain('Forhåndsvarsel og rett til å uttale seg; Vurdere mindre inngripende alternativer');
    expect(lineOf(nb, 'Grenser')).toBe('     Grenser: Lengste varighet (uker): 12');
    const en = (await runVot(['eval', repeated, '--point', 'reaction', '--outcome', 'exclusion-physical', '--lang', 'en'])).stdout;
    expect(lineOf(en, 'Requires')).toContain('Advance notice and the right to comment; Assess less intrusive alternatives');
    expect(lineOf(en, 'Limits')).toBe('     Limits: Longest duration (weeks): 12');
    for (const text of [nb, en]) expect(text).not.toMatch(/advance-notice-and-right-to-comment|maxWeeks/);
    const da = (await runVot(['eval', ishoj, '--point', 'reaction', '--lang', 'da'])).stdout;
    expect(lineOf(da, 'Kræver')).toContain('Besluttet af den stedlige leder eller centerchefen');
    expect(da).not.toMatch(/Kræver: .*dk-/);
  });

  it('puts a summary of required, recommended, permitted and not permitted before the outcomes', async () => {
    const { stdout, code } = await runVot(['eval', repeated, '--point', 'reaction', '--lang', 'en']);
    expect(code).toBe(0);
    const summary = stdout.indexOf('Summary:');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(stdout.indexOf('  1. '));
    const lines = stdout.slice(summary).split('\n').slice(1, 5);
    expect(lines.map((line) => line.split(':')[0]!.trim())).toEqual(['Required', 'Recommended', 'Permitted', 'Not permitted']);
    expect(lines[2]).toContain('Exclusion from physical attendance (Longest duration (weeks): 12)');
    expect(lines[3]).toBe('  Not permitted: Exclusion from written contact through digital channels');
  });

  it('shows only the outcome asked for with --outcome, in text and JSON', async () => {
    const text = await runVot(['eval', repeated, '--point', 'reaction', '--outcome', 'exclusion-physical', '--lang', 'en']);
    expect(text.stdout.match(/^ {2}\d+\. /gm)).toEqual(['  1. ']);
    expect(text.stdout).toContain('  1. exclusion-physical: PERMITTED — Exclusion from physical attendance');
    const json = await runVot(['eval', repeated, '--point', 'reaction', '--outcome', 'exclusion-physical', '--format', 'json']);
    const decision = JSON.parse(json.stdout) as { outcomes: Array<{ id: string; limits: unknown }> };
    expect(decision.outcomes).toEqual([expect.objectContaining({ id: 'exclusion-physical', limits: { maxWeeks: 12 } })]);
  });

  it('says why an outcome asked for is not in the decision, and refuses an unknown one with a suggestion', async () => {
    const school = join(incidents, '09-school-pupil-hits-teacher.json');
    const left = await runVot(['eval', school, '--point', 'reaction', '--outcome', 'exclusion-physical', '--lang', 'en']);
    expect(left.code).toBe(0);
    expect(left.stdout).toMatch(
      /exclusion-physical: not part of this decision \((its policy does not apply|no rule applies) to these facts\)/,
    );
    const unknown = await runVot(['eval', repeated, '--outcome', 'exclusion-phsical']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error[unknown-outcome]: unknown outcome id `exclusion-phsical` in the option `--outcome`');
    expect(unknown.stderr).toContain('did you mean `exclusion-physical`?');
  });

  it('gives sources with their links, and says once what "not verified" means', async () => {
    const follow = join(incidents, '01-reception-assault-municipal-caseworker.json');
    const en = (await runVot(['eval', follow, '--point', 'follow-up', '--lang', 'en'])).stdout;
    expect(en).toContain('Basis: forskrift om utførelse av arbeid § 23A-5 <https://lovdata.no/forskrift/2011-12-06-1357/§23A-5>');
    expect(en).toContain('[not verified]');
    expect(en.match(/"Not verified" means the wording has not been checked against the source\./g)).toHaveLength(1);
    const nb = (await runVot(['eval', follow, '--point', 'follow-up', '--lang', 'nb'])).stdout;
    expect(nb).toContain('«Ikke verifisert» betyr at ordlyden ikke er kontrollert mot kilden.');
    // Every source verified: no explanation to give.
    const verifiedOnly = (await runVot(['eval', repeated, '--point', 'reaction', '--outcome', 'exclusion-physical', '--lang', 'en']))
      .stdout;
    expect(verifiedOnly).not.toContain('[not verified]');
    expect(verifiedOnly).not.toContain('"Not verified" means');
  });
});

describe('a refusal on a limit', () => {
  it('keeps the limit it was refused on, for every proposed length over it, under any allowed setting', async () => {
    for (const maxWeeks of [4, 8, 12]) {
      const policies = await loadPolicies({ settings: { 'exclusion.max-weeks': maxWeeks } });
      for (const proposedExclusionWeeks of [maxWeeks, maxWeeks + 1, 52]) {
        const decision = await policies.decide('reaction', { ...reaction, proposedExclusionWeeks });
        for (const id of ['exclusion-physical', 'exclusion-phone']) {
          const outcome = decision.outcomes.find((o) => o.id === id)!;
          expect(outcome.status, `${id} at ${proposedExclusionWeeks} of ${maxWeeks} weeks`).toBe(
            proposedExclusionWeeks > maxWeeks ? 'not-permitted' : 'permitted',
          );
          expect(outcome.limits, `${id} at ${proposedExclusionWeeks} of ${maxWeeks} weeks`).toEqual({ maxWeeks });
        }
      }
    }
  });
});
