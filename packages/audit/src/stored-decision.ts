/**
 * A stored decision read back for replay, whichever way it was stored: a chain record of this
 * package (`vot-audit@1`) or a bare audit record of the engine (`vot-decision@1`, one a line, as
 * `toAuditRecord` writes it). Read with the strict JSON reader and a closed schema.
 */
import type { AuditRecord } from '@vot/engine';
import { auditRecordSchema } from '@vot/engine/tools';
import { auditChainFormat, chainRecordSchema, decisionRecord, firstIssue, readStoredJson, type ChainRecord } from './chain.js';

export function parseStoredDecision(text: string): { record: AuditRecord; chain?: ChainRecord } | { problem: string } {
  const read = readStoredJson(text);
  if ('problem' in read) return read;
  const { value } = read;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && value.format === auditChainFormat) {
    const chain = chainRecordSchema.safeParse(value);
    if (!chain.success) return { problem: `not a chain record: ${firstIssue(chain.error.issues)}` };
    return { record: decisionRecord(chain.data as ChainRecord), chain: chain.data as ChainRecord };
  }
  const bare = auditRecordSchema.safeParse(value);
  return bare.success ? { record: bare.data as AuditRecord } : { problem: firstIssue(bare.error.issues) };
}
