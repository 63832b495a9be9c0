/**
 * The regulation gate on the bundled policies, through `vot check` as CI runs it: every duty
 * holds, every paragraph of regulation 23A (23A-4 a-d one by one) is implemented by an outcome
 * citing it, and the JSON and matrix outputs carry the traceability a reviewer reads.
 */
import { main } from '@vot/cli';
import type { GateReport, ScenarioCoverage } from '@vot/engine/tools';
import { bundledPolicyDir } from '@vot/policies';
import { beforeAll, describe, expect, it } from 'vitest';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: process.cwd() });
  return { code, out: out.join('\n') };
}

let json: { ok: boolean; gate: GateReport; scenarioCoverage: ScenarioCoverage };
beforeAll(async () => {
  const result = await run(['check', bundledPolicyDir(), '--format', 'json']);
  expect(result.code).toBe(0);
  json = JSON.parse(result.out);
});

describe('regulation gate on the bundled policies', () => {
  it('holds for every duty, each invariant over at least one applicable combination', () => {
    expect(json.ok).toBe(true);
    expect(json.gate.duties.filter((d) => !d.ok).map((d) => d.id)).toEqual([]);
    for (const duty of json.gate.duties) {
      for (const obligation of duty.obligations.filter((o) => o.kind === 'invariant')) {
        // An invariant whose condition never holds would pass vacuously and check nothing.
        expect(obligation.applicable, `${duty.id} at ${obligation.at}`).toBeGreaterThan(0);
        expect(obligation.combinations).toBe(obligation.sliceCombinations);
      }
    }
  });

  it('covers every paragraph of regulation 23A, and 23A-4 a to d one by one, with a citing outcome', () => {
    const cited = new Map<string, string[]>();
    for (const duty of json.gate.duties) {
      for (const obligation of duty.obligations) {
        if (obligation.kind === 'coverage')
          cited.set(
            obligation.cites!.id,
            obligation.citedBy!.map((c) => c.outcome),
          );
      }
    }
    for (const paragraph of [
      'fou-23a-1',
      'fou-23a-2',
      'fou-23a-3',
      'fou-23a-4',
      'fou-23a-4-a',
      'fou-23a-4-b',
      'fou-23a-4-c',
      'fou-23a-4-d',
      'fou-23a-5',
      'aml-5-1',
      'aml-5-2',
    ]) {
      expect(cited.get(paragraph)?.length ?? 0, paragraph).toBeGreaterThan(0);
    }
  });

  it('traces every duty to an outcome that implements it', () => {
    for (const row of json.gate.traceability) expect(row.outcomes.length, row.duty).toBeGreaterThan(0);
    const followUp = json.gate.traceability.find((r) => r.duty === '23a-5-follow-up')!;
    expect(followUp.outcomes).toContainEqual({ point: 'follow-up', outcome: 'leader-follow-up', via: 'invariant' });
  });

  it('reports the rules no scenario reaches, consistently with the totals', () => {
    const coverage = json.scenarioCoverage;
    expect(coverage.rules.total - coverage.rules.reached).toBe(coverage.rules.unreached.length);
    expect(coverage.points.reduce((n, p) => n + p.rules, 0)).toBe(coverage.rules.total);
  });

  it('prints the summary and, with --matrix, the traceability matrix in bokmål', async () => {
    const result = await run(['check', bundledPolicyDir(), '--matrix', '--lang', 'nb']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Regelverksporten: (\d+)\/\1 plikter holder/m);
    expect(result.out).toContain('Sporbarhet: plikt → utfall som gjennomfører den');
    expect(result.out).toMatch(/^ {2}23a-5-follow-up: follow-up\/leader-follow-up \(invariant\)/m);
  });
});
