/**
 * The shared store: one PostgreSQL table that any number of service instances append to. The
 * table is created on start if it is missing. Every append is one transaction that first takes a
 * transaction-level advisory lock, so appends from all instances are serialised: each reads the
 * head, links its batch after it and inserts, and the next waits for the commit. The chain is
 * therefore one chain whatever the number of writers; `seq` is also the primary key, so two
 * writers that ignored the lock could not both take the same position.
 *
 * `pg` is loaded on first use only, so a program that never opens a database does not load it.
 */
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { emptyHead, linkEntries, parseChainRecord, recordHash, recordText, type AuditEntry, type ChainHead } from './chain.js';
import { AuditStoreError } from './jsonl-store.js';
import { GroupCommit, type AuditReader, type AuditStore } from './store.js';

export const auditTable = 'vot_audit_chain';

/** One advisory-lock key for the chain, derived from the table name (a signed 64-bit integer). */
const lockKey = BigInt.asIntN(
  64,
  BigInt(`0x${createHash('sha256').update(`vot-audit:${auditTable}`).digest('hex').slice(0, 16)}`),
).toString();

const schema = `CREATE TABLE IF NOT EXISTS ${auditTable} (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  decision_id text NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  hash text NOT NULL UNIQUE,
  record text NOT NULL
)`;

async function newPool(url: string): Promise<Pool> {
  const pg = await import('pg');
  const PoolClass = pg.Pool ?? (pg as unknown as { default: typeof pg }).default.Pool;
  // Bounded waits: a stuck lock or server makes an append fail (and the service answer 503), never hang.
  const pool = new PoolClass({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 5000,
    statement_timeout: 10_000,
    idle_in_transaction_session_timeout: 10_000,
    application_name: 'vot-audit',
  });
  // An idle connection the server drops emits 'error' on the pool; without a listener that
  // would end the process. The next query reconnects or reports the problem itself.
  pool.on('error', () => {});
  return pool;
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The head as stored, checked against its own hash: a chain whose head was changed is not extended. */
async function storedHead(client: PoolClient, display: string): Promise<ChainHead> {
  const { rows } = await client.query<{ seq: string; record: string }>(`SELECT seq, record FROM ${auditTable} ORDER BY seq DESC LIMIT 1`);
  const row = rows[0];
  if (!row) return emptyHead;
  const parsed = parseChainRecord(row.record);
  if ('problem' in parsed) throw new AuditStoreError(`the last record in ${display} (row ${row.seq}) is ${parsed.problem}; not appending`);
  const { record } = parsed;
  if (record.hash !== recordHash(record) || String(record.seq) !== row.seq)
    throw new AuditStoreError(`the last record in ${display} (row ${row.seq}) has been changed; not appending`);
  return { seq: record.seq, hash: record.hash };
}

export async function openPostgresStore(url: string, display: string): Promise<AuditStore> {
  const pool = await newPool(url);
  try {
    // Instances starting together would race on CREATE TABLE IF NOT EXISTS; the lock orders them.
    await inTransaction(pool, (client) => client.query(schema));
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AuditStoreError(`cannot open the audit table in ${display}: ${(error as Error).message}`);
  }
  const group = new GroupCommit((entries: AuditEntry[]) =>
    inTransaction(pool, async (client) => {
      const { records } = linkEntries(await storedHead(client, display), entries);
      await client.query(
        `INSERT INTO ${auditTable} (seq, decision_id, at, hash, record)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])`,
        [
          records.map((r) => String(r.seq)),
          records.map((r) => r.id),
          records.map((r) => r.at),
          records.map((r) => r.hash),
          records.map((r) => recordText(r)),
        ],
      );
      return records;
    }),
  );
  return {
    display,
    append: (entry) => group.append(entry),
    async check() {
      await pool.query('SELECT 1');
    },
    async close() {
      await group.idle();
      await pool.end();
    },
  };
}

/** The rows in chain order, a page at a time (by key, so a long trail is never held whole). */
export async function postgresReader(url: string, display: string): Promise<AuditReader> {
  const pool = await newPool(url);
  return {
    display,
    async *records() {
      let after = '0';
      for (;;) {
        const { rows } = await pool
          .query<{ seq: string; record: string }>(`SELECT seq, record FROM ${auditTable} WHERE seq > $1 ORDER BY seq LIMIT 1000`, [after])
          .catch((error: Error & { code?: string }) => {
            if (error.code === '42P01') throw new AuditStoreError(`${display} holds no audit trail (no table \`${auditTable}\`)`);
            throw new AuditStoreError(`cannot read ${display}: ${error.message}`);
          });
        for (const row of rows) {
          const seq = Number(row.seq);
          yield { text: row.record, position: seq, place: `row ${row.seq}`, rowSeq: seq };
        }
        if (rows.length < 1000) return;
        after = rows[rows.length - 1]!.seq;
      }
    },
    close: () => pool.end(),
  };
}
