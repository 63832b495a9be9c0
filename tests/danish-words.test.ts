/**
 * `--lang da` through the commands a Danish reviewer runs: `vot eval`, `vot check` (the gate
 * report, with a duty broken on purpose), `vot test` (a scenario broken on purpose), `vot diff`
 * and `vot replay` print Danish statuses and labels, and no bokmål or English ones.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPolicies, toAuditRecord } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicies, editFile, runVot } from './cli-harness.js';

const ishoj = 'examples/incidents/11-ishoj-threat-at-citizen-service-police-called.json';
const nav = 'examples/incidents/01-reception-assault-municipal-caseworker.json';

describe('vot eval --lang da', () => {
  it('prints Danish statuses and labels beside the Danish policy texts', async () => {
    const run = await runVot(['eval', ishoj, '--lang', 'da']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Beslutningspunkt: reaction — Reaktioner over for borgeren');
    expect(run.stdout).toMatch(/^Regelsæt: vot-policies /m);
    expect(run.stdout).toMatch(/^ {2}1\. dk-never-leave-colleague-alone: ANBEFALET — /m);
    expect(run.stdout).toMatch(/: TILLADT — Låse dørene$/m);
    expect(run.stdout).toMatch(/^ {5}Hvorfor: Guiden anbefaler, at du aldrig lader din kollega/m);
    expect(run.stdout).toMatch(/^ {5}Kræver: Besluttet af den stedlige leder eller centerchefen/m);
    expect(run.stdout).toMatch(/^ {5}Grundlag: Ishøj Kommune/m);
    expect(run.stdout).toMatch(/^ {5}Regel: ishoj-reaction\//m);
    expect(run.stdout).not.toMatch(/PÅKREVD|ANBEFALT|TILLATT|REQUIRED|RECOMMENDED|PERMITTED|Grunnlag:|Krever:|Why:|Basis:/);
  });

  it('says not-permitted, an unverified source and a skipped point in Danish, the policy text falling back to English', async () => {
    const run = await runVot(['eval', nav, '--lang', 'da']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/exclusion-digital-written: IKKE TILLADT — Exclusion from written contact/);
    expect(run.stdout).toContain('[ikke verificeret]');
    expect(run.stdout).toMatch(/^sharing: Sprunget over: mangler `requesterEmployer`/m);
    expect(run.stdout).not.toMatch(/IKKE TILLATT|NOT PERMITTED|ikke verifisert|not verified/);
  });
});

describe('--lang da on a broken copy', () => {
  let copy: Awaited<ReturnType<typeof copyPolicies>>;
  beforeAll(async () => {
    copy = await copyPolicies();
    // A witness is no longer followed up by a leader: regulation 23A-5 breaks.
    await editFile(
      join(copy.policies, 'follow-up', 'employee-follow-up.yaml'),
      '- { fact: exposure, is: indirect }\n        status: required',
      '- { fact: exposure, is: indirect }\n        status: permitted',
    );
  });
  afterAll(async () => {
    await copy?.dispose();
  });

  it('vot check prints the gate report in Danish, with the counterexample', async () => {
    const run = await runVot(['check', copy.policies, '--lang', 'da']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ brudt pligt `23a-5-follow-up` \(regulation-23a\): /m);
    expect(run.stdout).toMatch(
      /^ {2}forpligtelse: for hver kombination hvor .+ i beslutningspunktet `follow-up`: `leader-follow-up` er påkrævet$/m,
    );
    // The counterexample names the stretch of dates it stands for (law in time, issue 15).
    expect(run.stdout).toMatch(/^ {2}mindste modeksempel i perioden fra 2017-01-01:$/m);
    expect(run.stdout).toMatch(/^ {4}leader-follow-up \(Follow-up by the leader\): tilladt$/m);
    expect(run.stdout).toMatch(/^ {6}afgjort af regel employee-follow-up\/leader-follow-up#2 /m);
    expect(run.stdout).toMatch(/^Regelværksporten: (\d+)\/(\d+) pligter holder \(\d+ forpligtelser\); [\d.]+ kombinationer på /m);
    expect(run.stdout).toMatch(/^Scenarietestene når \d+\/\d+ regler: /m);
    expect(run.stdout).not.toMatch(/brutt plikt|broken duty|påkrevd|Regelverksporten|Regulation gate/);
  });

  it('vot test prints expected, decided, rule and reason in Danish', async () => {
    const run = await runVot(['test', copy.policies, '--lang', 'da']);
    expect(run.code).toBe(1);
    const block = run.stdout.split('\n\n').find((b) => b.includes('a witness (indirectly exposed) is followed up too'));
    expect(block?.split('\n').slice(1, 4)).toEqual(['  leader-follow-up:', '    forventet:   påkrævet', '    afgjort:     tilladt']);
    expect(block).toMatch(/\n {4}af regel: {4}employee-follow-up\/leader-follow-up#2 \(/);
    expect(block).toMatch(/\n {4}begrundelse: The leader must follow you up also when you were exposed indirectly/);
    expect(run.stdout).not.toMatch(/expected:|decided:|by rule:/);
  });

  it('vot diff says the change in Danish', async () => {
    const run = await runVot(['diff', 'policies', copy.policies, '--lang', 'da']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Semantisk diff: /);
    expect(run.stdout).toContain('Ændrede beslutninger:');
    // The outcome has no Danish title: it is named by its English one, as every text without `da`.
    expect(run.stdout).toMatch(/^ {2}follow-up \/ Follow-up by the leader \[leader-follow-up\] \(\d+ af \d+ kombinationer\)$/m);
    expect(run.stdout).toMatch(/^ {4}Når .+: Follow-up by the leader går fra påkrævet til tilladt$/m);
  });

  it('vot replay reports the changed decisions in Danish', async () => {
    const policies = await loadPolicies();
    const facts = {
      organisation: 'nav-office',
      employeeEmployer: 'state',
      incidentType: 'physical-violence',
      exposure: 'indirect',
    } as const;
    const record = toAuditRecord(policies.decideSync('follow-up', facts), new Date('2026-03-01T09:30:00Z'));
    const file = join(copy.root, 'records.jsonl');
    await writeFile(file, `${JSON.stringify(record)}\n`);
    const run = await runVot(['replay', file, '--policies', copy.policies, '--lang', 'da']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 gemte beslutninger \(.+\) afspillet under vot-policies /);
    expect(run.stdout).toContain('  uændret 0 · ændret 1 · afvist 0');
    expect(run.stdout).toMatch(/^ {2}leader-follow-up: påkrævet → tilladt$/m);
  });
});
