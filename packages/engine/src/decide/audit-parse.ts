/** Reading stored audit records back: each line checked against a closed zod schema. */
import { z } from 'zod';
import { statuses } from '../status.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { auditRecordFormat, type AuditRecord } from './audit.js';
import { parseStrictJson } from '../json/strict-json.js';

const factValue = z.union([z.string().max(256), z.number(), z.boolean(), z.null()]);
const outcomeSchema = z.strictObject({
  id: z.string().min(1).max(200),
  status: z.enum(statuses),
  requires: z.array(z.string().max(200)).max(100).optional(),
  limits: z.record(z.string().max(200), z.number()).optional(),
});

/** What a stored record must look like to be replayed (extra keys refused: a record is a closed shape). */
export const auditRecordSchema = z.strictObject({
  format: z.literal(auditRecordFormat),
  at: z.iso.datetime({ offset: true }),
  date: z.iso.date().optional(),
  point: z.string().min(1).max(200),
  facts: z.record(z.string().max(200), factValue),
  outcomes: z.array(outcomeSchema).max(1000),
  policy: z.strictObject({ name: z.string(), version: z.string(), hash: z.string() }),
});

/** A line longer than this is not a decision record (a record is a few kilobytes). */
export const maxAuditLineLength = 256 * 1024;

const invalidLine = (file: string, line: number, reason: string): Diagnostic =>
  diagnostic({ code: 'record-invalid', file, start: { line, column: 1 }, args: { reason } });

/** One line of a JSON Lines file of records: the record, or a diagnostic naming the first problem. */
export function parseAuditRecordLine(text: string, file: string, line: number): AuditRecord | Diagnostic {
  if (text.length > maxAuditLineLength)
    return invalidLine(file, line, `the line has ${text.length} characters, more than ${maxAuditLineLength}`);
  // The strict reader: a record JSON.parse would read differently (a duplicate key, a rounded number) is not one.
  const read = parseStrictJson(text);
  if (!read.ok) return { ...invalidLine(file, line, `not valid JSON (${read.error.message})`), start: { line, column: read.error.column } };
  const parsed = auditRecordSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
    return invalidLine(file, line, `${where}${issue.message}`);
  }
  return parsed.data as AuditRecord;
}
