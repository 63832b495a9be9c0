/**
 * `vot eval --explain` (issue 16, "done when"): on a first, non-grave threat it says, under
 * physical exclusion, what would make exclusion permitted, in the reader's language; JSON
 * carries the alternatives; without `--explain` nothing of it is printed or computed.
 */
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
});
