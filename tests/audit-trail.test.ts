/**
 * The decision trail end to end, on both stores: real decisions appended to a JSON Lines file
 * and to a PostgreSQL database started by this test (two writers at once), then checked with
 * `vot audit verify`, exported, replayed, and tampered with: a changed, deleted or reordered
 * record fails verification, which names it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decisionEntry, openJsonlStore, openPostgresStore, type AuditEntry, type AuditStore } from '@vot/audit';
import { loadPolicies, type PolicySet } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';
import { startPostgres, type PostgresCluster } from './postgres-cluster.js';
import { reactionFacts } from './service-harness.js';

let cluster: PostgresCluster;
let policies: PolicySet;
let dir: string;

beforeAll(async () => {
  [cluster, policies, dir] = await Promise.all([startPostgres(), loadPolicies(), mkdtemp(join(tmpdir(), 'vot-trail-'))]);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The entry of a real decision: reaction facts with `priorIncidents` = i % 4. */
async function entry(i: number, caller = 'case-system'): Promise<AuditEntry> {
  const facts = { ...reactionFacts, priorIncidents: i % 4 };
  const decision = await policies.decide('reaction', facts);
  return decisionEntry({ id: randomUUID(), caller, decision, at: new Date(Date.UTC(2026, 2, 1, 9, 30, i)) });
}

async function fill(store: AuditStore, n: number, caller?: string): Promise<void> {
  await Promise.all(Array.from({ length: n }, async (_, i) => store.append(await entry(i, caller))));
}

describe('PostgreSQL trail', () => {
  it('two instances appending at once keep one unbroken chain: N decisions give N records, and verify passes', async () => {
    const url = await cluster.database('two_writers');
    // Both open at once: the table is created once, under the lock.
    const [first, second] = await Promise.all([openPostgresStore(url, 'first'), openPostgresStore(url, 'second')]);
    await Promise.all([fill(first, 150, 'first'), fill(second, 150, 'second')]);
    await Promise.all([first.close(), second.close()]);
    expect(await cluster.sql('two_writers', 'SELECT count(*)::int AS n, max(seq)::int AS head FROM vot_audit_chain')).toBe(
      '[{"n":300,"head":300}]',
    );
    const callers = JSON.parse(
      await cluster.sql(
        'two_writers',
        `SELECT record::json->>'caller' AS caller, count(*)::int AS n FROM vot_audit_chain GROUP BY 1 ORDER BY 1`,
      ),
    );
    expect(callers).toEqual([
      { caller: 'first', n: 150 },
      { caller: 'second', n: 150 },
    ]);
    const verify = await runVot(['audit', 'verify', url]);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(': 300 records checked, the chain is unbroken');
    expect(verify.stdout).not.toContain(url.split('@')[0]!.replace('postgres://', ':'));

    // After a restart the chain resumes where it ended.
    const again = await openPostgresStore(url, 'again');
    const next = await again.append(await entry(7));
    await again.close();
    expect(next.seq).toBe(301);
    expect((await runVot(['audit', 'verify', url])).stdout).toContain('301 records checked');
  });

  it('a changed, deleted or reordered row fails verification, which names it', async () => {
    const cases: Array<[string, string, string]> = [
      [
        'changed',
        `UPDATE vot_audit_chain SET record = replace(record, '"caller":"case-system"', '"caller":"someone-else"') WHERE seq = 4`,
        'error[audit-chain-broken]: record 4 (row 4) has been changed: its content does not match its hash',
      ],
      ['deleted', 'DELETE FROM vot_audit_chain WHERE seq = 6', 'error[audit-chain-broken]: record 6 is missing: row 7 holds record 7'],
      [
        'reordered',
        `UPDATE vot_audit_chain AS t SET record = s.record FROM vot_audit_chain AS s WHERE (t.seq, s.seq) IN ((3, 5), (5, 3))`,
        'error[audit-chain-broken]: row 3 holds record 5: records were moved between rows',
      ],
    ];
    for (const [name, tamper, message] of cases) {
      const url = await cluster.database(`tamper_${name}`);
      const store = await openPostgresStore(url, name);
      for (let i = 0; i < 10; i++) await store.append(await entry(i));
      await store.close();
      expect((await runVot(['audit', 'verify', url])).code, name).toBe(0);
      await cluster.sql(`tamper_${name}`, tamper);
      const run = await runVot(['audit', 'verify', url]);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toContain(message);
      expect(run.stderr, name).toMatch(/= checked: \d+ records before it are intact/);
    }
  });

  it('refuses to extend a chain whose last record was changed', async () => {
    const url = await cluster.database('changed_head');
    const store = await openPostgresStore(url, 'changed_head');
    await store.append(await entry(1));
    await cluster.sql('changed_head', `UPDATE vot_audit_chain SET record = replace(record, '"case-system"', '"other"')`);
    await expect(store.append(await entry(2))).rejects.toThrow('the last record in changed_head (row 1) has been changed; not appending');
    await store.close();
  });

  it('exports as JSON Lines that verify like the table, and replays from the database', async () => {
    const url = await cluster.database('export');
    const store = await openPostgresStore(url, 'export');
    await fill(store, 12);
    await store.close();
    const exported = await runVot(['audit', 'export', url]);
    expect(exported.code).toBe(0);
    const file = join(dir, 'exported.jsonl');
    await writeFile(file, exported.stdout);
    expect(exported.stdout.trim().split('\n')).toHaveLength(12);
    const fromFile = await runVot(['audit', 'verify', file, '--format', 'json']);
    const fromTable = await runVot(['audit', 'verify', url, '--format', 'json']);
    expect(JSON.parse(fromFile.stdout).head).toEqual(JSON.parse(fromTable.stdout).head);
    const replay = await runVot(['replay', url, '--format', 'json']);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ total: 12, unchanged: 12, invalidLines: 0 });
  });

  it('reports an unreachable database or a database without a trail as bad input', async () => {
    const empty = await cluster.database('no_trail');
    expect(await runVot(['audit', 'verify', empty])).toMatchObject({ code: 1, stderr: expect.stringContaining('holds no audit trail') });
    const closed = `postgres://nobody:secret@127.0.0.1:1/none`;
    const run = await runVot(['audit', 'verify', closed]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[audit-unreadable]: cannot read postgres://nobody:***@127.0.0.1:1/none');
    expect(run.stderr).not.toContain('secret');
  });
});

