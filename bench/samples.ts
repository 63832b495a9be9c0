/** Sample fact records for the benchmark, spread over a point's reduced domain, deterministically. */
import { isDeepStrictEqual } from 'node:util';
import type { Decision, FactValue, PointModel, PolicySet } from '@vot/engine';
import { pointDomain } from '@vot/engine/tools';

/**
 * `count` records as a host sends them (absent `none` facts left out), picked from the point's
 * reduced domain by a fixed linear congruential sequence, so every run times the same inputs.
 */
export function hostSamples(policies: PolicySet, point: PointModel, count: number): Array<Record<string, FactValue>> {
  const domains = pointDomain(policies.model, point);
  let state = 0x2545f491;
  const next = (bound: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % bound;
  };
  const samples: Array<Record<string, FactValue>> = [];
  for (let i = 0; i < count; i++) {
    const facts: Record<string, FactValue> = {};
    for (const domain of domains) {
      const value = domain.values[next(domain.values.length)]!;
      if (value !== null) facts[domain.fact] = value;
    }
    samples.push(facts);
  }
  return samples;
}

/** Throws unless two decisions are the same (the paths must agree before they are timed). */
export function sameDecisions(first: Decision, second: Decision): void {
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(first)), JSON.parse(JSON.stringify(second)))) {
    throw new Error(`the evaluation paths disagree at point ${first.point}`);
  }
}
