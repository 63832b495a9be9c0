/**
 * Decisions made at the same time on the json-rules-engine path. json-rules-engine keeps one run
 * status per Engine, and a run that finishes while another is starting makes the other skip
 * every rule: without care, a host deciding concurrently on that path gets an empty decision, which
 * reads as "nothing is required". The runs on one engine are queued; this holds them to the
 * decisions made one by one, for any interleaving of starts.
 */
import type { Decision } from '@vot/engine';
import { loadPolicies, type PolicySet } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

let reference: PolicySet;
beforeAll(async () => {
  reference = await loadPolicies({ evaluator: 'json-rules-engine' });
});

const incidents = [
  { organisation: 'nav-office', employeeEmployer: 'municipal', incidentType: 'physical-violence', channel: 'in-person', injury: 'none' },
  { organisation: 'nav-office', employeeEmployer: 'state', incidentType: 'threat-remote', channel: 'phone', injury: 'none' },
  {
    organisation: 'danish-municipality',
    employeeEmployer: 'municipal',
    incidentType: 'threat-in-person',
    channel: 'in-person',
    injury: 'minor',
  },
] as const;
const points = ['reporting', 'follow-up'] as const;

/** Waits this many turns of the microtask queue: starts a decision in the middle of others. */
const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await Promise.resolve();
};

describe('the json-rules-engine path decides concurrent calls as it decides them one by one', () => {
  it('property: any interleaving of starts gives the decisions made one at a time', async () => {
    const alone = new Map<string, Decision>();
    for (const point of points) {
      for (const [index, facts] of incidents.entries()) alone.set(`${point}/${index}`, await reference.decide(point, facts));
    }
    // The decisions are not empty, so an empty one below is a failure, not a coincidence.
    for (const decision of alone.values()) expect(decision.outcomes.length).toBeGreaterThan(0);
    const call = fc.record({
      point: fc.constantFrom(...points),
      incident: fc.nat({ max: incidents.length - 1 }),
      delay: fc.nat({ max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 2, maxLength: 12 }), async (calls) => {
        const decisions = await Promise.all(
          calls.map(async ({ point, incident, delay }) => {
            await turns(delay);
            return reference.decide(point, incidents[incident]!);
          }),
        );
        for (const [index, { point, incident }] of calls.entries()) expect(decisions[index]).toEqual(alone.get(`${point}/${incident}`));
      }),
      { numRuns: 60 },
    );
  });
});
