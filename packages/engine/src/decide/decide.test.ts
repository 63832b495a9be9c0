import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../diagnostics.js';
import { checkPolicyTexts } from '../pipeline/load-policies.js';
import { combinations, defaultFacts, domainSize, pointDomain } from '../analyze/domain.js';
import type { FactModel, FactValue, PolicySetModel } from '../model.js';
import { minimalPolicyMap } from '../testing/fixtures.js';
import { PolicySet } from './policy-set.js';

function model(settings?: Record<string, FactValue>): PolicySetModel {
  const checked = checkPolicyTexts(minimalPolicyMap(), { settings });
  if (!checked.model) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.model;
}

const compiled = new PolicySet(model());
const reference = new PolicySet(model(), { evaluator: 'json-rules-engine' });

const statusOf = (decision: { outcomes: Array<{ id: string; status: string }> }, id: string) =>
  decision.outcomes.find((o) => o.id === id)?.status ?? 'absent';

/** An arbitrary valid value of a fact, or absence where the fact has a default. */
function validValue(fact: FactModel): fc.Arbitrary<FactValue | undefined> {
  const base: fc.Arbitrary<FactValue> =
    fact.type === 'boolean'
      ? fc.boolean()
      : fact.type === 'integer'
        ? fc.integer({ min: fact.min!, max: fact.max! })
        : fc.constantFrom(...fact.values!);
  if (!fact.hasDefault) return base;
  return fc.oneof(base, fc.constant(undefined), ...(fact.default === null ? [fc.constant(null)] : []));
}

function validFacts(set: PolicySet): fc.Arbitrary<Record<string, FactValue>> {
  const entries = set.model.facts.map((fact) => validValue(fact).map((value) => [fact.id, value] as const));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)) as Record<string, FactValue>);
}

