/** Every combination of a point's reduced domain, completed with defaults, handed to `visit`. */
import type { FactRecord, PointModel, PolicySet } from '@vot/engine';
import { combinations, defaultFacts, pointDomain } from '@vot/engine/tools';

export function enumerateAll(policies: PolicySet, point: PointModel, visit: (record: FactRecord) => unknown): number {
  let count = 0;
  for (const record of combinations(pointDomain(policies.model, point), defaultFacts(policies.model))) {
    visit(record);
    count++;
  }
  return count;
}
