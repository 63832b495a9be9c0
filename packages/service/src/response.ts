/**
 * What a host gets for a decision (`POST /v1/decide/:point`, response format 2): the engine's
 * decision without what a host does not need on every answer.
 *
 * - Each outcome's `basis` is the list of the ids of the sources it cites; the citations are in
 *   `sources` once per decision (id → citation, url, verified, inForce), however many outcomes
 *   cite them.
 * - The trace only when asked for (`?trace=1`).
 * - The facts are not echoed: the host sent them, and the audit trail keeps them.
 *
 * Serialised by the route's response schema (`decisionSchema` in openapi.ts, the document's
 * own), so a field added here must be added there: the tests hold every decision of the
 * bundled examples to that schema.
 */
import type { BasisEntry, DecidedOutcome, Decision, Trace } from '@vot/engine';

/** A source as a decision lists it, under its id. */
export type ServiceSource = Omit<BasisEntry, 'id'>;

export interface ServiceOutcome extends Omit<DecidedOutcome, 'basis'> {
  /** The ids of the sources this outcome cites, each in `sources`. */
  basis: string[];
}

export interface ServiceDecision {
  decisionId: string;
  point: string;
  date: string;
  outcomes: ServiceOutcome[];
  /** Every source the outcomes cite, once, by id, in the order first cited. */
  sources: Record<string, ServiceSource>;
  policy: Decision['policy'];
  /** Only with `?trace=1`. */
  trace?: Trace;
}

/** The answer for a decision given under `decisionId`; with `trace`, the decision's trace too. */
export function serviceDecision(decisionId: string, decision: Decision, trace: boolean): ServiceDecision {
  // No prototype: a source id is a key here, and none may reach Object.prototype.
  const sources = Object.create(null) as Record<string, ServiceSource>;
  const outcomes = decision.outcomes.map((outcome): ServiceOutcome => {
    const basis: string[] = [];
    for (const { id, ...source } of outcome.basis) {
      basis.push(id);
      sources[id] ??= source;
    }
    return { ...outcome, basis };
  });
  const answer: ServiceDecision = { decisionId, point: decision.point, date: decision.date, outcomes, sources, policy: decision.policy };
  if (trace) answer.trace = decision.trace;
  return answer;
}
