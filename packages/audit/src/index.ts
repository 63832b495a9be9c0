/**
 * @vot/audit: the audit trail of decisions, a hash chain over canonical JSON, kept in a JSON
 * Lines file or a PostgreSQL table, and the tools to verify, export and read it back.
 */
import { jsonlReader, openJsonlStore } from './jsonl-store.js';
import { openPostgresStore, postgresReader } from './postgres-store.js';
import type { AuditReader, AuditStore } from './store.js';
import type { AuditTarget } from './target.js';

export { canonicalJson, CanonicalJsonError } from './canonical-json.js';
export {
  auditChainFormat,
  chainRecordSchema,
  decisionEntry,
  decisionRecord,
  emptyHead,
  genesisHash,
  linkEntries,
  parseChainRecord,
  recordHash,
  recordText,
  verifyChain,
  type AuditEntry,
  type ChainBreak,
  type ChainHead,
  type ChainRecord,
  type ChainVerification,
  type StoredText,
} from './chain.js';
export { AuditStoreError, jsonlReader, openJsonlStore } from './jsonl-store.js';
export { auditTable, openPostgresStore, postgresReader } from './postgres-store.js';
export { parseStoredDecision } from './stored-decision.js';
export { readLines, maxRecordLineBytes, type FileLine } from './lines.js';
export { GroupCommit, type AuditReader, type AuditStore } from './store.js';
export { AuditTargetError, parseAuditTarget, redactUrl, type AuditTarget } from './target.js';

/** Opens a store to append to (the chain resumes where it ends). */
export function openAuditStore(target: AuditTarget): Promise<AuditStore> {
  return target.kind === 'postgres' ? openPostgresStore(target.url, target.display) : openJsonlStore(target.path, target.display);
}

/** Opens a trail to read in chain order. */
export async function openAuditReader(target: AuditTarget): Promise<AuditReader> {
  return target.kind === 'postgres' ? postgresReader(target.url, target.display) : jsonlReader(target.path, target.display);
}
