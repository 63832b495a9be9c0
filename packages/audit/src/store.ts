/**
 * An audit store appends decisions to the chain and reads them back. Appends are grouped: while
 * one batch is being written and synced, the next ones wait and go together, so a busy service
 * pays for one flush per batch, not one per decision, and each caller still gets its answer only
 * after its record is durable.
 */
import type { AuditEntry, ChainRecord, StoredText } from './chain.js';

export interface AuditStore {
  /** Where the records go, for logs (a URL without its password). */
  readonly display: string;
  /** Appends one decision; resolves with its record once it is durable, rejects if it is not. */
  append(entry: AuditEntry): Promise<ChainRecord>;
  /** Resolves when the store can take records now (readiness); rejects with the reason otherwise. */
  check(): Promise<void>;
  /** Waits for every pending append, then releases the file or the connections. */
  close(): Promise<void>;
}

/** Reads a trail in chain order, for verify, export and replay. */
export interface AuditReader {
  readonly display: string;
  records(): AsyncIterable<StoredText>;
  close(): Promise<void>;
}

interface Pending {
  entry: AuditEntry;
  resolve(record: ChainRecord): void;
  reject(error: unknown): void;
}

/** Largest number of records written in one batch. */
const maxBatch = 512;

/** Runs one `commit` at a time over everything that queued up meanwhile. */
export class GroupCommit {
  private queue: Pending[] = [];
  private running: Promise<void> = Promise.resolve();
  private draining = false;

  constructor(private readonly commit: (entries: AuditEntry[]) => Promise<ChainRecord[]>) {}

  append(entry: AuditEntry): Promise<ChainRecord> {
    const done = new Promise<ChainRecord>((resolve, reject) => this.queue.push({ entry, resolve, reject }));
    if (!this.draining) {
      this.draining = true;
      this.running = this.drain();
    }
    return done;
  }

  /** Resolves once nothing is queued or being written. */
  async idle(): Promise<void> {
    while (this.draining) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, maxBatch);
        try {
          const records = await this.commit(batch.map((p) => p.entry));
          for (const [index, pending] of batch.entries()) pending.resolve(records[index]!);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      // In the same turn as the empty queue was seen, so an append queued by a resolved caller starts a new drain.
      this.draining = false;
    }
  }
}
