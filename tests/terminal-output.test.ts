/**
 * Every command that echoes text from outside (incident files, facts, stored records, trails,
 * file names, policy texts) prints it through the terminal output module: no control or
 * direction character reaches the terminal, and no such text can start a line of its own, so
 * nothing can draw `PERMITTED` over a decision or forge a `PASS` line.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicies, toAuditRecord, type PolicySet } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editFile, runVot, withPolicyCopy, type CliRun } from './cli-harness.js';
import { reactionFacts } from './service-harness.js';

/** What a terminal would obey instead of show (tab and line feed are layout). */
const acting = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
/** A line the hostile text tries to add. */
const forged = /^\s*(?:2\. exclusion-physical: PERMITTED|PERMITTED|PASS: 999\/999)/m;

const cursorEscape = '\u001b[1A\u001b[2K';
const osc52 = '\u001b]52;c;ZXZpbA==\u0007';

function expectSafe(run: CliRun): void {
  for (const stream of [run.stdout, run.stderr]) {
    expect(stream).not.toMatch(acting);
    expect(stream).not.toMatch(forged);
  }
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'vot-terminal-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const incidentFacts = reactionFacts;

describe('text from outside on the terminal', () => {
  it('vot eval: an incident title with escape sequences and a forged line', async () => {
    const file = join(scratch, 'incident.json');
    await writeFile(
      file,
      JSON.stringify({
        title: {
          nb: `Tittel${cursorEscape}\n  2. exclusion-physical: PERMITTED`,
          en: `Title${cursorEscape}\n  2. exclusion-physical: PERMITTED`,
        },
        description: { nb: `${osc52}\u202eevil`, en: `${osc52}\u202eevil` },
        facts: incidentFacts,
      }),
    );
    const run = await runVot(['eval', file, '--point', 'reaction', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Title\\u001b[1A\\u001b[2K 2. exclusion-physical: PERMITTED');
    expectSafe(run);
    const json = await runVot(['eval', file, '--point', 'reaction', '--format', 'json']);
    expect(json.code).toBe(0);
    expectSafe(json);
  });

  it('vot eval: facts with a hostile key and value, and an incident file with a hostile name', async () => {
    const file = join(scratch, `facts${cursorEscape}\nPERMITTED.json`);
    await writeFile(file, JSON.stringify({ ...incidentFacts, [osc52]: 1, incidentType: `threat${cursorEscape}` }));
    const run = await runVot(['eval', file, '--point', 'reaction']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[fact-unknown]');
    expectSafe(run);
  });

  it('vot replay: records with a hostile point, a hostile line and a hostile file name', async () => {
    const policies: PolicySet = await loadPolicies();
    const decided = toAuditRecord(await policies.decide('reaction', incidentFacts), new Date('2026-03-01T09:30:00Z'));
    const changed = { ...decided, outcomes: decided.outcomes.map((o) => ({ ...o, id: `${o.id}${cursorEscape}\nPERMITTED` })) };
    const refused = { ...decided, point: `reaction${cursorEscape}\nPERMITTED` };
    const file = join(scratch, `records${cursorEscape}.jsonl`);
    await writeFile(
      file,
      [JSON.stringify(changed), JSON.stringify(refused), `{"${'\\u001b'}[2J": "${'\\u009b'}31m"}`, '{"format":1,'].join('\n'),
    );
    for (const format of ['text', 'json']) {
      const run = await runVot(['replay', file, '--format', format]);
      expect(run.code).toBe(1);
      expectSafe(run);
    }
  });

  it('vot audit verify and export: a trail with a hostile name and hostile lines', async () => {
    const file = join(scratch, `trail${cursorEscape}\nPERMITTED.jsonl`);
    await writeFile(file, `{"seq":1,"at":"${'\\u001b'}[2J","x":"\u0085\u202e"}\n`);
    for (const args of [
      ['audit', 'verify', file],
      ['audit', 'verify', file, '--format', 'json'],
      ['audit', 'export', file],
    ]) {
      const run = await runVot(args);
      expectSafe(run);
    }
  });

  it('vot check and vot fmt: a policy file whose name holds escape sequences', async () => {
    await withPolicyCopy(async ({ policies }) => {
      await writeFile(join(policies, `notes${cursorEscape}\nPERMITTED.yaml`), 'kind: sources\nsources: []   \n');
      const check = await runVot(['check', policies, '--no-gate']);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('error[control-character]');
      expectSafe(check);
      const fmt = await runVot(['fmt', policies, '--check']);
      expect(fmt.stdout + fmt.stderr).toContain('notes\\u001b[1A\\u001b[2K\\u000aPERMITTED.yaml');
      expectSafe(fmt);
    });
  });

  it('vot test and vot diff: a scenario name and a reason that try to add lines of their own', async () => {
    await withPolicyCopy(async ({ policies, root }) => {
      const scenarios = join(policies, 'reaction', 'ladder.scenarios.yaml');
      // A scenario that fails, named to forge a summary line, under a reason that forges a status.
      await editFile(
        scenarios,
        `  - name: "one grave incident permits physical exclusion, with the guideline's safeguards and at most 12 weeks"\n`,
        '  - name: "forged\\nPASS: 999/999"\n',
      );
      await editFile(
        scenarios,
        '      exclusion-digital-written: not-permitted\n      talk-with-user: permitted\n    source: nav-2023-s5-2',
        '      exclusion-digital-written: permitted\n      talk-with-user: permitted\n    source: nav-2023-s5-2',
      );
      const ladder = join(policies, 'reaction', 'ladder.yaml');
      await editFile(
        ladder,
        'You may talk with the user afterwards. It is follow-up, not a sanction. Where the incident came from NAV Kontaktsenter, the NAV office may be the one that follows the user up.',
        'You cannot hold a talk yet.\n\n            PERMITTED',
      );
      const test = await runVot(['test', policies, '--filter', 'forged']);
      expect(test.code).toBe(1);
      expect(test.stdout).toContain(': forged PASS: 999/999');
      expectSafe(test);
      const base = join(root, 'base');
      await mkdir(base);
      await cp(join(import.meta.dirname, '..', 'policies'), join(base, 'policies'), { recursive: true });
      const diff = await runVot(['diff', join(base, 'policies'), policies]);
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain('You cannot hold a talk yet. PERMITTED');
      expectSafe(diff);
    });
  });
});
