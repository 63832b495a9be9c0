/**
 * The finite fact domain of a decision point, reduced soundly for exhaustive analysis:
 * - only the facts the point reads are enumerated (the others cannot change its decision);
 * - an ordered fact (an integer, a date) is split into the intervals between the values the
 *   point compares it with, and one representative stands for each interval, because no
 *   condition can tell two values of the same interval apart;
 * - where asked (`sliceDomain` with `byClass`: the regulation gate), an equality fact (an enum,
 *   a yes/no) takes one value per class of values its tests name alike (`valueClasses`), for
 *   the same reason.
 */
import { namedConditions } from '../compile/keys.js';
import type { CompareOperator } from '../model.js';
import { analysisValues } from '../fact-types/index.js';
import type { ConditionNode, FactModel, FactValue, PointModel, PointOutcomeModel, PolicySetModel } from '../model.js';
import { boundaries } from '../time/windows.js';
import { factsRead, outcomeConditions, outcomeDeciders, outcomeRules, pointConditions, walkTests } from '../walk.js';

export interface FactDomain {
  fact: string;
  /** Representatives, smallest first; `null` stands for an absent fact whose default is `none`. */
  values: FactValue[];
  /** For ordered facts: the intervals the representatives stand for, e.g. `0`, `1..4`, `5..1000`. */
  intervals?: string[];
  /**
   * For a fact enumerated by classes (`sliceDomain` with `byClass`): per representative, at the
   * same index as `values`, every value it stands for, the representative first.
   */
  classes?: FactValue[][];
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
 * vocabulary order, integers split where those conditions compare them. With `byClass`, a fact
 * tested only for equality (an enum, a yes/no) is enumerated by classes of values the
 * conditions cannot tell apart (see `valueClasses`): one representative per class.
 */
export function sliceDomain(
  model: PolicySetModel,
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
  options: { byClass?: boolean } = {},
): FactDomain[] {
  const { read, breakpoints } = factsRead(conditions, named, factsById(model));
  const domains = model.facts.filter((fact) => read.has(fact.id)).map((fact) => factDomain(fact, breakpoints.get(fact.id)));
  if (!options.byClass) return domains;
  const facts = factsById(model);
  return byClass(domains, conditions, named, (id) => {
    const fact = facts.get(id)!;
    return fact.hasDefault ? (fact.default ?? null) : undefined;
  });
}

/**
 * The domains with each equality fact (no intervals) cut down to one representative per class of
 * values the conditions cannot tell apart (see `valueClasses`); `preferred` names the value that
 * should represent its class (the default), if any.
 */
export function byClass<D extends FactDomain>(
  domains: readonly D[],
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
  preferred: (fact: string) => FactValue | undefined = () => undefined,
): D[] {
  const tests = equalityTests(conditions, named);
  return domains.map((domain) => {
    const sets = tests.get(domain.fact);
    return domain.intervals || !sets ? domain : { ...domain, ...classDomain(domain, sets, preferred(domain.fact)) };
  });
}

const equalityOps: ReadonlySet<CompareOperator> = new Set(['eq', 'ne', 'in', 'notIn']);

/**
 * Per fact, the distinct sets of values its tests name, or null for a fact some test orders
 * (`≥`, `<` …), which cannot be classed by naming alone.
 */
export function equalityTests(
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
): Map<string, Map<string, FactValue[]> | null> {
  const tests = new Map<string, Map<string, FactValue[]> | null>();
  walkTests(conditions, named, (node) => {
    if (tests.get(node.fact) === null) return;
    if (!equalityOps.has(node.op)) {
      tests.set(node.fact, null);
      return;
    }
    const values = Array.isArray(node.value) ? node.value : [node.value];
    const sets = tests.get(node.fact) ?? new Map<string, FactValue[]>();
    // `is`/`in` hold exactly for the values named, `isNot`/`notIn` for the others: one set either way.
    sets.set(JSON.stringify(values.map((value) => JSON.stringify(value)).sort()), values);
    tests.set(node.fact, sets);
  });
  return tests;
}

/**
 * Classes of values that a set of conditions cannot tell apart. Every test of an equality fact
 * (`is`, `isNot`, `in`, `notIn`) holds for a value exactly when the value is (or is not) in
 * the set of values it names, so two values named by exactly the same tests get the same answer
 * from every test, hence from every condition built of them, and every value no test names falls
 * in one class. The classes are in vocabulary order of their first value; the representative is
 * the fact's default where the class holds it (so the default stays enumerated), else the first.
 *
 * Sound for a decision only because nothing but conditions reads an equality fact's value on the
 * decision path: a decision's statuses, requirements, limits, reasons and basis come from the
 * rules the conditions select (settings are folded into the conditions and limits when the set
 * is checked), the date is an ordered fact, never classed, and the scope index only leaves out
 * policies whose scope cannot hold for the value it is given, which answers for the whole class
 * as the scope does. The record a decision echoes holds the representative; no check reads it.
 */
export function valueClasses(values: readonly FactValue[], tests: Iterable<readonly FactValue[]>, preferred?: FactValue): FactValue[][] {
  const sets = [...tests];
  const signatures = new Map<FactValue, number[]>();
  sets.forEach((set, index) => {
    for (const value of set) {
      const list = signatures.get(value);
      if (list) list.push(index);
      else signatures.set(value, [index]);
    }
  });
  const classes = new Map<string, FactValue[]>();
  for (const value of values) {
    const signature = (signatures.get(value) ?? []).join(',');
    const known = classes.get(signature);
    if (known) known.push(value);
    else classes.set(signature, [value]);
  }
  return [...classes.values()].map((members) => {
    const at = preferred === undefined ? -1 : members.indexOf(preferred);
    return at <= 0 ? members : [members[at]!, ...members.slice(0, at), ...members.slice(at + 1)];
  });
}

/** A domain cut down to one representative per class of values the tests cannot tell apart. */
function classDomain(domain: FactDomain, sets: ReadonlyMap<string, FactValue[]>, preferred: FactValue | undefined): FactDomain {
  const classes = valueClasses(domain.values, sets.values(), preferred);
  if (classes.length === domain.values.length) return domain;
  return { fact: domain.fact, values: classes.map((members) => members[0]!), classes };
}

/**
 * The domain without the values a required condition excludes: `required` gives, per fact, the
 * only values for which the condition can hold (a conjunctive `is`/`in`). Only equality facts
 * (no intervals) are cut: a representative stands for its class, and a class is admitted whole
 * or not at all when the condition's own tests were among those the classes were made from.
 */
export function restrictClasses(domains: readonly FactDomain[], required: ReadonlyMap<string, ReadonlySet<FactValue>>): FactDomain[] {
  return domains.map((domain) => {
    const admitted = required.get(domain.fact);
    if (!admitted || domain.intervals) return domain;
    const keep = domain.values.map((value) => admitted.has(value));
    const restricted: FactDomain = { ...domain, values: domain.values.filter((_, index) => keep[index]) };
    if (domain.classes) restricted.classes = domain.classes.filter((_, index) => keep[index]);
    return restricted;
  });
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
