/**
 * Audit records: a decision stored as one JSON line (time, point, the date it was made for, the
 * facts as the host gave them, the outcomes and the exact policy that decided), so it can be
 * shown later and replayed under other policies, at its own date. Reasons and traces are left
 * out: they follow from the policy hash.
 * Reading stored records back (with their zod schema) is in `audit-parse.ts`.
 */
import type { Status } from '../model.js';
import type { Decision } from './decision.js';

/** The `format` of an audit record, so a stored line says which shape it has. */
export const auditRecordFormat = 'vot-decision@1';

/** An outcome as an audit record stores it: id, status, requirements and limits. */
export interface AuditOutcome {
  id: string;
  status: Status;
  requires?: string[];
  limits?: Record<string, number>;
}

/** A decision stored as plain JSON: time, point, the facts as given, the outcomes and the policy that decided. */
export interface AuditRecord {
  format: typeof auditRecordFormat;
  /** When the decision was made (ISO 8601, UTC). */
  at: string;
  /**
   * The date the decision was made for (`YYYY-MM-DD`, `decision.date`), so a replay decides it by
   * the law of that date. Records written before dates were kept have none: replay then takes the
   * date of `at`.
   */
  date?: string;
  point: string;
  facts: Record<string, string | number | boolean | null>;
  outcomes: AuditOutcome[];
  policy: { name: string; version: string; hash: string };
}

/** The outcomes as stored: what was decided, without reasons or basis. */
export function auditOutcomes(decision: Pick<Decision, 'outcomes'>): AuditOutcome[] {
  return decision.outcomes.map((outcome) => {
    const stored: AuditOutcome = { id: outcome.id, status: outcome.status };
    if (outcome.requires?.length) stored.requires = [...outcome.requires];
    if (outcome.limits && Object.keys(outcome.limits).length > 0) stored.limits = { ...outcome.limits };
    return stored;
  });
}

/**
 * The audit record of a decision, made at this time: the facts are the ones the decision keeps
 * (as the host gave them, checked and read once), so no getter or Proxy in the host's object
 * can make the record say something other than what was decided on.
 */
export function toAuditRecord(decision: Decision, at?: Date): AuditRecord;
/**
 * @deprecated The decision keeps the facts it was decided on; `facts` is not read. Call
 * `toAuditRecord(decision, at)`.
 */
export function toAuditRecord(decision: Decision, facts: unknown, at?: Date): AuditRecord;
export function toAuditRecord(decision: Decision, factsOrAt?: unknown, later?: Date): AuditRecord {
  const at = factsOrAt instanceof Date ? factsOrAt : (later ?? new Date());
  const stored: AuditRecord['facts'] = {};
  for (const [key, value] of Object.entries(decision.facts)) stored[key] = value;
  return {
    format: auditRecordFormat,
    at: at.toISOString(),
    date: decision.date,
    point: decision.point,
    facts: stored,
    outcomes: auditOutcomes(decision),
    policy: { ...decision.policy },
  };
}

/** The date a stored decision is replayed for: its own, or (for a record without one) the date of its timestamp as written. */
export function recordDate(record: Pick<AuditRecord, 'at' | 'date'>): string {
  return record.date ?? record.at.slice(0, 10);
}

/** How one outcome differs between two decisions (see {@link compareOutcomes}). */
export interface OutcomeChange {
  outcome: string;
  /** Absent when the outcome was not in that decision. */
  before?: AuditOutcome;
  after?: AuditOutcome;
}

const sameOutcome = (x: AuditOutcome, y: AuditOutcome): boolean =>
  x.status === y.status &&
  JSON.stringify(x.requires ?? []) === JSON.stringify(y.requires ?? []) &&
  JSON.stringify(Object.entries(x.limits ?? {}).sort()) === JSON.stringify(Object.entries(y.limits ?? {}).sort());

/** How two decisions' outcomes differ, outcome by outcome: status, requirements, limits, presence. */
export function compareOutcomes(before: readonly AuditOutcome[], after: readonly AuditOutcome[]): OutcomeChange[] {
  const changes: OutcomeChange[] = [];
  const later = new Map(after.map((o) => [o.id, o]));
  const seen = new Set<string>();
  for (const old of before) {
    seen.add(old.id);
    const now = later.get(old.id);
    if (!now) changes.push({ outcome: old.id, before: old });
    else if (!sameOutcome(old, now)) changes.push({ outcome: old.id, before: old, after: now });
  }
  for (const now of after) if (!seen.has(now.id)) changes.push({ outcome: now.id, after: now });
  return changes;
}
