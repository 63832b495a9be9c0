/**
 * The audit chain: every decision is one record that carries the hash of the record before it,
 * so changing, removing, inserting or reordering a stored record breaks the chain at that
 * record. A record's hash is sha256 over the canonical JSON (`canonical-json.ts`) of the record
 * without its `hash` field; the first record follows `genesisHash`.
 *
 * What a record holds: the decision id, the time, the caller, the point, the date the decision
 * was made for, the facts as checked, the outcomes, and the policy's name, version and hash
 * (the decision part is the engine's `toAuditRecord`, so replay reads it as it reads any record).
 */
import { createHash } from 'node:crypto';
import { auditRecordFormat, parseStrictJson, toAuditRecord, type AuditRecord, type Decision } from '@vot/engine';
import { auditRecordSchema, type JsonValue } from '@vot/engine/tools';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';

export const auditChainFormat = 'vot-audit@1';
/** The `prev` of the first record of a chain. */
export const genesisHash = `sha256:${'0'.repeat(64)}`;

/** What is known of a decision before it takes its place in the chain. */
export interface AuditEntry {
  /** The decision id, given to the caller with the decision. */
  id: string;
  /** When the decision was made (ISO 8601, UTC). */
  at: string;
  /** Who asked: the name of the authenticated caller. */
  caller: string;
  /** The date the decision was made for (YYYY-MM-DD): `decision.date`, the incident's date when the caller gave it. */
  date: string;
  point: string;
  facts: AuditRecord['facts'];
  outcomes: AuditRecord['outcomes'];
  policy: AuditRecord['policy'];
}

/** A record as stored: the entry, its place in the chain, and the hashes that link it. */
export interface ChainRecord extends AuditEntry {
  format: typeof auditChainFormat;
  /** Position in the chain, from 1. */
  seq: number;
  /** Hash of the record before (`genesisHash` for the first). */
  prev: string;
  /** sha256 of the canonical JSON of this record without `hash`. */
  hash: string;
}

/** The head of a chain: the last record's position and hash (nothing yet: seq 0 and the genesis hash). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const emptyHead: ChainHead = Object.freeze({ seq: 0, hash: genesisHash });

const hashText = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected `sha256:` and 64 hexadecimal digits');

/** A stored chain record: a closed shape; the decision part is the engine's audit record schema. */
export const chainRecordSchema = z.strictObject({
  format: z.literal(auditChainFormat),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  id: z.string().min(1).max(200),
  at: auditRecordSchema.shape.at,
  caller: z.string().min(1).max(200),
  date: z.iso.date(),
  point: auditRecordSchema.shape.point,
  facts: auditRecordSchema.shape.facts,
  outcomes: auditRecordSchema.shape.outcomes,
  policy: auditRecordSchema.shape.policy,
  prev: hashText,
  hash: hashText,
});

/** The entry for a decision made at this time for this caller, with the facts the decision keeps. */
export function decisionEntry(input: { id: string; caller: string; decision: Decision; at: Date }): AuditEntry {
  const { format: _format, date: _date, ...record } = toAuditRecord(input.decision, input.at);
  return { id: input.id, caller: input.caller, date: input.decision.date, ...record };
}

/** The decision part of a chain record, as the engine's audit record (for replay). */
export function decisionRecord(record: ChainRecord): AuditRecord {
  return {
    format: auditRecordFormat,
    at: record.at,
    date: record.date,
    point: record.point,
    facts: record.facts,
    outcomes: record.outcomes,
    policy: record.policy,
  };
}

/** The hash a record must carry: sha256 over the canonical JSON of everything but `hash`. */
export function recordHash(record: Omit<ChainRecord, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...content } = record;
  return `sha256:${createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')}`;
}

/** Keys the strict reader refuses (see `parseStrictJson`). */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** What the strict reader would refuse in a value that canonical JSON can print: prototype keys and integers beyond 2^53 − 1. */
function unreadableValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER ? `an integer beyond 2^53 − 1 at ${path}` : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(value) && prototypeKeys.has(key)) return `a key \`${key}\` at ${path}`;
    const inner = unreadableValue(item, `${path}.${key}`);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Why a record about to be stored would not read back as one, or undefined: what the strict
 * reader refuses (canonical JSON already refuses unpaired surrogates and non-finite numbers;
 * every number it prints reads back exactly) and the schema's limits. Checked directly, as
 * reading the text back costs more than the rest of an append.
 */
function unreadable(record: ChainRecord): string | undefined {
  const value = unreadableValue(record, '$');
  if (value) return `not readable: ${value}`;
  const text = (item: unknown, max: number) => typeof item === 'string' && item.length > 0 && item.length <= max;
  if (!text(record.id, 200) || !text(record.caller, 200) || !text(record.point, 200))
    return 'not a chain record: an empty or overlong id, caller or point';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(record.date) || Number.isNaN(Date.parse(record.at)))
    return 'not a chain record: `at` or `date` is not a time';
  for (const item of Object.values(record.facts))
    if (typeof item === 'string' && item.length > 256) return 'not a chain record: a fact value longer than 256 characters';
  return undefined;
}

