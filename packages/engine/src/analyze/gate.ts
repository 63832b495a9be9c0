/**
 * The regulation gate: every obligation of every duty catalogue, checked against the whole
 * finite fact domain, not a sample.
 *
 * Sound reduction. An invariant names a point P, a condition C and outcomes O. The statuses of O
 * depend only on the scopes of P's policies, the rules (and conditional requirements) of O, and
 * the named conditions these use; whether the invariant applies depends only on C and the
 * catalogue's scope. So only the facts those conditions read (the slice) are enumerated, every
 * other fact held at its default; integers are split at the numbers those conditions compare
 * with, and an equality fact (an enum such as the organisation) takes one value per class of
 * values no test of those conditions tells apart (analyze/domain.ts `valueClasses`), so a duty
 * enumerates only the organisations its conditions can tell apart; values the catalogue's scope
 * or `when` rules out conjunctively are not enumerated at all. Each combination is decided by
 * the shared combining step (`assembleDecision`) over a point that holds just the outcomes O and
 * the policies deciding them, with compiled predicates and the scope index.
 *
 * Smallest counterexample. Each fact's values are tried default first, then in vocabulary order
 * (integers smallest first), so the first failing combination is small; it is then minimised by
 * putting back the default of every fact whose value does not matter to the failure.
 */
import { compilePredicate, type Predicate } from '../compile/predicate.js';
import { isLive } from '../status.js';
import { locationText } from '../location.js';
import { conditionKeys, namedConditions } from '../compile/keys.js';
import { assembleDecision, basisIndex, type BasisEntry, type Decision } from '../decide/decision.js';
import type {
  AgreeSideModel,
  ConditionNode,
  DutyCatalogueModel,
  DutyExpectation,
  DutyModel,
  DutyObligationModel,
  ExpectedStatus,
  FactModel,
  FactValue,
  PointModel,
  PolicySetModel,
  RuleModel,
  Text,
  Window,
} from '../model.js';
import { combinations, defaultFacts, domainSize, pointDomain, restrictClasses, sliceDomain, type FactDomain } from './domain.js';
import { buildScopeIndex, candidatePolicies, requiredValues } from '../decide/scope-index.js';
import { analysisDate, periodEnumerations, periodsIn, periodsOf, type Period } from './periods.js';
import { outcomeRules, pointConditions } from '../walk.js';
import { valueCount } from '../fact-types/index.js';
import { checkAgreement, sidesOf } from './agree.js';

export interface DecidedForDuty {
  outcome: string;
  status: ExpectedStatus;
  /** The rule that decided: `<policy>/<outcome>#<n>`; absent when the outcome was left out. */
  rule?: string;
  /** Where that rule is written: `file:line:col`. */
  at?: string;
  requires?: string[];
  limits?: Record<string, number>;
  /** A limit the host may raise through a setting, at the highest value it allows. */
  settingLimits?: Record<string, { setting: string; max: number }>;
  reason?: Text;
}

export interface Counterexample {
  /** The facts that matter to the failure; every fact not listed has its default. */
  facts: Record<string, FactValue>;
  /**
   * For a listed fact whose value stands for a class (analyze/domain.ts `valueClasses`): the
   * other values of the class, which no condition tells apart from it, so they fail alike.
   */
  alike?: Record<string, FactValue[]>;
  decided: DecidedForDuty[];
  /** Two points that agree: each side's decision, at its point, with the facts its `with` fixes. */
  sides?: Array<{ point: string; with: Record<string, FactValue>; decided: DecidedForDuty[] }>;
  /** The periods the failure stands for (one, when the decision's date matters to it). */
  periods: Period[];
}

export interface ObligationResult {
  kind: 'invariant' | 'coverage' | 'agree';
  ok: boolean;
  at: string;
  point?: string;
  expect?: DutyExpectation;
  /** The invariant's condition: only combinations where it holds are checked. */
  when?: ConditionNode;
  /** Invariants: the facts enumerated, the combinations tried, those inside the duty's condition. */
  slice?: string[];
  /** The size of the slice's domain; `combinations` is smaller only when a failure stopped it. */
  sliceCombinations?: number;
  combinations?: number;
  applicable?: number;
  /** The reduced domain of the whole point, and the product of every fact's full range. */
  pointCombinations?: number;
  naiveCombinations?: number;
  counterexample?: Counterexample;
  /** Invariants: every period in which the invariant fails (the counterexample is from the first). */
  brokenIn?: Period[];
  /** An invariant whose condition never holds inside the catalogue's scope checks nothing: a gap. */
  vacuous?: boolean;
  /** Two points that agree: the side that binds (YAML `if`) and the side bound (YAML `then`). */
  premise?: AgreeSideModel;
  conclusion?: AgreeSideModel;
  /** Two points that agree: the combinations where the premise held, so the conclusion was checked. */
  triggered?: number;
  /** Coverage: the source that must be cited, and the outcomes that cite it. */
  cites?: BasisEntry;
  citedBy?: Array<{ point: string; outcome: string; rule: string; at: string }>;
}