describe('decide', () => {
  it('lets the first rule that holds decide, else otherwise', async () => {
    const red = await compiled.decide('access', { colour: 'red', count: 20 });
    expect(statusOf(red, 'open-door')).toBe('not-permitted');
    expect(red.outcomes[0]!.reason.en).toBe('Red means stop.');
    const busy = await compiled.decide('access', { colour: 'green', count: 10 });
    expect(statusOf(busy, 'open-door')).toBe('permitted');
    const quiet = await compiled.decide('access', { colour: 'green', count: 9 });
    expect(statusOf(quiet, 'open-door')).toBe('not-permitted');
    expect(quiet.outcomes[0]!.reason.en).toBe('Not busy.');
  });

  it('gives conditional requirements, limits from settings and filled-in reasons', async () => {
    const green = await compiled.decide('access', { colour: 'green', count: 0, flag: true });
    expect(green.outcomes[0]).toMatchObject({ requires: ['ask-first', 'log-entry'], limits: { maxWeeks: 12 } });
    expect(green.outcomes[0]!.reason).toEqual({ nb: 'Travelt: høyst 12 uker.', en: 'Busy: at most 12 weeks.' });
    const blue = await compiled.decide('access', { colour: 'blue', count: 0, flag: true });
    expect(blue.outcomes[0]!.requires).toEqual(['ask-first']);
  });

  it('cites the outcome basis first, then the rule basis, with citation, link and verified flag', async () => {
    const decision = await compiled.decide('access', { colour: 'green', count: 0, weeks: 13 });
    const close = decision.outcomes.find((o) => o.id === 'close-door')!;
    expect(close.basis).toEqual([{ id: 'rule-book-2', citation: 'Rule book § 2', verified: false }]);
    const open = decision.outcomes.find((o) => o.id === 'open-door')!;
    expect(open.basis).toEqual([{ id: 'rule-book-1', citation: 'Rule book § 1', url: 'https://example.org/rule-book#1', verified: true }]);
  });

  it('leaves out an outcome marked `otherwise: omit` when no rule holds, and says so in the trace', async () => {
    const decision = await compiled.decide('access', { colour: 'green', count: 0 });
    expect(statusOf(decision, 'close-door')).toBe('absent');
    expect(decision.trace.omitted).toEqual([{ outcome: 'close-door', because: 'no-rule-held' }]);
  });

  it('traces the deciding rule and the conditions that failed above it, with file:line', async () => {
    const decision = await compiled.decide('access', { colour: 'green', count: 3 });
    const step = decision.trace.steps.find((s) => s.outcome === 'open-door')!;
    expect(step.rule).toBe('doors/open-door#otherwise');
    expect(step.at).toMatch(/^policies\/access\/doors\.yaml:\d+:\d+$/);
    expect(step.notHeld.map((n) => n.rule)).toEqual(['doors/open-door#1', 'doors/open-door#2']);
    expect(step.notHeld[1]!.failed.map((f) => f.condition)).toEqual(['count ≥ 10', 'flag is true']);
    expect(step.notHeld[1]!.failed[0]!.actual).toBe(3);
  });

  it('applies settings in force within their range and refuses others', async () => {
    const shorter = new PolicySet(model({ 'door.max-weeks': 4 }));
    const decision = await shorter.decide('access', { colour: 'green', count: 10, weeks: 5 });
    expect(decision.outcomes[0]!.limits).toEqual({ maxWeeks: 4 });
    expect(statusOf(decision, 'close-door')).toBe('required');
    expect(decision.policy.hash).not.toBe(compiled.policy.hash);
    const refused = checkPolicyTexts(minimalPolicyMap(), { settings: { 'door.max-weeks': 13 } });
    expect(refused.model).toBeUndefined();
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['setting-out-of-range']);
  });

  it('rejects an unknown point', async () => {
    await expect(compiled.decide('acces', { colour: 'red', count: 0 })).rejects.toThrow(/unknown decision point `acces`/);
  });

  it('rejects facts it cannot check, naming the fact', async () => {
    await expect(compiled.decide('access', { colour: 'red' })).rejects.toThrow(/missing fact `count`/);
    await expect(compiled.decide('access', { colour: 'purple', count: 1 })).rejects.toThrow(/fact `colour` has an invalid value/);
    await expect(compiled.decide('access', { colour: 'red', count: 1.5 })).rejects.toThrow(/fact `count`/);
    await expect(compiled.decide('access', { colour: 'red', count: 51 })).rejects.toThrow(/fact `count`/);
    await expect(compiled.decide('access', { colour: 'red', count: 1, extra: true })).rejects.toThrow(/unknown fact `extra`/);
    await expect(compiled.decide('access', 'colour=red')).rejects.toThrow(/facts must be an object/);
    await expect(compiled.decide('access', null)).rejects.toThrow(/facts must be an object/);
  });

  it('refuses `__proto__` in facts and never pollutes Object.prototype', async () => {
    const hostile = JSON.parse('{"colour":"red","count":1,"__proto__":{"polluted":"yes"}}') as unknown;
    await expect(compiled.decide('access', hostile)).rejects.toThrow(/unknown fact `__proto__`/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('property: valid facts always decide, deterministically, with a basis for every required or permitted outcome', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts(compiled), async (facts) => {
        const first = await compiled.decide('access', facts);
        const second = await compiled.decide('access', structuredClone(facts));
        expect(second).toEqual(first);
        for (const outcome of first.outcomes) {
          expect(['required', 'recommended', 'permitted', 'not-permitted']).toContain(outcome.status);
          if (outcome.status !== 'not-permitted') expect(outcome.basis.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: facts with one value outside its domain are always refused with a PolicyError naming it', async () => {
    const facts = compiled.model.facts;
    const invalid = fc.oneof(
      fc.string(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc.constant(null),
      fc.double(),
      fc.array(fc.nat(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(validFacts(compiled), fc.constantFrom(...facts), invalid, async (valid, fact, value) => {
        const fits =
          (fact.type === 'boolean' && typeof value === 'boolean') ||
          (fact.type === 'integer' && typeof value === 'number' && Number.isInteger(value) && value >= fact.min! && value <= fact.max!) ||
          (fact.type === 'enum' && typeof value === 'string' && fact.values!.includes(value)) ||
          (value === null && fact.hasDefault && fact.default === null);
        fc.pre(!fits);
        const error = await compiled.decide('access', { ...valid, [fact.id]: value }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(PolicyError);
        expect((error as PolicyError).diagnostics.some((d) => d.message.includes(`\`${fact.id}\``))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('differential: the compiled path and json-rules-engine agree on every combination of the reduced domain', async () => {
    const point = compiled.model.points[0]!;
    const domains = pointDomain(compiled.model, point);
    expect(domainSize(domains)).toBeGreaterThan(20);
    let compared = 0;
    for (const combination of combinations(domains, defaultFacts(compiled.model))) {
      const facts = Object.fromEntries(Object.entries(combination).filter(([, v]) => v !== null));
      const [fast, slow] = await Promise.all([compiled.decide('access', facts), reference.decide('access', facts)]);
      expect(fast).toEqual(slow);
      compared++;
    }
    expect(compared).toBe(domainSize(domains));
  });
});
