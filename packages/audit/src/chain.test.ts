/**
 * The chain: records linked by hashes verify; any single change, removal, duplication or
 * reordering of stored records is caught and named at the first record it breaks; a rewrite
 * of the tail is caught only against a published head hash (the anchor).
 */
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';
import { describe, expect, it } from 'vitest';
import { entryArbitrary } from './test-entries.js';
import {
  emptyHead,
  genesisHash,
  linkEntries,
  parseChainRecord,
  recordHash,
  recordText,
  verifyChain,
  type AuditEntry,
  type ChainRecord,
  type StoredText,
} from './chain.js';

async function* stored(texts: readonly string[]): AsyncGenerator<StoredText> {
  for (const [index, text] of texts.entries()) yield { text, position: index + 1, place: `line ${index + 1}` };
}

const chainOf = (entries: AuditEntry[]) => linkEntries(emptyHead, entries).records;
const lines = (records: ChainRecord[]) => records.map(recordText);

describe('linkEntries and recordHash', () => {
  it('numbers records from 1, links each to the one before, and hashes the canonical content', () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { minLength: 1, maxLength: 6 }), (entries) => {
        const records = chainOf(entries);
        expect(records.map((r) => r.seq)).toEqual(entries.map((_, i) => i + 1));
        expect(records[0]!.prev).toBe(genesisHash);
        for (let i = 1; i < records.length; i++) expect(records[i]!.prev).toBe(records[i - 1]!.hash);
        for (const record of records) {
          expect(record.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
          const reread = parseChainRecord(recordText(record));
          expect(reread).toEqual({ record });
          expect(recordHash({ ...record, facts: { ...record.facts, extra: 1 } })).not.toBe(record.hash);
        }
        // Linking in two batches gives the same chain as in one.
        const half = Math.floor(entries.length / 2);
        const first = linkEntries(emptyHead, entries.slice(0, half));
        expect([...first.records, ...linkEntries(first.head, entries.slice(half)).records]).toEqual(records);
      }),
    );
  });
});

describe('linkEntries refuses', () => {
  it('an entry whose record would not read back (the verifier would call it broken)', () => {
    const [entry] = fc.sample(entryArbitrary, { numRuns: 1, seed: 1 });
    const refused: Array<[Partial<AuditEntry>, string]> = [
      [{ facts: JSON.parse('{"constructor": 1}') }, 'not readable: a key `constructor` at $.facts'],
      [{ facts: { count: 2 ** 60 } }, 'not readable: an integer beyond 2^53 − 1 at $.facts.count'],
      [{ point: '' }, 'an empty or overlong id, caller or point'],
      [{ caller: 'x'.repeat(201) }, 'an empty or overlong id, caller or point'],
      [{ date: 'today' }, '`at` or `date` is not a time'],
      [{ facts: { reason: 'x'.repeat(257) } }, 'a fact value longer than 256 characters'],
      [{ facts: { reason: 'a\ud800' } }, 'a string with an unpaired surrogate at $.facts.reason'],
    ];
    for (const [change, message] of refused) {
      const changed = { ...entry!, ...change };
      expect(() => linkEntries(emptyHead, [changed]), message).toThrow(message);
      // Each is exactly what the reader would refuse: the same record, written anyway, does not read back.
      if (!message.includes('surrogate')) {
        const text = canonicalJson({ ...changed, format: 'vot-audit@1', seq: 1, prev: genesisHash, hash: genesisHash });
        expect('problem' in parseChainRecord(text), message).toBe(true);
      }
    }
  });
});

