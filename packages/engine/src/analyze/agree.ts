/**
 * Points that agree: a duty obligation relating two decision points, checked over the whole
 * finite fact domain like an invariant. "Wherever `reaction` permits `police-report`, `sharing`
 * with the police of the incident account permits `share-personal-data`": a host asks both
 * points about one incident, and the two answers must not contradict each other.
 *
 * Semantics. Both sides see the same fact record X (one incident); each side may fix some facts
 * with `with` (the sharing side fixes `recipient: police`), which then hold on that side only.
 * For every X inside the catalogue's scope and `when`: if the premise's point, decided on X with
 * its `with`, meets the premise's expectation, the conclusion's point, decided on X with its
 * `with`, must meet the conclusion's. A fact neither side reads unfixed, nor the scope or `when`,
 * cannot change the answer and is held at its default; every other fact ranges over its whole
 * (reduced) domain, so facts not fixed by `with` are free on both sides and the same on both.
 *
 * The reduction is the invariant's (analyze/gate.ts): each side decides only its one outcome,
 * from the slice of facts its policies' scopes and that outcome's rules read, integers cut where
 * some condition of either side compares them.
 */
import { namedConditions } from '../compile/keys.js';
import { compilePredicate } from '../compile/predicate.js';
import type { BasisEntry } from '../decide/decision.js';
import { locationText } from '../location.js';
import type { AgreeSideModel, DutyCatalogueModel, DutyObligationModel, FactValue, PointModel, PolicySetModel } from '../model.js';
import { factsRead, pointConditions } from '../walk.js';
import type { Window } from '../time/windows.js';
import { combinations, defaultFacts, domainSize, sliceDomain } from './domain.js';
import { periodEnumerations } from './periods.js';
import { decidedFor, gateSlice, meets, minimise, naiveSize, slicedDecider, type DecidedForDuty, type ObligationResult } from './gate.js';

/** An obligation that two points agree. */
export type Agreement = Extract<DutyObligationModel, { kind: 'agree' }>;

/** A shared fact record: each side lays its fixed facts over it while it decides, then puts them back. */
type Facts = Record<string, FactValue>;

/** The two sides of an agreement: the premise (YAML `if`) and the conclusion (YAML `then`). */
export const sidesOf = (obligation: Agreement): [AgreeSideModel, AgreeSideModel] => [obligation.premise, obligation.conclusion];

/** One side ready to decide: its outcome on any shared record, with its own fixed facts laid over it. */
function sideDecider(model: PolicySetModel, catalogue: DutyCatalogueModel, side: AgreeSideModel, basis: ReadonlyMap<string, BasisEntry>) {
  const point = model.points.find((p) => p.id === side.point)!;
  const decider = slicedDecider(model, catalogue, point, [side.outcome], null, basis);
  const conditions = pointConditions(decider.slice.point);
  const fixed = Object.entries(side.with);
  const saved: FactValue[] = [];
  /** Decides on the shared record with this side's facts laid over it, and puts the shared values back. */
  const decide = (facts: Facts): DecidedForDuty => {
    fixed.forEach(([fact, value], index) => {
      saved[index] = facts[fact]!;
      facts[fact] = value;
    });
    try {
      return decidedFor(model, decider.slice, decider.decide(facts), side.outcome);
    } finally {
      fixed.forEach(([fact], index) => {
        facts[fact] = saved[index]!;
      });
    }
  };
  return {
    point,
    conditions,
    named: decider.slice.named,
    /** The facts this side reads that its `with` leaves free: these are shared with the other side. */
    free: new Set([...factsRead(conditions, decider.slice.named).read].filter((fact) => !Object.hasOwn(side.with, fact))),
    decide,
    meets: (decided: DecidedForDuty): boolean => side.expect.every((expect) => meets(expect, [decided])),
  };
}

/** The reduced and the unreduced domain of both points together, for the summary. */
function wholeDomains(model: PolicySetModel, points: readonly PointModel[]): { reduced: number; naive: number } {
  const named = new Map(points.flatMap((point) => [...namedConditions(point)]));
  const reduced = domainSize(
    sliceDomain(
      model,
      points.flatMap((point) => pointConditions(point)),
      named,
    ),
  );
  return { reduced, naive: naiveSize(model, [...new Set(points.flatMap((point) => point.reads))]) };
}

/** Checks that two points agree over every combination of the facts either side reads. */
export function checkAgreement(
  model: PolicySetModel,
  catalogue: DutyCatalogueModel,
  obligation: Agreement,
  basis: ReadonlyMap<string, BasisEntry>,
  dutyWindow?: Window,
): ObligationResult {
  const [premise, conclusion] = sidesOf(obligation).map((side) => sideDecider(model, catalogue, side, basis)) as [
    ReturnType<typeof sideDecider>,
    ReturnType<typeof sideDecider>,
  ];
  const holdsScope = catalogue.scope ? compilePredicate(catalogue.scope, new Map()) : () => true;
  const holdsWhen = obligation.when ? compilePredicate(obligation.when, new Map()) : () => true;
  const applies = (facts: Facts): boolean => holdsScope(facts) && holdsWhen(facts);

  // Every fact either side reads unfixed, or the scope or `when` reads; integers cut where any of them compares.
  const shared = factsRead([catalogue.scope, obligation.when], new Map()).read;
  const named = new Map([...premise.named, ...conclusion.named]);
  const domains = gateSlice(model, [...premise.conditions, ...conclusion.conditions], named, [catalogue.scope, obligation.when]).filter(
    (domain) => shared.has(domain.fact) || premise.free.has(domain.fact) || conclusion.free.has(domain.fact),
  );
  const whole = wholeDomains(model, [premise.point, conclusion.point]);
  const result: ObligationResult = {
    kind: 'agree',
    ok: true,
    at: locationText(obligation.at),
    premise: obligation.premise,
    conclusion: obligation.conclusion,
    slice: domains.map((d) => d.fact),
    sliceCombinations: 0,
    combinations: 0,
    applicable: 0,
    triggered: 0,
    pointCombinations: whole.reduced,
    naiveCombinations: whole.naive,
  };
  if (obligation.when) result.when = obligation.when;
  const fails = (facts: Facts): boolean =>
    applies(facts) && premise.meets(premise.decide(facts)) && !conclusion.meets(conclusion.decide(facts));
  // Law in time: every period the duty is in force and both points decide, the date pinned where it matters.
  const enumerations = periodEnumerations(model, [premise.point, conclusion.point], dutyWindow, domains);
  for (const enumeration of enumerations) {
    result.sliceCombinations! += domainSize(enumeration.domains);
    for (const facts of combinations(enumeration.domains, defaultFacts(model))) {
      result.combinations!++;
      if (!applies(facts)) continue;
      result.applicable!++;
      if (!premise.meets(premise.decide(facts))) continue;
      result.triggered!++;
      if (conclusion.meets(conclusion.decide(facts))) continue;
      result.ok = false;
      (result.brokenIn ??= []).push(...enumeration.periods);
      if (!result.counterexample) {
        const found = minimise(model, enumeration.domains, { ...facts }, fails, (f) => [premise.decide(f), conclusion.decide(f)]);
        result.counterexample = {
          ...found,
          periods: enumeration.periods,
          sides: sidesOf(obligation).map((side, index) => ({ point: side.point, with: side.with, decided: [found.decided[index]!] })),
        };
      }
      break;
    }
  }
  if (result.triggered === 0) {
    // The premise never holds inside the scope: the obligation checks nothing, a gap to look at.
    result.ok = false;
    result.vacuous = true;
  }
  return result;
}
