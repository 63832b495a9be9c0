/**
 * The embedded store: one JSON Lines file, one canonical record a line. Each batch is appended
 * with one write and made durable with fsync before any caller hears its decision. On start the
 * chain resumes from the last line, which must be complete and intact; the file is written by
 * one process at a time (several instances share a chain through PostgreSQL).
 */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  emptyHead,
  linkEntries,
  parseChainRecord,
  recordHash,
  recordText,
  type AuditEntry,
  type ChainHead,
  type ChainRecord,
  type StoredText,
} from './chain.js';
import { maxRecordLineBytes, readLines } from './lines.js';
import { GroupCommit, type AuditReader, type AuditStore } from './store.js';

/** A store that cannot be opened or written, with a message for the operator. */
export class AuditStoreError extends Error {}

/** The head of the chain in a file: its last line, read from the end, checked against its own hash. */
async function readHead(handle: FileHandle, display: string): Promise<ChainHead> {
  const { size } = await handle.stat();
  if (size === 0) return emptyHead;
  const chunk = 64 * 1024;
  let tail = Buffer.alloc(0);
  let position = size;
  let lineStart = -1;
  while (position > 0 && lineStart < 0) {
    const length = Math.min(chunk, position);
    position -= length;
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, position);
    tail = Buffer.concat([buffer, tail]);
    if (tail[tail.length - 1] !== 0x0a)
      throw new AuditStoreError(
        `the last line of ${display} is incomplete (a write was cut off); check the file with \`vot audit verify\` and remove the incomplete line before starting again`,
      );
    const newline = tail.lastIndexOf(0x0a, tail.length - 2);
    if (newline >= 0) lineStart = newline + 1;
    else if (position === 0) lineStart = 0;
    if (tail.length > maxRecordLineBytes + 1 && lineStart < 0)
      throw new AuditStoreError(`the last line of ${display} is longer than ${maxRecordLineBytes} bytes: not a record`);
  }
  const text = tail.subarray(lineStart, tail.length - 1).toString('utf8');
  const parsed = parseChainRecord(text.endsWith('\r') ? text.slice(0, -1) : text);
  if ('problem' in parsed) throw new AuditStoreError(`the last line of ${display} is ${parsed.problem}; the chain cannot resume`);
  if (parsed.record.hash !== recordHash(parsed.record))
    throw new AuditStoreError(
      `the last record of ${display} (record ${parsed.record.seq}) has been changed: its content does not match its hash; the chain cannot resume`,
    );
  return { seq: parsed.record.seq, hash: parsed.record.hash };
}

export async function openJsonlStore(path: string, display = path): Promise<AuditStore> {
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new AuditStoreError(`the folder of ${display} does not exist`);
  const existed = await stat(path).then(
    (info) => {
      if (!info.isFile()) throw new AuditStoreError(`${display} is not a regular file`);
      return true;
    },
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  const handle = await open(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o640);
  let head: ChainHead;
  try {
    head = await readHead(handle, display);
    if (!existed) {
      // The new file's name must survive a crash too: sync the folder that holds it.
      const directory = await open(dirname(path), constants.O_RDONLY);
      await directory.sync().finally(() => directory.close());
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const inode = (await handle.stat()).ino;
  let failure: Error | undefined;

  const group = new GroupCommit(async (entries) => {
    if (failure) throw failure;
    const { records, head: next } = linkEntries(head, entries);
    const bytes = Buffer.from(records.map((record) => `${recordText(record)}\n`).join(''), 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
      await handle.sync();
    } catch (error) {
      // What reached the file is unknown now: take no more records until an operator has looked.
      failure = new AuditStoreError(`writing to ${display} failed (${(error as Error).message}); no more records are taken`);
      throw failure;
    }
    head = next;
    return records;
  });

  return {
    display,
    append: (entry: AuditEntry): Promise<ChainRecord> => group.append(entry),
    async check() {
      if (failure) throw failure;
      const now = await stat(path).catch(() => undefined);
      if (now?.ino !== inode) throw new AuditStoreError(`${display} was moved or removed while open`);
    },
    async close() {
      await group.idle();
      await handle.close();
    },
  };
}

export function jsonlReader(path: string, display = path): AuditReader {
  return {
    display,
    async *records() {
      for await (const line of readLines(path)) {
        const place = `line ${line.number}`;
        const stored: StoredText = { text: line.text, position: line.number, place };
        if (line.tooLong !== undefined) stored.problem = `the line has ${line.tooLong} bytes, more than ${maxRecordLineBytes}`;
        if (line.unterminated) stored.unterminated = true;
        yield stored;
      }
    },
    close: async () => {},
  };
}
