/**
 * `vot eval --explain` (issue 16, "done when"): on a first, non-grave threat it says, under
 * physical exclusion, what would make exclusion permitted, in the reader's language; JSON
 * carries the alternatives; without `--explain` nothing of it is printed or computed. The README's
 * examples of it are held to what `vot eval` and the engine print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactValue, PolicySet } from '@vot/engine';
import { loadPolicies } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';

const incident = 'examples/incidents/14-first-threat-why-not-exclusion.json';

/** The block of one outcome in `vot eval`'s text: from its numbered line to the next blank line. */
function block(stdout: string, id: string): string {
  const start = stdout.search(new RegExp(`^ +\\d+\\. ${id}:`, 'm'));
  expect(start, `no block for ${id}`).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n\n', start);
  return stdout.slice(start, end < 0 ? undefined : end);
}

/** The bodies of the fenced blocks of the README's "Why not" section. */
function readmeBlocks(): string[] {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const start = readme.indexOf('## Why not');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^```\S*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe('vot eval --explain', () => {
  it('says what would make exclusion permitted after a first, non-grave threat', async () => {
    const run = await runVot(['eval', incident, '--point', 'reaction', '--lang', 'en', '--explain']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const exclusion = block(run.stdout, 'exclusion-physical');
    expect(exclusion).toContain('exclusion-physical: NOT PERMITTED');
    expect(exclusion).toContain(
      [
        '     What would change it:',
        '       «Exclusion from physical attendance» would be permitted if grave incident were yes, or if earlier incidents by the same user were at least 1 and written warning given were yes, or if earlier incidents by the same user were at least 1 and oral warning given were yes.',
      ].join('\n'),
    );
    // An outcome no change of the varying facts can move says so.
    expect(block(run.stdout, 'exclusion-digital-written')).toContain(
      '     What would change it: no change of the facts that may vary gives another status',
    );
  });

  it('says it in bokmål', async () => {
    const run = await runVot(['eval', incident, '--point', 'reaction', '--explain']);
    expect(block(run.stdout, 'exclusion-physical')).toContain(
      '«Utestengelse fra fysisk oppmøte» ville vært tillatt hvis graverende hendelse var ja, eller hvis tidligere hendelser med samme bruker var minst 1 og skriftlig advarsel gitt var ja',
    );
  });

  it('says it in Danish for a Danish organisation', async () => {
    const run = await runVot([
      'eval',
      'examples/incidents/11-ishoj-threat-at-citizen-service-police-called.json',
      '--point',
      'reporting',
      '--lang',
      'da',
      '--explain',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The frame is Danish; the fact's and values' own labels are the vocabulary's (English where it has no Danish).
    expect(block(run.stdout, 'dk-police-report')).toMatch(
      /^ {5}Hvad der ville ændre det:\n {7}«Politianmeldelse» ville være tilladt, hvis .+ var .+ eller .+\.$/m,
    );
    expect(run.stdout).not.toMatch(/What would change it|would be|ville vært/);
  });

  it('gives the alternatives in JSON, and nothing of them without --explain', async () => {
    const explained = await runVot(['eval', incident, '--point', 'reaction', '--format', 'json', '--explain']);
    const decision = JSON.parse(explained.stdout) as {
      outcomes: Array<{ id: string; alternatives?: Array<{ status: string; change: object }> }>;
    };
    expect(decision.outcomes.find((o) => o.id === 'exclusion-physical')!.alternatives![0]).toMatchObject({
      status: 'permitted',
      change: { grave: true },
    });
    const plain = await runVot(['eval', incident, '--point', 'reaction', '--format', 'json']);
    expect(plain.stdout).not.toContain('alternatives');
    const text = await runVot(['eval', incident, '--point', 'reaction', '--lang', 'en']);
    expect(text.stdout).not.toContain('What would change it');
  });

  it('prints what the README shows (every line of its example but the elisions)', async () => {
    const block = readmeBlocks().find((b) => b.startsWith('$ pnpm vot eval'))!;
    const [command, ...shown] = block.trimEnd().split('\n');
    const run = await runVot(command!.replace('$ pnpm vot ', '').split(' '));
    expect(run.code).toBe(0);
    const printed = new Set(run.stdout.split('\n'));
    const lines = shown.filter((line) => line.trim() !== '…');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(printed.has(line), line).toBe(true);
  });

  it("shows the service's alternatives as decide(…, { explain: true }) gives them", async () => {
    const block = readmeBlocks().find((b) => b.includes('?explain=1'))!;
    const shown = block.split('\n').filter((line) => line.startsWith('«'));
    const { facts } = JSON.parse(readFileSync(join(import.meta.dirname, '..', incident), 'utf8')) as { facts: Record<string, FactValue> };
    const policies: PolicySet = await loadPolicies();
    const decision = await policies.decide('reaction', facts, { explain: true });
    const exclusion = decision.outcomes.find((o) => o.id === 'exclusion-physical')!;
    expect(shown).toEqual(exclusion.alternatives!.map((a) => a.text.en));
  });
});