export interface DutyResult {
  id: string;
  catalogue: string;
  title: Text;
  basis: BasisEntry[];
  at: string;
  ok: boolean;
  /** When the duty is in force (absent: always); its invariants are checked in the periods inside. */
  inForce?: Window;
  obligations: ObligationResult[];
}

/** One period of the set and the duties in force in it: how many, and those broken there. */
export interface PeriodResult {
  period: Period;
  duties: number;
  broken: string[];
}

export interface TraceabilityRow {
  duty: string;
  catalogue: string;
  /** The outcomes that implement the duty: named by one of its invariants, or citing one of its sources. */
  outcomes: Array<{ point: string; outcome: string; via: 'invariant' | 'agree' | 'basis' }>;
}

export interface GateReport {
  ok: boolean;
  duties: DutyResult[];
  /** Every period of the set (analyze/periods.ts), with the duties in force and broken in each. */
  periods: PeriodResult[];
  traceability: TraceabilityRow[];
  /** Combinations decided over all invariants. */
  combinations: number;
  timings: { totalMs: number; combinationsPerSecond: number };
}

export interface GateOptions {
  /** Only these catalogues (default: all). */
  catalogues?: readonly string[];
}

/**
 * The slice of the domain that decides the given conditions (see `sliceDomain`), equality facts
 * by classes of values the conditions cannot tell apart, each fact's default first, so the first
 * failing combination found is the one closest to the defaults. `within` are conditions every
 * combination that counts must meet (a catalogue's scope, an invariant's `when`): the values
 * they rule out conjunctively are dropped up front (they are among `conditions` as well, so a
 * class is ruled out whole).
 */
export function gateSlice(
  model: PolicySetModel,
  conditions: ReadonlyArray<ConditionNode | null>,
  named: ReadonlyMap<string, ConditionNode>,
  within: ReadonlyArray<ConditionNode | null> = [],
): FactDomain[] {
  const byId = new Map(model.facts.map((fact) => [fact.id, fact]));
  const domains = sliceDomain(model, [...conditions, ...within], named, { byClass: true });
  const required = new Map<string, Set<FactValue>>();
  for (const condition of within) {
    if (!condition) continue;
    for (const [fact, values] of requiredValues(condition, named)) {
      const known = required.get(fact);
      required.set(fact, known ? new Set([...known].filter((value) => values.has(value))) : values);
    }
  }
  return restrictClasses(domains, required).map((domain) => defaultFirst(byId.get(domain.fact)!, domain));
}

/** Moves the fact's default to the front (an integer default stands for its interval; a class's representative is its default). */
function defaultFirst(fact: FactModel, domain: FactDomain): FactDomain {
  if (!fact.hasDefault) return domain;
  const wanted = fact.default ?? null;
  let index = domain.values.indexOf(wanted);
  const values = [...domain.values];
  if (index < 0 && typeof wanted === 'number') {
    // The default lies inside an interval: let it represent that interval.
    index = values.reduce<number>((found, value, i) => (typeof value === 'number' && value <= wanted ? i : found), -1);
    if (index < 0) return domain;
    values[index] = wanted;
  }
  if (index <= 0) return { ...domain, values };
  const front = <T>(list: readonly T[]): T[] => [list[index]!, ...list.slice(0, index), ...list.slice(index + 1)];
  const reordered: FactDomain = { fact: domain.fact, values: front(values) };
  if (domain.classes) reordered.classes = front(domain.classes);
  return reordered;
}

const pointSizes = new WeakMap<PointModel, number>();

