/**
 * Lines of a file, read with the length bound enforced while reading: a line longer than the
 * limit is reported (its length counted, its bytes dropped as they arrive) instead of being
 * held in memory, so a 1 GB line costs one chunk of memory, not 1 GB.
 */
import { createReadStream } from 'node:fs';

export interface FileLine {
  /** From 1. */
  number: number;
  /** The line without its `\n` (and a `\r` before it); empty when `tooLong`. */
  text: string;
  /** Length in bytes when it was over the limit. */
  tooLong?: number;
  /** The file ends inside this line (no final newline): a write that was cut off. */
  unterminated?: boolean;
}

/** Default bound for one stored record: a record is a few kilobytes. */
export const maxRecordLineBytes = 1024 * 1024;

export async function* readLines(path: string, maxBytes = maxRecordLineBytes): AsyncGenerator<FileLine> {
  let number = 0;
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  const finish = (unterminated: boolean): FileLine => {
    number++;
    const line: FileLine = { number, text: '' };
    if (overflow) line.tooLong = length;
    else {
      let buffer = Buffer.concat(parts, length);
      if (buffer.length > 0 && buffer[buffer.length - 1] === 0x0d) buffer = buffer.subarray(0, buffer.length - 1);
      line.text = buffer.toString('utf8');
    }
    if (unterminated) line.unterminated = true;
    parts = [];
    length = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      length += piece.length;
      if (length > maxBytes) {
        overflow = true;
        parts = [];
      } else if (!overflow && piece.length > 0) parts.push(Buffer.from(piece));
      if (end === -1) break;
      yield finish(false);
      start = end + 1;
    }
  }
  if (length > 0 || overflow) yield finish(true);
}
