/**
 * Every combination of a point's reduced domain, completed with defaults, handed to `visit`, on
 * the law in force today: the decision's date is pinned to the first day of the set's last period
 * (the hand-written baseline encodes the current ladder, not the ladders of earlier periods).
 */
import type { FactRecord, PointModel, PolicySet } from '@vot/engine';
import { combinations, defaultFacts, periodsOf, pointDomain } from '@vot/engine/tools';

export function enumerateAll(policies: PolicySet, point: PointModel, visit: (record: FactRecord) => unknown): number {
  const dateFact = policies.model.decisionDate;
  const today = periodsOf(policies.model).at(-1)?.date;
  const domains = pointDomain(policies.model, point).map((domain) =>
    domain.fact === dateFact && today !== undefined ? { ...domain, values: [today], intervals: undefined } : domain,
  );
  let count = 0;
  for (const record of combinations(domains, defaultFacts(policies.model))) {
    visit(record);
    count++;
  }
  return count;
}