/** The size of a point's reduced domain, worked out once per point (it reads every policy of the point). */
function pointSize(model: PolicySetModel, point: PointModel): number {
  let size = pointSizes.get(point);
  if (size === undefined) pointSizes.set(point, (size = domainSize(pointDomain(model, point))));
  return size;
}

/** The product of every fact's full range, without any reduction. */
export function naiveSize(model: PolicySetModel, factIds: readonly string[]): number {
  const byId = new Map(model.facts.map((f) => [f.id, f]));
  return factIds.reduce((size, id) => {
    return size * valueCount(byId.get(id)!);
  }, 1);
}

const expectedOutcomes = (expect: DutyExpectation): string[] => (expect.kind === 'any-of' ? expect.outcomes : [expect.outcome]);

/** A point cut down to the outcomes an invariant is about, with their compiled conditions. */
interface PointSlice {
  point: PointModel;
  named: Map<string, ConditionNode>;
  holds: (key: string, facts: Readonly<Record<string, FactValue>>) => boolean;
  rules: Map<string, RuleModel>;
}

/**
 * The point cut down to the outcomes `outcomeIds` and the policies that decide them: those that
 * list one, and those that override one (their scope decides which policy's outcome counts). No
 * other policy's scope or rules can change these outcomes, so leaving them out changes no
 * decision of them and keeps their conditions (another organisation's pack) out of the slice.
 */
function slicePoint(point: PointModel, outcomeIds: ReadonlySet<string>): PointSlice {
  const outcomes = point.outcomes.filter((o) => outcomeIds.has(o.id));
  const deciding = new Set(outcomes.flatMap((o) => [o.policy, ...(o.overriddenBy ?? [])]));
  const sliced: PointModel = { ...point, policies: point.policies.filter((p) => deciding.has(p.id)), outcomes };
  const named = namedConditions(point);
  const cache = new Map<string, Predicate>();
  const predicates = new Map<string, Predicate>();
  for (const { key, condition } of conditionKeys(sliced)) predicates.set(key, compilePredicate(condition, named, cache));
  const rules = new Map<string, RuleModel>();
  for (const outcome of sliced.outcomes) for (const rule of outcomeRules(outcome)) rules.set(rule.key, rule);
  return { point: sliced, named, holds: (key, facts) => predicates.get(key)!(facts), rules };
}

export function decidedFor(model: PolicySetModel, slice: PointSlice, decision: Decision, id: string): DecidedForDuty {
  const outcome = decision.outcomes.find((o) => o.id === id);
  if (!outcome) return { outcome: id, status: 'absent' };
  const step = decision.trace.steps.find((s) => s.outcome === id)!;
  const rule = slice.rules.get(step.rule);
  const result: DecidedForDuty = { outcome: id, status: outcome.status, rule: step.rule, at: step.at, reason: outcome.reason };
  if (outcome.requires) result.requires = outcome.requires;
  if (outcome.limits) result.limits = outcome.limits;
  for (const [limit, settingId] of Object.entries(rule?.limitSettings ?? {})) {
    const setting = model.settings.find((s) => s.id === settingId);
    if (typeof setting?.max === 'number') (result.settingLimits ??= {})[limit] = { setting: settingId, max: setting.max };
  }
  return result;
}

/** Whether the decided outcomes meet the expectation. */
export function meets(expect: DutyExpectation, decided: readonly DecidedForDuty[]): boolean {
  const of = (id: string) => decided.find((d) => d.outcome === id)!;
  switch (expect.kind) {
    case 'status':
      return expect.statuses.includes(of(expect.outcome).status);
    case 'any-of':
      return expect.outcomes.some((id) => expect.statuses.includes(of(id).status));
    case 'limit': {
      const outcome = of(expect.outcome);
      if (!isLive(outcome.status)) return true;
      const value = outcome.limits?.[expect.limit];
      // A limit a host can raise through a setting is only as safe as the setting's maximum.
      const worst = Math.max(value ?? Number.POSITIVE_INFINITY, outcome.settingLimits?.[expect.limit]?.max ?? Number.NEGATIVE_INFINITY);
      return worst <= expect.atMost;
    }
    case 'requires': {
      const outcome = of(expect.outcome);
      if (!isLive(outcome.status)) return true;
      return expect.ids.every((id) => outcome.requires?.includes(id));
    }
  }
}

