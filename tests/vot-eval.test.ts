/**
 * `vot eval` keeps the voices apart: a summary names what is required, recommended, permitted
 * and not permitted before the outcomes are listed one by one, so a recommendation is never read
 * as a duty.
 */
import { describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';

const attacked = 'examples/incidents/04-caseworker-attacked-after-work-serious-injury.json';

describe('vot eval', () => {
  it('opens each decision with a summary, strongest voice first, each outcome under its own voice', async () => {
    const run = await runVot(['eval', attacked, '--point', 'reporting', '--lang', 'en']);
    expect(run.code).toBe(0);
    const summary = run.stdout.slice(run.stdout.indexOf('Summary:'), run.stdout.indexOf('\n\n  1. '));
    const lines = summary.split('\n').slice(1);
    expect(lines.map((line) => line.trim().split(':')[0])).toEqual(['Required', 'Recommended', 'Permitted', 'Not permitted']);
    // The overview across the employer line is only recommended (legal review 1, O2); within the line it is a duty.
    expect(lines[0]).toContain('Overview of all deviations to the municipal leader');
    expect(lines[0]).not.toContain('state leader');
    expect(lines[1]).toBe(
      '  Recommended: Overview of all deviations to the state leader; Overview of all deviations to the state safety representative',
    );
    expect(lines[3]).toBe('  Not permitted: none');
    expect(run.stdout).toContain('overview-to-state-leader: RECOMMENDED — ');
  });

  it('says the voices in bokmål and Danish too', async () => {
    const nb = await runVot(['eval', attacked, '--point', 'reporting', '--lang', 'nb']);
    expect(nb.stdout).toContain('Sammendrag:\n  Påkrevd: Meldes som avvik;');
    expect(nb.stdout).toContain(
      '\n  Anbefalt: Oversikt over alle avvik til statlig leder; Oversikt over alle avvik til statlig verneombud\n',
    );
    const da = await runVot(['eval', 'examples/incidents/13-ishoj-threat-four-days-absence.json', '--point', 'reporting', '--lang', 'da']);
    expect(da.code).toBe(0);
    expect(da.stdout).toContain('Sammenfatning:\n  Påkrævet: ');
  });
});
