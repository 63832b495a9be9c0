/**
 * Why not, over the bundled policies, for every decision point: each alternative `decide(…,
 * { explain: true })` gives, applied to the facts, gives its status (and so does every value of
 * a range it names); no part of it does (minimal); no smaller change gives that status, and
 * every status a change can give has an alternative (both by brute force over the outcome's
 * slice, through the public decide path); no alternative changes a fixed fact; within one size
 * the nearer values come first.
 */
import type { Decision, FactValue, PointModel, PointOutcomeModel, PolicySet, Status } from '@vot/engine';
import {
  explainLimits,
  factsRead,
  namedConditions,
  nearestValues,
  outcomeConditions,
  outcomeSlice,
  type FactDomain,
} from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

let policies: PolicySet;
beforeAll(async () => {
  policies = await loadPolicies();
});

type Facts = Record<string, FactValue>;

/** The outcome a decided outcome is decided in: an overriding policy's outcome stands in its shared one's place. */
function slotOf(point: PointModel, rule: string, id: string): PointOutcomeModel {
  const policy = rule.slice(0, rule.indexOf('/'));
  const decider = point.outcomes.find((o) => o.policy === policy && o.id === id)!;
  const shared = decider.overrides ? point.outcomes.find((o) => o.policy === decider.overrides && o.id === id) : undefined;
  return shared ?? decider;
}

/** The status of one outcome (by its place) in a decision, or null when it is left out. */
function statusIn(point: PointModel, decision: Decision, slot: PointOutcomeModel): Status | null {
  const index = decision.outcomes.findIndex((o, i) => o.id === slot.id && slotOf(point, decision.trace.steps[i]!.rule, o.id) === slot);
  return index < 0 ? null : decision.outcomes[index]!.status;
}

/** The class of a value in a slice domain: its interval for a number, else the value itself. */
function classOf(domain: FactDomain, value: FactValue): number {
  if (!domain.intervals) return domain.values.indexOf(value);
  if (value === null) return domain.intervals.indexOf('none');
  return domain.intervals.findIndex((interval) => {
    if (interval === 'none') return false;
    const [start, end = start] = interval.split('..').map(Number) as [number, number?];
    return typeof value === 'number' && value >= start && value <= end!;
  });
}