/**
 * The point cut down further for a complete record: only the policies the scope index admits for
 * it (decide/scope-index.ts: the others' scopes cannot hold for it), their outcomes, and the
 * shared outcomes those replace. A left-out policy's outcome is left out of the decision, as it
 * would be when its scope does not hold, and a left-out overriding policy never applies, as its
 * scope would not hold, so the outcomes decided are the same; a decision then walks only the
 * policies that may apply, not every pack of the point. One cut per set of admitted policies.
 */
function admittedSlices(
  point: PointModel,
  named: ReadonlyMap<string, ConditionNode>,
): (facts: Readonly<Record<string, FactValue>>) => PointModel {
  const index = buildScopeIndex(point, named);
  if (!index) return () => point;
  const cuts = new Map<readonly number[], PointModel>();
  return (facts) => {
    const admitted = candidatePolicies(index, facts);
    let cut = cuts.get(admitted);
    if (!cut) {
      const policies = admitted.map((at) => point.policies[at]!);
      const kept = new Set(policies.map((policy) => policy.id));
      const replaced = new Set(point.outcomes.flatMap((o) => (kept.has(o.policy) && o.overrides ? [`${o.overrides}\u0000${o.id}`] : [])));
      const outcomes = point.outcomes.filter((o) => kept.has(o.policy) || replaced.has(`${o.policy}\u0000${o.id}`));
      cut = { ...point, policies, outcomes };
      cuts.set(admitted, cut);
    }
    return cut;
  };
}

/** The facts a gate decision echoes: none (see `slicedDecider`). */
const noEcho: Readonly<Record<string, FactValue>> = Object.freeze({});

/**
 * Decides the outcomes `ids` of a point over the slice of facts they, the catalogue's scope and
 * `when` read; `applies` says whether a combination lies inside the scope and `when`.
 */
export function slicedDecider(
  model: PolicySetModel,
  catalogue: DutyCatalogueModel,
  point: PointModel,
  ids: readonly string[],
  when: ConditionNode | null,
  basis: ReadonlyMap<string, BasisEntry>,
) {
  const slice = slicePoint(point, new Set(ids));
  const admittedPoint = admittedSlices(slice.point, slice.named);
  const holdsScope = catalogue.scope ? compilePredicate(catalogue.scope, new Map()) : () => true;
  const holdsWhen = when ? compilePredicate(when, new Map()) : () => true;
  const dateFact = model.decisionDate;
  const otherDate = analysisDate(model);
  return {
    slice,
    domains: gateSlice(model, pointConditions(slice.point), slice.named, [catalogue.scope, when]),
    applies: (facts: Readonly<Record<string, FactValue>>): boolean => holdsScope(facts) && holdsWhen(facts),
    decide: (facts: Readonly<Record<string, FactValue>>): Decision => {
      const date = dateFact !== undefined ? facts[dateFact] : undefined;
      // The record is complete (every fact not enumerated holds its default), so the scope index
      // may pick the policies. The decision would freeze the record it echoes, and the
      // enumeration reuses its record; no check reads a decision's echo, so it gets none
      // (copying the record for each combination was most of the gate's time).
      return assembleDecision(
        model,
        admittedPoint(facts),
        (key) => slice.holds(key, facts),
        basis,
        null,
        typeof date === 'string' ? date : otherDate,
        noEcho,
        undefined,
        facts,
      );
    },
  };
}

function checkInvariant(
  model: PolicySetModel,
  catalogue: DutyCatalogueModel,
  obligation: Extract<DutyObligationModel, { kind: 'invariant' }>,
  basis: ReadonlyMap<string, BasisEntry>,
  dutyWindow: Window | undefined,
): ObligationResult {
  const point = model.points.find((p) => p.id === obligation.point)!;
  const ids = expectedOutcomes(obligation.expect);
  const { slice, domains, applies, decide: decideAll } = slicedDecider(model, catalogue, point, ids, obligation.when, basis);
  const decide = (facts: Readonly<Record<string, FactValue>>): DecidedForDuty[] => {
    const decision = decideAll(facts);
    return ids.map((id) => decidedFor(model, slice, decision, id));
  };
  const fails = (facts: Readonly<Record<string, FactValue>>): boolean => applies(facts) && !meets(obligation.expect, decide(facts));

  const result: ObligationResult = {
    kind: 'invariant',
    ok: true,
    at: locationText(obligation.at),
    point: point.id,
    expect: obligation.expect,
    slice: domains.map((d) => d.fact),
    sliceCombinations: 0,
    combinations: 0,
    applicable: 0,
    pointCombinations: pointSize(model, point),
    naiveCombinations: naiveSize(model, point.reads),
  };
  if (obligation.when) result.when = obligation.when;
  // Every period the duty is in force at the point, one enumeration each where the date matters.
  for (const enumeration of periodEnumerations(model, point, dutyWindow, domains)) {
    result.sliceCombinations! += domainSize(enumeration.domains);
    for (const facts of combinations(enumeration.domains, defaultFacts(model))) {
      result.combinations!++;
      if (!applies(facts)) continue;
      result.applicable!++;
      if (meets(obligation.expect, decide(facts))) continue;
      result.ok = false;
      (result.brokenIn ??= []).push(...enumeration.periods);
      result.counterexample ??= { ...minimise(model, enumeration.domains, { ...facts }, fails, decide), periods: enumeration.periods };
      break;
    }
  }
  if (result.applicable === 0) {
    result.ok = false;
    result.vacuous = true;
  }
  return result;
}

