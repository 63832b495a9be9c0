/**
 * The finite fact domain of a decision point, reduced soundly for exhaustive analysis:
 * - only the facts the point reads are enumerated (the others cannot change its decision);
 * - an ordered fact (an integer, a date) is split into the intervals between the values the
 *   point compares it with, and one representative stands for each interval, because no
 *   condition can tell two values of the same interval apart.
 */
import { namedConditions } from '../compile/keys.js';
import { analysisValues } from '../fact-types/index.js';
import type { ConditionNode, FactModel, FactValue, PointModel, PointOutcomeModel, PolicySetModel } from '../model.js';
import { boundaries } from '../time/windows.js';
import { factsRead, outcomeConditions, outcomeDeciders, outcomeRules, pointConditions } from '../walk.js';

export interface FactDomain {
  fact: string;
  /** Representatives, smallest first; `null` stands for an absent fact whose default is `none`. */
  values: FactValue[];
  /** For ordered facts: the intervals the representatives stand for, e.g. `0`, `1..4`, `5..1000`. */
  intervals?: string[];
}

/** The facts of a model by id, for working out cut points. */
export const factsById = (model: PolicySetModel): Map<string, FactModel> => new Map(model.facts.map((f) => [f.id, f]));

/** The values at which some condition of the point can change its answer, per ordered fact. */
export function pointCuts(model: PolicySetModel, point: PointModel): Map<string, Set<FactValue>> {
  return factsRead(pointConditions(point), namedConditions(point), factsById(model)).breakpoints;
}

/** A fact's values for enumeration, an ordered fact cut at `breakpoints` (its type decides; see fact-types/). */
export function factDomain(fact: FactModel, breakpoints: ReadonlySet<FactValue> = new Set()): FactDomain {
  return { fact: fact.id, ...analysisValues(fact, breakpoints) };
}

/** The reduced domain of a point: one entry per fact it reads, in vocabulary order. */
export function pointDomain(model: PolicySetModel, point: PointModel): FactDomain[] {
  const breakpoints = pointCuts(model, point);
  const facts = factsById(model);
  return point.reads.map((id) => factDomain(facts.get(id)!, breakpoints.get(id)));
}

/**
 * The reduced domain one outcome's decision depends on, in vocabulary order: only the facts its
 * conditions read (see `outcomeConditions`), integers split at the numbers those conditions
 * compare with. Sound because an outcome is decided by its policy's scope and its own rules
 * alone (or, where an overriding policy applies, by that policy's scope and rules): every fact
 * outside the slice can be held at any valid value without changing the outcome, so enumerating
 * the slice covers every decision the outcome can take.
 */
export function outcomeSlice(model: PolicySetModel, point: PointModel, outcome: PointOutcomeModel): FactDomain[] {
  const conditions = outcomeConditions(point, outcome);
  const named = namedConditions(point);
  const slice = sliceDomain(model, conditions, named);
  // A decision lists only the sources in force on its date: where a rule cites a source with a
  // window, the date decides the outcome's basis too, cut at the sources' boundaries as well.
  const dateFact = model.facts.find((fact) => fact.id === model.decisionDate);
  const sources = new Map(model.sources.map((source) => [source.id, source]));
  const cited = outcomeDeciders(point, outcome).flatMap((decider) => outcomeRules(decider).flatMap((rule) => rule.basis));
  const sourceCuts = boundaries(cited.map((id) => sources.get(id)?.inForce));
  if (!dateFact || sourceCuts.length === 0) return slice;
  const cuts = new Set<FactValue>([...(factsRead(conditions, named, factsById(model)).breakpoints.get(dateFact.id) ?? []), ...sourceCuts]);
  const dated = factDomain(dateFact, cuts);
  const order = model.facts.map((fact) => fact.id);
  return [...slice.filter((domain) => domain.fact !== dateFact.id), dated].sort((a, b) => order.indexOf(a.fact) - order.indexOf(b.fact));
}

/**
 * The slice of the domain that decides the given conditions: the facts they read, in
 * vocabulary order, integers split where those conditions compare them.
 */
export function sliceDomain(
  model: PolicySetModel,
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
): FactDomain[] {
  const { read, breakpoints } = factsRead(conditions, named, factsById(model));
  return model.facts.filter((fact) => read.has(fact.id)).map((fact) => factDomain(fact, breakpoints.get(fact.id)));
}

export function domainSize(domains: readonly FactDomain[]): number {
  return domains.reduce((size, domain) => size * domain.values.length, 1);
}

/**
 * Every combination, as one reused record (copy it to keep it). Facts the point does not read
 * are filled from `base` (their defaults, or null).
 */
export function* combinations(
  domains: readonly FactDomain[],
  base: Readonly<Record<string, FactValue>>,
): Generator<Record<string, FactValue>> {
  const record: Record<string, FactValue> = Object.assign(Object.create(null) as Record<string, FactValue>, base);
  const indices = domains.map(() => 0);
  for (const domain of domains) record[domain.fact] = domain.values[0]!;
  if (domains.some((d) => d.values.length === 0)) return;
  while (true) {
    yield record;
    let position = domains.length - 1;
    while (position >= 0) {
      const domain = domains[position]!;
      indices[position]!++;
      if (indices[position]! < domain.values.length) {
        record[domain.fact] = domain.values[indices[position]!]!;
        break;
      }
      indices[position] = 0;
      record[domain.fact] = domain.values[0]!;
      position--;
    }
    if (position < 0) return;
  }
}

/** Defaults for every fact (null where there is none): the base record for enumeration. */
export function defaultFacts(model: PolicySetModel): Record<string, FactValue> {
  const base: Record<string, FactValue> = Object.create(null) as Record<string, FactValue>;
  for (const fact of model.facts) base[fact.id] = fact.hasDefault ? (fact.default ?? null) : null;
  return base;
}