/** Checks every outcome's alternatives for one record of facts at one point. */
function checkExplained(point: PointModel, record: Facts): number {
  const model = policies.model;
  const facts = new Map(model.facts.map((fact) => [fact.id, fact]));
  const complete = policies.validateFacts(point.id, record);
  const explained = policies.decideSync(point.id, record, { explain: true });
  const decided = new Map<string, Decision>();
  const decide = (changed: Facts): Decision => {
    const key = JSON.stringify(changed);
    let decision = decided.get(key);
    if (!decision) {
      decision = policies.decideValidated(point.id, { ...complete, ...changed }, { explain: false });
      decided.set(key, decision);
    }
    return decision;
  };
  let checked = 0;
  explained.outcomes.forEach((outcome, index) => {
    const slot = slotOf(point, explained.trace.steps[index]!.rule, outcome.id);
    const where = `${point.id} ${outcome.id} (${outcome.status}) for ${JSON.stringify(record)}`;
    const alternatives = outcome.alternatives!;
    expect(alternatives, where).toBeDefined();
    const slice = outcomeSlice(model, point, slot);
    const variables = slice.filter((domain) => facts.get(domain.fact)!.explain !== 'fixed');
    const cuts = factsRead(outcomeConditions(point, slot), namedConditions(point), facts).breakpoints;

    // Brute force over the slice: the fewest facts any change needs for each status.
    const fewest = new Map<Status, number>();
    const visit = (position: number, changed: Facts, size: number): void => {
      if (position === variables.length) {
        const status = statusIn(point, decide(changed), slot);
        if (status !== null && status !== outcome.status) fewest.set(status, Math.min(fewest.get(status) ?? Infinity, size));
        return;
      }
      const domain = variables[position]!;
      const here = classOf(domain, complete[domain.fact]!);
      domain.values.forEach((value, index) => {
        if (index === here) visit(position + 1, changed, size);
        else visit(position + 1, { ...changed, [domain.fact]: value }, size + 1);
      });
    };
    visit(0, {}, 0);

    const byStatus = new Map<Status, typeof alternatives>();
    for (const alternative of alternatives) {
      const { status, change } = alternative;
      byStatus.set(status, [...(byStatus.get(status) ?? []), alternative]);
      const changedFacts = Object.keys(change);
      expect(changedFacts.length, where).toBeGreaterThan(0);
      for (const fact of changedFacts) {
        expect(facts.get(fact)!.explain, `${where}: ${fact} is fixed`).not.toBe('fixed');
        const domain = variables.find((d) => d.fact === fact);
        expect(domain, `${where}: ${fact} is outside the slice`).toBeDefined();
        expect(classOf(domain!, change[fact]!), `${where}: ${fact} does not change`).not.toBe(classOf(domain!, complete[fact]!));
      }
      // Applied, it gives its status.
      expect(statusIn(point, decide(change), slot), `${where} with ${JSON.stringify(change)}`).toBe(status);
      // Every value of a range does too (its ends and each interval start inside it).
      for (const [fact, [from, to]] of Object.entries(alternative.ranges ?? {})) {
        const starts = variables
          .find((d) => d.fact === fact)!
          .values.filter((v): v is number => typeof v === 'number' && v > from && v <= to);
        for (const value of [from, to, ...starts]) {
          expect(statusIn(point, decide({ ...change, [fact]: value }), slot), `${where} with ${fact} ${value}`).toBe(status);
        }
      }
      // Minimal: no proper part of it gives the status.
      for (let mask = 1; mask < 2 ** changedFacts.length - 1; mask++) {
        const part = Object.fromEntries(changedFacts.filter((_, i) => mask & (1 << i)).map((fact) => [fact, change[fact]!]));
        expect(statusIn(point, decide(part), slot), `${where}: part ${JSON.stringify(part)} of ${JSON.stringify(change)}`).not.toBe(status);
      }
      checked++;
    }
    // Every status a change can give has alternatives, the first of them the smallest change there is.
    expect(new Set(byStatus.keys()), where).toEqual(new Set(fewest.keys()));
    for (const [status, list] of byStatus) {
      expect(list.length, where).toBeLessThanOrEqual(explainLimits.perStatus);
      const sizes = list.map((a) => Object.keys(a.change).length);
      expect(sizes[0], `${where}: smallest change for ${status}`).toBe(fewest.get(status));
      expect(sizes, where).toEqual([...sizes].sort((a, b) => a - b));
      // Within one size, the nearer values first: the sum of each value's place among its fact's nearest values.
      const rank = (change: Facts) =>
        Object.entries(change).reduce(
          (sum, [fact, value]) =>
            sum + nearestValues(facts.get(fact)!, cuts.get(fact) ?? new Set(), complete[fact]!).findIndex((near) => near.value === value),
          0,
        );
      for (let i = 1; i < list.length; i++) {
        if (sizes[i] === sizes[i - 1]) expect(rank(list[i]!.change), where).toBeGreaterThanOrEqual(rank(list[i - 1]!.change));
      }
    }
  });
  return checked;
}

/** Records a host could send for a point: every fact it reads, at a representative or any value of its domain. */
function records(point: PointModel): fc.Arbitrary<Facts> {
  // The incident's date is left to its default (the day of the decision): an explanation never changes it.
  const facts = policies.model.facts.filter((fact) => point.reads.includes(fact.id) && fact.type !== 'date');
  const values = facts.map((fact) => {
    const listed: FactValue[] =
      fact.type === 'integer' ? [fact.min, fact.max, 0, 1, 2, 12, 13] : fact.type === 'enum' ? fact.values : [false, true];
    const inDomain = listed.filter((v) => fact.type !== 'integer' || ((v as number) >= fact.min && (v as number) <= fact.max));
    const any =
      fact.type === 'integer'
        ? fc.oneof(fc.constantFrom(...inDomain), fc.integer({ min: fact.min, max: fact.max }))
        : fc.constantFrom(...inDomain);
    return fact.hasDefault && fact.default === null ? fc.option(any, { nil: null }) : any;
  });
  return fc
    .tuple(...values)
    .map((chosen) => Object.fromEntries(facts.flatMap((fact, i) => (chosen[i] === null ? [] : [[fact.id, chosen[i]!]]))) as Facts);
}