describe('verifyChain', () => {
  it('property: an untouched chain verifies, counting every record and naming the head', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArbitrary, { maxLength: 8 }), async (entries) => {
        const records = chainOf(entries);
        const result = await verifyChain(stored(lines(records)), { anchor: records[0]?.hash ?? 'none' });
        expect(result.ok).toBe(true);
        expect(result.checked).toBe(entries.length);
        expect(result.head.hash).toBe(records.at(-1)?.hash ?? genesisHash);
        expect(result.anchorFound).toBe(records.length > 0);
      }),
    );
  });

  type Tamper = 'change' | 'change-and-rehash' | 'delete' | 'swap' | 'duplicate' | 'blank-line' | 'truncate';
  const tampers: Tamper[] = ['change', 'change-and-rehash', 'delete', 'swap', 'duplicate', 'blank-line', 'truncate'];

  /** What verify must say for a tamper at record `k` (1-based) of `n`: the first broken record, or none. */
  function expected(tamper: Tamper, k: number, n: number): { seq: number; line: number; kind: string } | undefined {
    switch (tamper) {
      case 'change':
        return { seq: k, line: k, kind: 'changed' };
      case 'change-and-rehash':
        return k === n ? undefined : { seq: k + 1, line: k + 1, kind: 'unlinked' };
      case 'delete':
        return k === n ? undefined : { seq: k, line: k, kind: 'missing' };
      case 'swap':
        return { seq: k, line: k, kind: 'missing' };
      case 'duplicate':
        return { seq: k + 1, line: k + 1, kind: 'out-of-order' };
      case 'blank-line':
        return { seq: k + 1, line: k + 1, kind: 'unreadable' };
      case 'truncate':
        return { seq: k, line: k, kind: 'unreadable' };
    }
  }

  function tamper(records: ChainRecord[], how: Tamper, k: number): string[] {
    const texts = lines(records);
    const i = k - 1;
    const changed = {
      ...records[i]!,
      outcomes: [{ id: 'exclusion-physical', status: 'permitted' as const }],
      caller: `${records[i]!.caller}!`,
    };
    switch (how) {
      case 'change':
        texts[i] = recordText(changed);
        break;
      case 'change-and-rehash':
        texts[i] = recordText({ ...changed, hash: recordHash(changed) });
        break;
      case 'delete':
        texts.splice(i, 1);
        break;
      case 'swap':
        [texts[i], texts[i + 1]] = [texts[i + 1]!, texts[i]!];
        break;
      case 'duplicate':
        texts.splice(i + 1, 0, texts[i]!);
        break;
      case 'blank-line':
        texts.splice(i + 1, 0, '');
        break;
      case 'truncate':
        texts[i] = texts[i]!.slice(0, Math.floor(texts[i]!.length / 2));
        break;
    }
    return texts;
  }

  it('property: one changed, rehashed, deleted, swapped, duplicated, inserted or cut record is named at the first record it breaks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArbitrary, { minLength: 3, maxLength: 8 }),
        fc.constantFrom(...tampers),
        fc.nat(),
        async (entries, how, at) => {
          const records = chainOf(entries);
          const n = records.length;
          // Swap and insertions need a record after k.
          const k = (at % (how === 'swap' || how === 'duplicate' || how === 'blank-line' ? n - 1 : n)) + 1;
          const result = await verifyChain(stored(tamper(records, how, k)), { anchor: records.at(-1)!.hash });
          const want = expected(how, k, n);
          if (want === undefined) {
            // The tail was rewritten or cut off: the chain alone cannot tell, the published head can.
            expect(result.ok).toBe(true);
            expect(result.anchorFound).toBe(false);
          } else {
            expect(result.ok).toBe(false);
            expect(result.broken).toMatchObject({ seq: want.seq, place: `line ${want.line}`, kind: want.kind });
            expect(result.checked).toBe(want.seq - 1);
            expect(result.broken!.message).toContain(`record ${want.seq}`);
            expect(result.broken!.message).toContain(`line ${want.line}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains each break in words an auditor can act on', async () => {
    const records = chainOf(fc.sample(entryArbitrary, { numRuns: 4, seed: 7 }));
    const run = async (texts: string[]) => (await verifyChain(stored(texts))).broken?.message;
    expect(await run(tamper(records, 'change', 2))).toBe('record 2 (line 2) has been changed: its content does not match its hash');
    expect(await run(tamper(records, 'delete', 2))).toBe('record 2 is missing: line 2 holds record 3');
    expect(await run(tamper(records, 'duplicate', 2))).toBe('record 3 is out of order: line 3 holds record 2, which came earlier');
    expect(await run(tamper(records, 'change-and-rehash', 2))).toBe(
      'record 3 (line 3) does not follow record 2: the hash it carries of its predecessor differs, so record 2 or an earlier one was replaced',
    );
    expect(await run([...lines(records).slice(0, 1), ...lines(records).slice(3)])).toBe(
      'record 2 is missing: line 2 holds record 4 (records 2–3 are gone)',
    );
    expect(await run(['{"format":"vot-audit@1"}'])).toMatch(/^record 1 \(line 1\) is not a chain record: `seq`: /);
    expect(await run(['{"a":1,"a":2}'])).toBe('record 1 (line 1) is not valid JSON: duplicate key `a` (column 8)');
  });
});
