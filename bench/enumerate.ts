/** Every combination of a point's reduced domain, completed with defaults, handed to `visit`. */
import { combinations, defaultFacts, pointDomain, type FactRecord, type PointModel, type PolicySet } from '@vot/engine';

export function enumerateAll(policies: PolicySet, point: PointModel, visit: (record: FactRecord) => unknown): number {
  let count = 0;
  for (const record of combinations(pointDomain(policies.model, point), defaultFacts(policies.model))) {
    visit(record);
    count++;
  }
  return count;
}
