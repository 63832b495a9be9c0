/** The JSON Lines store: durable appends in one chain, resumed after a restart, refused when its end is damaged. */
import { appendFile, mkdtemp, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryArbitrary } from './test-entries.js';
import { recordHash, recordText, verifyChain, type AuditEntry } from './chain.js';
import { jsonlReader, openJsonlStore } from './jsonl-store.js';
import { readLines } from './lines.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vot-audit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entries = (n: number, seed: number): AuditEntry[] => fc.sample(entryArbitrary, { numRuns: n, seed });
const verify = (path: string, anchor?: string) => verifyChain(jsonlReader(path).records(), anchor ? { anchor } : {});

describe('openJsonlStore', () => {
  it('appends decisions made at the same time as one unbroken chain, and resumes it after a restart', async () => {
    const path = join(dir, 'resume.jsonl');
    const first = await openJsonlStore(path);
    const records = await Promise.all(entries(40, 1).map((entry) => first.append(entry)));
    await first.close();
    expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verify(path)).toMatchObject({ ok: true, checked: 40, head: { seq: 40 } });

    const second = await openJsonlStore(path);
    const [next] = await Promise.all(entries(3, 2).map((entry) => second.append(entry)));
    await second.close();
    expect(next).toMatchObject({ seq: 41, prev: records.find((r) => r.seq === 40)!.hash });
    const result = await verify(path, records[0]!.hash);
    expect(result).toMatchObject({ ok: true, checked: 43, anchorFound: true });
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.startsWith('{"at":')),
    ).toBe(true);
  });

  it('refuses to resume after a cut-off write or a changed last record, and says what to do', async () => {
    const path = join(dir, 'damaged.jsonl');
    const store = await openJsonlStore(path);
    for (const entry of entries(3, 3)) await store.append(entry);
    await store.close();
    const whole = await readFile(path, 'utf8');

    await truncate(path, whole.length - 10);
    await expect(openJsonlStore(path, 'audit.jsonl')).rejects.toThrow(
      'the last line of audit.jsonl is incomplete (a write was cut off); check the file with `vot audit verify` and remove the incomplete line before starting again',
    );
    expect((await verify(path)).broken).toMatchObject({ kind: 'unreadable', seq: 3, place: 'line 3' });

    await writeFile(path, whole.replace(/"caller":"[^"]*"(?=[^\n]*\n$)/, '"caller":"someone-else"'));
    await expect(openJsonlStore(path, 'audit.jsonl')).rejects.toThrow(
      'the last record of audit.jsonl (record 3) has been changed: its content does not match its hash; the chain cannot resume',
    );
  });

  it('is not ready once its file is moved away, and refuses a path in a missing folder', async () => {
    const path = join(dir, 'moved.jsonl');
    const store = await openJsonlStore(path);
    await store.check();
    await rename(path, `${path}.old`);
    await expect(store.check()).rejects.toThrow('was moved or removed while open');
    await store.close();
    await expect(openJsonlStore(join(dir, 'no-such-folder', 'audit.jsonl'), 'x/audit.jsonl')).rejects.toThrow(
      'the folder of x/audit.jsonl does not exist',
    );
  });

  it('writes each record as its canonical text with its own hash', async () => {
    const path = join(dir, 'canonical.jsonl');
    const store = await openJsonlStore(path);
    const record = await store.append(entries(1, 4)[0]!);
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(`${recordText(record)}\n`);
    expect(record.hash).toBe(recordHash(record));
  });
});

describe('readLines', () => {
  it('reports a line over the limit by its length without holding it, and reads on', async () => {
    const path = join(dir, 'long.jsonl');
    await writeFile(path, 'first\r\n');
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 8; i++) await appendFile(path, chunk);
    await appendFile(path, '\nlast');
    const seen = [];
    for await (const line of readLines(path, 64 * 1024)) seen.push(line);
    expect(seen).toEqual([
      { number: 1, text: 'first' },
      { number: 2, text: '', tooLong: 8 * 1024 * 1024 },
      { number: 3, text: 'last', unterminated: true },
    ]);
  });
});
