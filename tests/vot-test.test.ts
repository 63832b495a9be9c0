/**
 * `vot test`: reviewer scenarios run from the command line, as a reviewer would run them, on
 * the bundled policies and on copies with a scenario or a policy broken on purpose.
 */
import { join } from 'node:path';
import { loadPolicies } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicies, editFile, runVot, withPolicyCopy } from './cli-harness.js';

let total: number;
let reactionTotal: number;
beforeAll(async () => {
  const policies = await loadPolicies();
  total = policies.model.scenarios.length;
  reactionTotal = policies.model.scenarios.filter((s) => s.at.file.endsWith('reaction/ladder.scenarios.yaml')).length;
});

describe('vot test on the bundled policies', () => {
  it('passes every scenario and ends with PASS: n/total', async () => {
    const run = await runVot(['test']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`PASS: ${total}/${total}`);
  });

  it('runs only the scenarios inside a given folder', async () => {
    const run = await runVot(['test', 'policies/reaction']);
    expect(run.code).toBe(0);
    expect(reactionTotal).toBeGreaterThan(0);
    expect(reactionTotal).toBeLessThan(total);
    expect(run.stdout.trim()).toBe(`PASS: ${reactionTotal}/${reactionTotal}`);
  });

  it('--filter keeps the scenarios whose name contains the text, case-insensitive', async () => {
    const policies = await loadPolicies();
    const expected = policies.model.scenarios.filter((s) => s.name.toLowerCase().includes('grave')).map((s) => s.name);
    expect(expected.length).toBeGreaterThan(0);
    const run = await runVot(['test', '--filter', 'GRAVE', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; total: number; results: Array<{ name: string }> };
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.name)).toEqual(expected);
  });

  it('a filter that matches nothing fails instead of passing 0/0', async () => {
    const run = await runVot(['test', '--filter', 'no scenario is called this']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[no-scenarios]');
  });
});

describe('vot test on a broken copy', () => {
  let copy: Awaited<ReturnType<typeof copyPolicies>>;
  beforeAll(async () => {
    copy = await copyPolicies();
    // The first reaction scenario: a grave incident never permits excluding written digital contact.
    await editFile(
      join(copy.policies, 'reaction', 'ladder.scenarios.yaml'),
      'exclusion-digital-written: not-permitted\n      talk-with-user: permitted\n    source: nav-2023-s5-2\n  - name: "a first threat',
      'exclusion-digital-written: permitted\n      talk-with-user: permitted\n    source: nav-2023-s5-2\n  - name: "a first threat',
    );
  });
  afterAll(() => copy.dispose());

  it('prints file:line: name, expected and decided, the deciding rule, and exits 1', async () => {
    const run = await runVot(['test'], copy.root);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/policies\/reaction\/ladder\.scenarios\.yaml:11: one grave incident permits physical exclusion/);
    expect(lines.slice(1, 4)).toEqual(['  exclusion-digital-written:', '    expected: permitted', '    decided:  not-permitted']);
    expect(lines[4]).toMatch(/^ {4}by rule: {2}reaction-ladder-nav\/exclusion-digital-written#\S+ \(.*ladder\.yaml:\d+:\d+\)$/);
    // The decided reason, in bokmål unless --lang says otherwise.
    expect(lines[5]).toMatch(/^ {4}reason: {3}NAV kan ikke /);
    expect((await runVot(['test', '--lang', 'en'], copy.root)).stdout).toMatch(/\n {4}reason: {3}NAV may not /);
    expect(lines.slice(-2)).toEqual([`PASS: ${total - 1}/${total}`, `FAIL: 1/${total}`]);
  });

  it('--format json reports the same failure for machines', async () => {
    const run = await runVot(['test', '--format', 'json'], copy.root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      failed: number;
      results: Array<{ passed: boolean; at: string; mismatches: unknown[] }>;
    };
    expect(report.ok).toBe(false);
    expect(report.failed).toBe(1);
    const failed = report.results.filter((r) => !r.passed);
    expect(failed.map((r) => r.at.replace(/^.*policies\//, ''))).toEqual(['reaction/ladder.scenarios.yaml:11']);
    expect(failed[0]!.mismatches).toEqual([{ outcome: 'exclusion-digital-written', expected: 'permitted', decided: 'not-permitted' }]);
  });

  it('a scenario with a key outside { name, point, facts, expect, source } stops the run with a diagnostic on its line', async () => {
    await withPolicyCopy(async (broken) => {
      await editFile(
        join(broken.policies, 'reaction', 'ladder.scenarios.yaml'),
        '    source: nav-2023-s5-2\n  - name: "a first threat',
        '    source: nav-2023-s5-2\n    sorce: typo\n  - name: "a first threat',
      );
      const run = await runVot(['test'], broken.root);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/error\[unknown-key\][^\n]*`sorce`/);
      expect(run.stderr).toMatch(/ladder\.scenarios\.yaml:18:5/);
      expect(run.stderr).toContain('error[policies-not-checked]');
    });
  });

  it('a scenario whose facts are refused fails with the refusal', async () => {
    await withPolicyCopy(async (refused) => {
      await editFile(
        join(refused.policies, 'reaction', 'ladder.scenarios.yaml'),
        'incidentType: physical-violence, channel: in-person, grave: true, priorIncidents: 0, writtenWarningGiven: false, injury: none }\n    expect:\n      exclusion-physical: { status: permitted, requires: [advance',
        'incidentType: physical-violence, channel: in-person, grave: true, priorIncidents: -1, writtenWarningGiven: false, injury: none }\n    expect:\n      exclusion-physical: { status: permitted, requires: [advance',
      );
      const run = await runVot(['test', 'policies/reaction/ladder.scenarios.yaml'], refused.root);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/ladder\.scenarios\.yaml:11: one grave incident[^\n]*\n {2}refused: [^\n]*priorIncidents/);
      expect(run.stdout.trim().split('\n').slice(-2)).toEqual([`PASS: ${reactionTotal - 1}/${reactionTotal}`, `FAIL: 1/${reactionTotal}`]);
    });
  });
});