describe('JSON Lines trail', () => {
  it('verifies, prints the head hash to publish, checks an anchor, and names a changed, deleted or reordered line', async () => {
    const file = join(dir, 'audit.jsonl');
    const store = await openJsonlStore(file);
    for (let i = 0; i < 8; i++) await store.append(await entry(i));
    await store.close();
    const ok = await runVot(['audit', 'verify', file]);
    expect(ok.code).toBe(0);
    const head = /^ {2}(sha256:[0-9a-f]{64})$/m.exec(ok.stdout)?.[1];
    expect(ok.stdout).toContain(`${file}: 8 records checked, the chain is unbroken\nhead: record 8, 2026-03-01T09:30:07.000Z\n  ${head}\n`);
    expect((await runVot(['audit', 'verify', `jsonl:${file}`, '--anchor', head!])).stdout).toContain(`anchor ${head}: found in the chain`);

    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const tampered: Array<[string, string[], string]> = [
      ['changed', lines.map((l, i) => (i === 2 ? l.replace('"case-system"', '"nobody"') : l)), 'record 3 (line 3) has been changed'],
      ['deleted', lines.filter((_, i) => i !== 4), 'record 5 is missing: line 5 holds record 6'],
      ['reordered', [...lines.slice(0, 5), lines[6]!, lines[5]!, lines[7]!], 'record 6 is missing: line 6 holds record 7'],
      ['cut', lines.slice(0, 6), ''],
    ];
    for (const [name, content, message] of tampered) {
      const copy = join(dir, `${name}.jsonl`);
      await writeFile(copy, `${content.join('\n')}\n`);
      const run = await runVot(['audit', 'verify', copy, '--anchor', head!]);
      expect(run.code, name).toBe(1);
      // A trail cut at its end is a shorter valid chain: only the published head shows it.
      expect(run.stderr, name).toContain(message || `error[audit-anchor-missing]: no record in ${copy} has the anchored hash ${head}`);
    }
    expect((await runVot(['audit', 'export', file])).stdout).toBe(await readFile(file, 'utf8'));
  });

  it('refuses a bad anchor, a missing file and a store it does not know', async () => {
    expect((await runVot(['audit', 'verify', join(dir, 'audit.jsonl'), '--anchor', 'abc'])).code).toBe(2);
    expect(await runVot(['audit', 'verify', join(dir, 'missing.jsonl')])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('error[file-unreadable]'),
    });
    expect(await runVot(['audit', 'verify', 'mysql://x@y/z'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not an audit store'),
    });
  });
});
