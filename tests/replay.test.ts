/**
 * Audit records and `vot replay`: decisions stored as JSON lines are replayed under other
 * policies, and exactly the decisions the policy change touches are reported.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditRecordSchema, combinations, defaultFacts, pointDomain } from '@vot/engine/tools';
import { bundledPolicyDir, loadPolicies, toAuditRecord, type AuditRecord, type PolicySet } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicies, editFile, runVot } from './cli-harness.js';

let work: Awaited<ReturnType<typeof copyPolicies>>;
let records: AuditRecord[];
let file: string;

interface Report {
  total: number;
  unchanged: number;
  changed: Array<{
    line: number;
    changes: Array<{
      outcome: string;
      before?: { status: string; limits?: Record<string, number> };
      after?: { status: string; limits?: Record<string, number> };
    }>;
  }>;
  refused: Array<{ line: number; diagnostics: Array<{ code: string }> }>;
  invalidLines: number;
}

beforeAll(async () => {
  work = await copyPolicies();
  // Facts from files and from the domain enumeration: the untyped view of the policy set.
  const policies: PolicySet = await loadPolicies();
  records = [];
  const at = new Date('2026-03-01T09:30:00Z');
  const incidents = join(bundledPolicyDir(), '..', 'examples', 'incidents');
  for (const name of (await readdir(incidents)).filter((f) => f.endsWith('.json')).sort()) {
    const { facts } = JSON.parse(await readFile(join(incidents, name), 'utf8')) as { facts: Record<string, unknown> };
    for (const point of policies.model.points) {
      if (point.requiredFacts.some((fact) => !(fact in facts))) continue;
      records.push(toAuditRecord(await policies.decideSync(point.id, facts), at));
    }
  }
  // Plus every 499th combination of the reaction point's finite domain: grave or not, warned or not, repeats.
  const reaction = policies.model.points.find((p) => p.id === 'reaction')!;
  let index = 0;
  for (const facts of combinations(pointDomain(policies.model, reaction), defaultFacts(policies.model))) {
    if (index++ % 499 !== 0) continue;
    // Absent is how a host leaves out a fact the point does not read (the domain fills in null).
    const given = Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null));
    records.push(toAuditRecord(policies.decideSync('reaction', given), at));
  }
  file = join(work.root, 'records.jsonl');
  await writeFile(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
});

afterAll(async () => {
  await work?.dispose();
});

const replay = async (args: string[]) => {
  const run = await runVot(['replay', ...args], work.root);
  return { ...run, report: (args.includes('json') ? JSON.parse(run.stdout) : undefined) as Report };
};

describe('audit records', () => {
  it('are plain JSON with time, point, facts, outcomes and the exact policy', () => {
    expect(records.length).toBeGreaterThan(50);
    for (const record of records) {
      expect(auditRecordSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
      expect(record.at).toBe('2026-03-01T09:30:00.000Z');
      expect(record.policy.hash).toMatch(/^sha256:/);
    }
  });
});

describe('vot replay', () => {
  it('reports no change under the policies that made the decisions', async () => {
    const { code, report } = await replay([file, '--format', 'json']);
    expect(code).toBe(0);
    expect(report).toMatchObject({ total: records.length, unchanged: records.length, changed: [], refused: [], invalidLines: 0 });
    const text = await replay([file, '--lang', 'nb']);
    expect(text.stdout).toContain(`${records.length} lagrede beslutninger (`);
    expect(text.stdout).toContain(`uendret ${records.length} · endret 0 · avvist 0`);
  });

  it('reports exactly the decisions a shorter exclusion limit changes', async () => {
    await editFile(
      join(work.policies, 'settings.yaml'),
      'id: exclusion.max-weeks\n    type: integer\n    default: 12',
      'id: exclusion.max-weeks\n    type: integer\n    default: 8',
    );
    try {
      const { code, report } = await replay([file, '--policies', work.policies, '--format', 'json']);
      expect(code).toBe(0);
      // Independent oracle: the stored decisions that carried the old limit of 12 weeks.
      const expected = records.flatMap((r, i) => (r.outcomes.some((o) => o.limits?.maxWeeks === 12) ? [i + 1] : []));
      expect(expected.length).toBeGreaterThan(0);
      expect(report.changed.map((c) => c.line)).toEqual(expected);
      // Each change is the limit going from 12 to 8 weeks, or, where the stored facts propose
      // an exclusion longer than 8 weeks, the exclusion no longer being permitted (refused on the
      // limit, which the decision keeps).
      for (const changed of report.changed) {
        const proposed = records[changed.line - 1]!.facts.proposedExclusionWeeks;
        for (const change of changed.changes) {
          const shape = [change.before?.limits?.maxWeeks, change.after?.limits?.maxWeeks, change.after?.status];
          if (typeof proposed === 'number' && proposed > 8) expect(shape, JSON.stringify(change)).toEqual([12, 8, 'not-permitted']);
          else expect(shape, JSON.stringify(change)).toEqual([12, 8, change.before?.status]);
        }
      }
      expect(report.unchanged).toBe(records.length - expected.length);
      const text = await replay([file, '--policies', work.policies, '--fail-on-change']);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(`records.jsonl:${expected[0]}`);
      expect(text.stdout).toMatch(/maxWeeks 12 → .*maxWeeks 8/);
    } finally {
      await editFile(
        join(work.policies, 'settings.yaml'),
        'id: exclusion.max-weeks\n    type: integer\n    default: 8',
        'id: exclusion.max-weeks\n    type: integer\n    default: 12',
      );
    }
  });

  it('reports lines that are not records with file:line, refuses facts the policies refuse, and replays the rest', async () => {
    const first = JSON.stringify(records[0]);
    const unknownFact = JSON.stringify({ ...records[0]!, facts: { ...records[0]!.facts, priorIncident: 1 } });
    const badTime = JSON.stringify({ ...records[0]!, at: 'yesterday' });
    const mixed = join(work.root, 'mixed.jsonl');
    await writeFile(mixed, [first, '{ not json', '', badTime, unknownFact, first].join('\n'));
    const { code, report } = await replay(['mixed.jsonl', '--format', 'json']);
    expect(code).toBe(1);
    // Under --format json the lines that are not records are in the one JSON answer.
    const invalid = (report as Report & { diagnostics: Array<{ code: string; message: string; file: string; start: { line: number } }> })
      .diagnostics;
    expect(invalid.map((d) => [d.code, d.file, d.start.line])).toEqual([
      ['record-invalid', 'mixed.jsonl', 2],
      ['record-invalid', 'mixed.jsonl', 4],
    ]);
    expect(invalid[0]!.message).toContain('line is not a decision record: not valid JSON');
    const text = await replay(['mixed.jsonl']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('error[record-invalid]: line is not a decision record: not valid JSON');
    expect(text.stderr).toContain('--> mixed.jsonl:2:1');
    expect(text.stderr).toContain('--> mixed.jsonl:4:1');
    expect(report).toMatchObject({ total: 3, unchanged: 2, invalidLines: 2 });
    expect(report.refused.map((r) => [r.line, r.diagnostics[0]!.code])).toEqual([[5, 'fact-unknown']]);
  });

  it('reports a line longer than a record may be by its length, and replays the lines after it', async () => {
    const long = join(work.root, 'long.jsonl');
    // 3 MiB of one line: over the 1 MiB bound, which the reader enforces while it reads.
    await writeFile(long, `${JSON.stringify(records[0])}\n{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}\n${JSON.stringify(records[0])}\n`);
    const { code, report } = await replay(['long.jsonl', '--format', 'json']);
    expect(code).toBe(1);
    const [tooLong] = (report as Report & { diagnostics: Array<{ message: string; file: string; start: { line: number } }> }).diagnostics;
    expect(tooLong!.message).toContain(`the line has ${3 * 1024 * 1024 + 10} bytes, more than 1048576`);
    expect([tooLong!.file, tooLong!.start.line]).toEqual(['long.jsonl', 2]);
    expect(report).toMatchObject({ total: 2, unchanged: 2, invalidLines: 1 });
    const text = await replay(['long.jsonl']);
    expect(text.stderr).toContain(`the line has ${3 * 1024 * 1024 + 10} bytes, more than 1048576`);
    expect(text.stderr).toContain('--> long.jsonl:2:1');
  });

  it('refuses a missing records file with exit 1', async () => {
    const { code, stderr } = await replay(['nowhere.jsonl']);
    expect(code).toBe(1);
    expect(stderr).toContain('error[file-unreadable]');
  });
});