describe('why not, over the bundled policies', () => {
  it('property: every alternative gives its status, minimal and smallest, never changing a fixed fact, at every point', () => {
    const checked: Record<string, number> = {};
    for (const point of policies.model.points) {
      checked[point.id] = 0;
      fc.assert(
        fc.property(records(point), (record) => {
          checked[point.id]! += checkExplained(point, record);
        }),
        { numRuns: point.id === 'reaction' ? 15 : 30 },
      );
    }
    console.info(`why not: alternatives checked per point ${JSON.stringify(checked)}`);
    for (const point of policies.model.points) expect(checked[point.id], point.id).toBeGreaterThan(0);
  });

  it('holds for every example incident at every point its facts suffice for', () => {
    const dir = join(import.meta.dirname, '..', 'examples', 'incidents');
    for (const file of readdirSync(dir).sort()) {
      const { facts } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { facts: Facts };
      for (const point of policies.model.points) {
        if (point.requiredFacts.every((fact) => fact in facts)) checkExplained(point, facts);
      }
    }
  });

  it('says what would make exclusion permitted after a first, non-grave threat', () => {
    const incident = join(import.meta.dirname, '..', 'examples', 'incidents', '14-first-threat-why-not-exclusion.json');
    const { facts } = JSON.parse(readFileSync(incident, 'utf8')) as { facts: Facts };
    expect(facts).toMatchObject({ grave: false, priorIncidents: 0, writtenWarningGiven: false });
    const exclusion = policies.decideSync('reaction', facts, { explain: true }).outcomes.find((o) => o.id === 'exclusion-physical')!;
    expect(exclusion.status).toBe('not-permitted');
    expect(exclusion.alternatives!.map(({ status, change, ranges }) => ({ status, change, ranges }))).toEqual([
      { status: 'permitted', change: { grave: true }, ranges: undefined },
      { status: 'permitted', change: { priorIncidents: 1, writtenWarningGiven: true }, ranges: { priorIncidents: [1, 1000] } },
      { status: 'permitted', change: { priorIncidents: 1, oralWarningGiven: true }, ranges: { priorIncidents: [1, 1000] } },
    ]);
    expect(exclusion.alternatives![1]!.text.nb).toBe(
      '«Utestengelse fra fysisk oppmøte» ville vært tillatt hvis tidligere hendelser med samme bruker var minst 1 og skriftlig advarsel gitt var ja.',
    );
    checkExplained(policies.model.points.find((p) => p.id === 'reaction')!, facts);
  });

  it('never reads as advice: no sentence of any alternative is worded as an instruction', () => {
    const sentences = new Set<string>();
    for (const point of policies.model.points) {
      fc.assert(
        fc.property(records(point), (record) => {
          for (const outcome of policies.decideSync(point.id, record, { explain: true }).outcomes)
            for (const alternative of outcome.alternatives!) for (const text of Object.values(alternative.text)) sentences.add(text!);
        }),
        { numRuns: 40 },
      );
    }
    expect(sentences.size).toBeGreaterThan(20);
    for (const sentence of sentences) {
      // Every sentence is "«title» would (not) be …, if …": a conditional statement about the rules.
      expect(sentence).toMatch(/^«[^»]+» (would|ville) /);
      expect(sentence).not.toMatch(/\b(you|du|De) (should|must|bør|må|skal)\b|\b(should|bør|burde)\b/i);
    }
  });
});