/** Places entries after `head`, in order: the records to store, and the new head. */
export function linkEntries(head: ChainHead, entries: readonly AuditEntry[]): { records: ChainRecord[]; head: ChainHead } {
  const records: ChainRecord[] = [];
  let current = head;
  for (const entry of entries) {
    const unhashed = {
      format: auditChainFormat,
      seq: current.seq + 1,
      id: entry.id,
      at: entry.at,
      caller: entry.caller,
      date: entry.date,
      point: entry.point,
      facts: entry.facts,
      outcomes: entry.outcomes,
      policy: entry.policy,
      prev: current.hash,
    } satisfies Omit<ChainRecord, 'hash'>;
    const record: ChainRecord = { ...unhashed, hash: recordHash(unhashed) };
    // Only what reads back is stored: a record the verifier would refuse is refused now.
    const problem = unreadable(record);
    if (problem) throw new TypeError(`decision ${entry.id} cannot be stored: it is ${problem}`);
    records.push(record);
    current = { seq: record.seq, hash: record.hash };
  }
  return { records, head: current };
}

/** The stored text of a record: its canonical JSON, one line. */
export const recordText = (record: ChainRecord): string => canonicalJson(record);

/** Strict JSON for a stored record: the value, or the problem in words. */
export function readStoredJson(text: string): { value: JsonValue } | { problem: string } {
  const parsed = parseStrictJson(text);
  return parsed.ok ? { value: parsed.value } : { problem: `not valid JSON: ${parsed.error.message} (column ${parsed.error.column})` };
}

/** The first schema issue, as `` `path`: message ``. */
export function firstIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0]!;
  return `${issue.path.length > 0 ? `\`${issue.path.map(String).join('.')}\`: ` : ''}${issue.message}`;
}

/** Reads one stored record: the record, or why it is not one (strict JSON, closed schema). */
export function parseChainRecord(text: string): { record: ChainRecord } | { problem: string } {
  const read = readStoredJson(text);
  if ('problem' in read) return read;
  const checked = chainRecordSchema.safeParse(read.value);
  return checked.success ? { record: checked.data as ChainRecord } : { problem: `not a chain record: ${firstIssue(checked.error.issues)}` };
}

/** One stored record as a reader found it: its text and where it was (a line of a file, a row of a table). */
export interface StoredText {
  text: string;
  /** Line number in a file, or row key (`seq`) in a table. */
  position: number;
  /** How a person finds it: `line 12`, `row 12`. */
  place: string;
  /** The row's own `seq` column, when the store keeps one beside the record. */
  rowSeq?: number;
  /** Why the text could not be read whole (longer than the reader's limit). */
  problem?: string;
  /** The file ends inside this record, without its newline: a write that was cut off. */
  unterminated?: boolean;
}

export type ChainBreak = 'unreadable' | 'changed' | 'missing' | 'out-of-order' | 'unlinked';

export interface ChainVerification {
  ok: boolean;
  /** Records found intact and linked, from the first (all of them when `ok`). */
  checked: number;
  /** The last intact record: publish its hash to anchor the chain. */
  head: ChainHead & { at?: string };
  /** The first broken record. */
  broken?: { kind: ChainBreak; seq: number; place: string; message: string };
  /** When an anchor was given: whether a record with that hash is among the intact ones. */
  anchorFound?: boolean;
}

/**
 * Walks stored records in order and checks each: it reads as a record, its content matches its
 * hash, it is the next position, and it follows the record before. Stops at the first break and
 * names it; `checked` counts the intact records before it.
 */
export async function verifyChain(texts: AsyncIterable<StoredText>, options: { anchor?: string } = {}): Promise<ChainVerification> {
  let head: ChainVerification['head'] = { ...emptyHead };
  let anchorFound = options.anchor === undefined ? undefined : false;
  const result = (broken?: ChainVerification['broken']): ChainVerification => ({
    ok: broken === undefined,
    checked: head.seq,
    head,
    ...(broken ? { broken } : {}),
    ...(anchorFound === undefined ? {} : { anchorFound }),
  });
  for await (const stored of texts) {
    const expected = head.seq + 1;
    const at = (kind: ChainBreak, message: string) => result({ kind, seq: expected, place: stored.place, message });
    if (stored.problem) return at('unreadable', `record ${expected} (${stored.place}) cannot be read: ${stored.problem}`);
    if (stored.unterminated)
      return at('unreadable', `record ${expected} (${stored.place}) is incomplete: the file ends inside it (a write was cut off)`);
    const parsed = parseChainRecord(stored.text);
    if ('problem' in parsed) return at('unreadable', `record ${expected} (${stored.place}) is ${parsed.problem}`);
    const { record } = parsed;
    if (record.hash !== recordHash(record))
      return at('changed', `record ${record.seq} (${stored.place}) has been changed: its content does not match its hash`);
    if (stored.rowSeq !== undefined && stored.rowSeq !== record.seq)
      return at('out-of-order', `${stored.place} holds record ${record.seq}: records were moved between rows`);
    if (record.seq > expected)
      return at(
        'missing',
        `record ${expected} is missing: ${stored.place} holds record ${record.seq}${record.seq > expected + 1 ? ` (records ${expected}–${record.seq - 1} are gone)` : ''}`,
      );
    if (record.seq < expected)
      return at('out-of-order', `record ${expected} is out of order: ${stored.place} holds record ${record.seq}, which came earlier`);
    if (record.prev !== head.hash)
      return at(
        'unlinked',
        `record ${record.seq} (${stored.place}) does not follow record ${head.seq}: the hash it carries of its predecessor differs, so record ${head.seq} or an earlier one was replaced`,
      );
    head = { seq: record.seq, hash: record.hash, at: record.at };
    if (options.anchor !== undefined && record.hash === options.anchor) anchorFound = true;
  }
  return result();
}