/** Puts back the default of every fact whose value does not matter to the failure. */
export function minimise(
  model: PolicySetModel,
  domains: readonly FactDomain[],
  failing: Record<string, FactValue>,
  fails: (facts: Readonly<Record<string, FactValue>>) => boolean,
  decide: (facts: Readonly<Record<string, FactValue>>) => DecidedForDuty[],
): Omit<Counterexample, 'periods'> {
  const byId = new Map(model.facts.map((f) => [f.id, f]));
  for (const domain of domains) {
    const fact = byId.get(domain.fact)!;
    // A fact whose default is no value (the decision's date) keeps a value of its domain.
    const fallback = fact.hasDefault && 'default' in fact ? (fact.default ?? null) : domain.values[0]!;
    const current = failing[domain.fact]!;
    if (current === fallback) continue;
    failing[domain.fact] = fallback;
    if (!fails(failing)) failing[domain.fact] = current;
  }
  const facts: Record<string, FactValue> = {};
  const alike: Record<string, FactValue[]> = {};
  for (const domain of domains) {
    const fact = byId.get(domain.fact)!;
    const value = failing[domain.fact]!;
    if (fact.hasDefault && value === (fact.default ?? null)) continue;
    facts[domain.fact] = value;
    const members = domain.classes?.[domain.values.indexOf(value)] ?? [];
    if (members.length > 1) alike[domain.fact] = members.filter((member) => member !== value);
  }
  return Object.keys(alike).length > 0 ? { facts, alike, decided: decide(failing) } : { facts, decided: decide(failing) };
}

/**
 * The first rule among `keys` that decides the outcome for some combination inside the
 * catalogue's scope, found by enumerating the outcome's slice; undefined when none ever does.
 */
function firstReachable(
  model: PolicySetModel,
  catalogue: DutyCatalogueModel,
  point: PointModel,
  outcomeId: string,
  keys: ReadonlySet<string>,
  basis: ReadonlyMap<string, BasisEntry>,
): RuleModel | undefined {
  const { slice, domains, applies, decide } = slicedDecider(model, catalogue, point, [outcomeId], null, basis);
  for (const facts of combinations(domains, defaultFacts(model))) {
    if (!applies(facts)) continue;
    const step = decide(facts).trace.steps.find((s) => s.outcome === outcomeId);
    if (step && keys.has(step.rule)) return slice.rules.get(step.rule);
  }
  return undefined;
}

/**
 * Coverage: some rule that can make an outcome required or permitted cites the source, and it
 * really decides for some combination inside the catalogue's scope (a citing rule that can never
 * hold, or only for another organisation, implements nothing).
 */
function checkCoverage(
  model: PolicySetModel,
  catalogue: DutyCatalogueModel,
  obligation: Extract<DutyObligationModel, { kind: 'coverage' }>,
  basis: ReadonlyMap<string, BasisEntry>,
): ObligationResult {
  const citedBy: NonNullable<ObligationResult['citedBy']> = [];
  for (const point of model.points) {
    if (obligation.point !== undefined && point.id !== obligation.point) continue;
    for (const outcome of point.outcomes) {
      const citing = outcomeRules(outcome).filter((r) => isLive(r.status) && r.basis.includes(obligation.cites));
      if (citing.length === 0 || citedBy.some((c) => c.point === point.id && c.outcome === outcome.id)) continue;
      const rule = firstReachable(model, catalogue, point, outcome.id, new Set(citing.map((r) => r.key)), basis);
      if (rule) citedBy.push({ point: point.id, outcome: outcome.id, rule: rule.key, at: locationText(rule.at) });
    }
  }
  const result: ObligationResult = { kind: 'coverage', ok: citedBy.length > 0, at: locationText(obligation.at), citedBy };
  const cites = basis.get(obligation.cites);
  if (cites) result.cites = cites;
  if (obligation.point !== undefined) result.point = obligation.point;
  return result;
}

