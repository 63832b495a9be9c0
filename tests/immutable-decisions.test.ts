/**
 * Decisions and the model are deep-frozen and share nothing a host can change: a host that
 * mutates one decision cannot change another, mutating `policies.model` is impossible (so the
 * policy hash always names the rules that decide), and the audit record is made from the facts
 * the decision was decided on, not from the host's object read again.
 */
import { PolicySet, type Decision } from '@vot/engine';
import { combinations, defaultFacts, pointDomain } from '@vot/engine/tools';
import { loadPolicies, toAuditRecord } from '@vot/policies';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reactionFacts } from './service-harness.js';

let policies: PolicySet;
beforeAll(async () => {
  policies = await loadPolicies({ dir: 'policies' });
});

const facts = reactionFacts;

/** Paths of every object reachable from `value` that is not frozen. */
function unfrozen(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const own = Object.isFrozen(value) ? [] : [path];
  return [
    ...own,
    ...Reflect.ownKeys(value).flatMap((key) => unfrozen((value as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`, seen)),
  ];
}

describe('immutable decisions and model', () => {
  it('property: every decision at every point is deep-frozen, on both evaluation paths', async () => {
    const reference = new PolicySet(policies.model, { evaluator: 'json-rules-engine' });
    // The first 400 combinations of each point (copied: the enumeration may reuse its record).
    const samples = policies.model.points.map((point) => {
      const out: Array<Record<string, unknown>> = [];
      for (const record of combinations(pointDomain(policies.model, point), defaultFacts(policies.model)))
        if (out.push({ ...record }) >= 400) break;
      return out;
    });
    await fc.assert(
      fc.asyncProperty(fc.nat(policies.model.points.length - 1), fc.nat(399), fc.boolean(), async (p, i, explain) => {
        const point = policies.model.points[p]!;
        const list = samples[p]!;
        const given = Object.fromEntries(Object.entries(list[i % list.length]!).filter(([, v]) => v !== null));
        for (const decision of [policies.decideSync(point.id, given, { explain }), await reference.decide(point.id, given, { explain })])
          expect(unfrozen(decision)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a host that changes one decision cannot change another: the change is refused', async () => {
    const first = await policies.decide('reaction', facts);
    const outcome = first.outcomes.find((o) => o.id === 'exclusion-physical')!;
    expect(() => {
      (outcome as { status: string }).status = 'permitted';
    }).toThrow(TypeError);
    expect(() => (outcome.basis as unknown[]).push({ id: 'forged' })).toThrow(TypeError);
    expect(() => {
      (outcome.reason as { en: string }).en = 'forged';
    }).toThrow(TypeError);
    expect(() => {
      (first.policy as { hash: string }).hash = 'sha256:forged';
    }).toThrow(TypeError);
    const second = await policies.decide('reaction', facts);
    expect(second).toEqual(first);
  });

  it('changing policies.model is impossible, so decisions and the hash stay those of the checked rules', async () => {
    const before = await policies.decide('reaction', { ...facts, priorIncidents: 0, writtenWarningGiven: false });
    const exclusion = policies.model.points.find((p) => p.id === 'reaction')!.outcomes.find((o) => o.id === 'exclusion-physical')!;
    expect(() => {
      (exclusion.otherwise as { status: string }).status = 'permitted';
    }).toThrow(TypeError);
    expect(() => (exclusion.rules as unknown[]).splice(0)).toThrow(TypeError);
    expect(() => {
      (policies.model as { hash: string }).hash = 'sha256:forged';
    }).toThrow(TypeError);
    expect(await policies.decide('reaction', { ...facts, priorIncidents: 0, writtenWarningGiven: false })).toEqual(before);
    expect(unfrozen(policies.model)).toEqual([]);
  });

  it('a model a host passes to new PolicySet is frozen too: the host cannot change it afterwards', () => {
    const model = structuredClone(policies.model) as typeof policies.model;
    const set = new PolicySet(model);
    expect(() => {
      (model as { version: string }).version = '9.9.9';
    }).toThrow(TypeError);
    expect(set.model.version).toBe(policies.model.version);
  });

  it('the audit record keeps the facts decided on, whatever a Proxy answers when read again', async () => {
    let reads = 0;
    // Answers 2 on the first read of priorIncidents and 0 afterwards.
    const proxy = new Proxy(facts, {
      getOwnPropertyDescriptor(target, key) {
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
        if (key === 'priorIncidents' && descriptor) return { ...descriptor, value: reads++ === 0 ? 2 : 0 };
        return descriptor;
      },
      get(target, key) {
        return key === 'priorIncidents' ? 0 : Reflect.get(target, key);
      },
    });
    const decision: Decision = await policies.decide('reaction', proxy);
    expect(decision.facts.priorIncidents).toBe(2);
    const record = toAuditRecord(decision, proxy, new Date('2026-03-01T09:30:00Z'));
    expect(record.facts.priorIncidents).toBe(2);
    expect(toAuditRecord(decision, new Date('2026-03-01T09:30:00Z'))).toEqual(record);
    // Replaying the record gives the decision it records.
    expect((await policies.decide('reaction', record.facts)).outcomes).toEqual(decision.outcomes);
  });
});