/** Which outcomes implement which duty: those its invariants name, and those citing its sources. */
export function traceability(
  model: PolicySetModel,
  duties: readonly DutyModel[] = model.duties.flatMap((c) => c.duties),
): TraceabilityRow[] {
  return duties.map((duty) => {
    const rows: TraceabilityRow['outcomes'] = [];
    const add = (point: string, outcome: string, via: TraceabilityRow['outcomes'][number]['via']) => {
      if (!rows.some((r) => r.point === point && r.outcome === outcome)) rows.push({ point, outcome, via });
    };
    for (const obligation of duty.obligations) {
      if (obligation.kind === 'invariant') for (const id of expectedOutcomes(obligation.expect)) add(obligation.point, id, 'invariant');
      if (obligation.kind === 'agree') for (const side of sidesOf(obligation)) add(side.point, side.outcome, 'agree');
    }
    const sources = new Set([...duty.basis, ...duty.obligations.flatMap((o) => (o.kind === 'coverage' ? [o.cites] : []))]);
    for (const point of model.points) {
      for (const outcome of point.outcomes) {
        const cites = outcomeRules(outcome).some((r) => isLive(r.status) && r.basis.some((id) => sources.has(id)));
        if (cites) add(point.id, outcome.id, 'basis');
      }
    }
    return { duty: duty.id, catalogue: duty.catalogue, outcomes: rows };
  });
}

function checkObligation(
  model: PolicySetModel,
  catalogue: DutyCatalogueModel,
  obligation: DutyObligationModel,
  basis: ReadonlyMap<string, BasisEntry>,
  inForce: DutyModel['inForce'],
): ObligationResult {
  if (obligation.kind === 'invariant') return checkInvariant(model, catalogue, obligation, basis, inForce);
  if (obligation.kind === 'coverage') return checkCoverage(model, catalogue, obligation, basis);
  return checkAgreement(model, catalogue, obligation, basis, inForce);
}

/** Checks every duty of the model's catalogues over the whole fact domain. */
export function runGate(model: PolicySetModel, options: GateOptions = {}): GateReport {
  const started = performance.now();
  const basis = basisIndex(model);
  const catalogues = model.duties.filter((c) => !options.catalogues || options.catalogues.includes(c.id));
  const periods = periodsOf(model);
  const duties: DutyResult[] = [];
  let total = 0;
  for (const catalogue of catalogues) {
    for (const duty of catalogue.duties) {
      const obligations = duty.obligations.map((obligation) => checkObligation(model, catalogue, obligation, basis, duty.inForce));
      for (const o of obligations) total += o.combinations ?? 0;
      const result: DutyResult = {
        id: duty.id,
        catalogue: catalogue.id,
        title: duty.title,
        basis: duty.basis.map((id) => basis.get(id)!).filter(Boolean),
        at: locationText(duty.at),
        ok: obligations.every((o) => o.ok),
        obligations,
      };
      if (duty.inForce) result.inForce = duty.inForce;
      duties.push(result);
    }
  }
  const totalMs = performance.now() - started;
  return {
    ok: duties.every((d) => d.ok),
    duties,
    periods: periods.map((period) => {
      const inForce = duties.filter((duty) => periodsIn([period], duty.inForce).length > 0);
      const broken = inForce.filter((duty) =>
        duty.obligations.some((o) => (o.brokenIn ?? []).some((p) => p.date === period.date) || (!o.ok && !o.brokenIn)),
      );
      return { period, duties: inForce.length, broken: broken.map((duty) => duty.id) };
    }),
    traceability: traceability(
      model,
      catalogues.flatMap((c) => c.duties),
    ),
    combinations: total,
    timings: { totalMs, combinationsPerSecond: totalMs > 0 ? Math.round((total / totalMs) * 1000) : total },
  };
}
