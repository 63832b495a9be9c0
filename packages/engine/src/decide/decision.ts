/** The decision a host system gets back, and how it is assembled from the conditions that held. */
import type { Facts, ConditionFailure } from '../compile/predicate.js';
import type { Alternative } from '../explain/alternatives.js';
import { conditionKeys, namedConditions } from '../compile/keys.js';
import { locationText } from '../location.js';
import type { FactValue, PointModel, PointOutcomeModel, PolicySetModel, RuleModel, SourceModel, Status, Text, Window } from '../model.js';
import { always, inWindow } from '../time/windows.js';
import { Interner, ListInterner } from './intern.js';
import { buildScopeIndex, candidatePolicies, type ScopeIndex } from './scope-index.js';

/**
 * A source an outcome cites, as the decision shows it: id, citation, URL, whether the citation
 * was verified, and when the source is in force (a decision lists only sources in force on its date).
 */
export interface BasisEntry {
  id: string;
  citation: string;
  url?: string;
  verified: boolean;
  /** When the source is in force (`from` inclusive, `until` exclusive); absent: on every date. */
  inForce?: Window;
}

/** One outcome of a decision: its status, what it requires, its limits, its legal basis and the reason in words. */
export interface DecidedOutcome {
  id: string;
  status: Status;
  requires?: string[];
  limits?: Record<string, number>;
  basis: BasisEntry[];
  reason: Text;
  /** With `decide(…, { explain: true })` only: the smallest changes of the facts that would give the outcome another status. */
  alternatives?: Alternative[];
}

/** How one outcome was decided: the rule that held and the rules above it that did not. */
export interface TraceStep {
  outcome: string;
  /** The rule that decided: `<policy>/<outcome>#<n>` or `…#otherwise`. */
  rule: string;
  /** Where that rule is written: `file:line:col`. */
  at: string;
  /** Rules above it that were tried and did not hold, with the conditions that failed. */
  notHeld: Array<{ rule: string; at: string; failed: ConditionFailure[] }>;
}

/** Why a decision came out as it did: policies that applied, the step for each outcome, outcomes left out. */
export interface Trace {
  /** Policies of the point whose scope held (`appliesWhen`), by id. */
  policies: string[];
  steps: TraceStep[];
  /**
   * Outcomes left out: no rule held and the outcome says `otherwise: omit`, its policy did not
   * apply, or none of its rules is in force on the decision's date. Each outcome id at most
   * once, and never one the decision has: where several policies list the same id (a pack for
   * each organisation), the reason of one whose policy applied comes first.
   */
  omitted: Array<{ outcome: string; because: 'no-rule-held' | 'policy-not-applicable' | 'not-in-force' }>;
}

/**
 * The answer at one decision point: the date it was made for, the outcomes, their trace, the
 * facts it was decided on and the exact policy (name, version, hash) that decided. Deep-frozen:
 * it shares nothing a host can change, and a host cannot change it.
 */
export interface Decision {
  point: string;
  /**
   * The date the decision was made for (`YYYY-MM-DD`): the decision-date fact (e.g.
   * `incidentDate`) when given, else the `date` option, else today. Rules and sources apply as
   * they were in force on this date.
   */
  date: string;
  outcomes: DecidedOutcome[];
  trace: Trace;
  policy: { name: string; version: string; hash: string };
  /**
   * The facts as the host gave them, after they were checked, read once: what was decided on
   * (facts left out took their defaults). `toAuditRecord` stores these, never the host's object again.
   */
  facts: Readonly<Record<string, FactValue>>;
}

/**
 * Which compiled conditions held for these facts, by key. `slot`, when given, is the key's
 * position in `conditionKeys(point)` (compile/keys.ts), for an evaluator that keeps its
 * predicates in that order and would rather index than look the key up.
 */
export type Holds = (key: string, slot?: number) => boolean;

/** Source entries for decisions, resolved once per policy set. */
export function basisIndex(model: PolicySetModel): Map<string, BasisEntry> {
  const index = new Map<string, BasisEntry>();
  for (const source of model.sources as SourceModel[]) {
    const entry: BasisEntry = { id: source.id, citation: source.citation, verified: source.verified };
    if (source.url !== undefined) entry.url = source.url;
    if (source.inForce !== undefined) entry.inForce = source.inForce;
    // Shared by every decision that cites the source: frozen, so no host can change another's.
    index.set(source.id, Object.freeze(entry));
  }
  return index;
}

type NotHeld = TraceStep['notHeld'][number];
type Omitted = Trace['omitted'][number];

/**
 * What a decision needs of one rule that does not depend on the facts, made once and frozen:
 * where it is written, its basis per period of its sources, the rules tried above it, and the
 * trace objects that are the same in every decision it decides.
 */
interface RulePlan {
  rule: RuleModel;
  /** The position of its condition's key (and of its requirements') in `conditionKeys(point)`. */
  slot: number | undefined;
  requirementSlots: Array<number | undefined>;
  at: string;
  hasLimits: boolean;
  /**
   * The dates on which the set of the rule's sources in force changes, ascending; segment `i`
   * holds the dates before `bounds[i]` (and from `bounds[i - 1]`). Empty when no source has a window.
   */
  bounds: string[];
  /** Per segment: the sources in force in it, frozen. */
  segments: BasisEntry[][];
  /**
   * Per segment: the decided outcome by the requirements that held (bit `i` for requirement
   * `i`), frozen and shared by every decision without why-not alternatives. Bounded.
   */
  decided: Array<Map<number, DecidedOutcome>>;
  /** The rules tried before this one in its outcome (every rule, for `otherwise`). */
  above: RulePlan[];
  /** This rule as a rule that did not hold, without failed conditions (`explain: false`). */
  notHeldBare: NotHeld;
  /** The step it decides with nothing explained above it: the same object every time. */
  step: TraceStep;
}

/** What a decision needs of one outcome (its own or an overriding policy's version). */
interface OutcomeRules {
  rules: RulePlan[];
  otherwise: RulePlan | null;
  /** The windows of its rules, to tell an outcome not in force from one no rule of which held. */
  windows: Window[];
  /** Why it is left out, as the trace says it: frozen, shared. */
  noRuleHeld: Omitted;
  notInForce: Omitted;
}

/** An outcome of the point, in the point's order, with the policies that may replace it. */
interface OutcomeEntry {
  listed: PointOutcomeModel;
  policyIndex: number;
  /** An overriding outcome decides in the place of the shared one it replaces, never in its own. */
  replacesShared: boolean;
  /** Overriding policies, in file order, with their outcome of the same id (if it has one). */
  overriders: Array<{ policyIndex: number; outcome: PointOutcomeModel | undefined }>;
  /** The first position in `overriders` of each overriding policy, to look overriders up from the policies that apply. */
  overriderAt: ReadonlyMap<number, number>;
  notApplicable: Omitted;
}

/**
 * What the combining step needs of a point that does not depend on the facts, worked out once:
 * where each rule is written, its basis entries, and which policies may replace each outcome.
 */
interface PointPlan {
  basis: ReadonlyMap<string, BasisEntry>;
  /** Per outcome, in the point's order; policies by their index in `point.policies`. */
  outcomes: OutcomeEntry[];
  /**
   * Per candidate list (the scope index's, or every policy): the outcomes in the point's order,
   * those of policies that are not candidates already as runs of `policy-not-applicable`, so a
   * decision looks only at the candidates' outcomes.
   */
  byCandidates: WeakMap<readonly number[], CandidateOutcomes>;
  /** Outcome ids listed by more than one policy of the point (not counting an outcome that replaces a shared one). */
  repeated: ReadonlySet<string>;
  /** Per outcome model (shared and overriding alike): its rules' plans. */
  rules: Map<PointOutcomeModel, OutcomeRules>;
  /** Every policy, by index: the candidates when there is no scope index. */
  everyPolicy: readonly number[];
  /** Per policy, by index: the position of its scope's key in `conditionKeys(point)`. */
  scopeSlots: Array<number | undefined>;
  /** Per candidate list: the ids of the policies that apply, by which of the candidates applied (bit mask). */
  applying: WeakMap<readonly number[], Map<number, string[]>>;
  /** Which policies' scopes can hold for a fact record (by the fact most scopes fix); undefined: every policy's. */
  scopeIndex: ScopeIndex | undefined;
  /** Frozen parts shared by the parts they are made of (intern.ts). */
  shared: {
    failed: ListInterner<ConditionFailure>;
    /** A rule that did not hold, by `[rule plan, failed list]`. */
    notHeld: Interner<NotHeld>;
    /** A step, by `[rule plan, ...not-held entries]`. */
    steps: Interner<TraceStep>;
  };
}

/** Shared outcomes kept per rule and period, at most; beyond, each decision makes its own. */
const maxSharedOutcomes = 256;

/** Per point, per basis index: a policy set and the gate each pass their own, and each keeps its plan. */
const plans = new WeakMap<PointModel, WeakMap<ReadonlyMap<string, BasisEntry>, PointPlan>>();

type Slots = ReadonlyMap<string, number>;

function rulePlan(rule: RuleModel, outcomeId: string, above: RulePlan[], basis: ReadonlyMap<string, BasisEntry>, slots: Slots): RulePlan {
  const entries = rule.basis.map((id) => basis.get(id)!).filter(Boolean);
  const bounds = [
    ...new Set(entries.flatMap((entry) => [entry.inForce?.from, entry.inForce?.until]).filter((date) => date !== undefined)),
  ].sort();
  // A date in segment i is before bounds[i] and not before bounds[i - 1]; its first day stands for all of it.
  const segments = [entries, ...bounds.map(() => entries)].map((all, index) =>
    bounds.length === 0 ? all : all.filter((entry) => inWindow(entry.inForce, index === 0 ? '' : bounds[index - 1]!)),
  );
  const at = locationText(rule.at);
  const notHeldBare: NotHeld = Object.freeze({ rule: rule.key, at, failed: noFailures });
  const step: TraceStep = Object.freeze({
    outcome: outcomeId,
    rule: rule.key,
    at,
    notHeld: above.length === 0 ? noneHeld : (Object.freeze(above.map((r) => r.notHeldBare)) as TraceStep['notHeld']),
  });
  return {
    rule,
    slot: slots.get(rule.key),
    requirementSlots: rule.requires.map((requirement) => (requirement.key === null ? undefined : slots.get(requirement.key))),
    at,
    hasLimits: Object.keys(rule.limits).length > 0,
    bounds,
    segments: segments.map((list) => Object.freeze(list) as BasisEntry[]),
    decided: segments.map(() => new Map()),
    above,
    notHeldBare,
    step,
  };
}

function outcomeRules(outcome: PointOutcomeModel, basis: ReadonlyMap<string, BasisEntry>, slots: Slots): OutcomeRules {
  const rules: RulePlan[] = [];
  for (const rule of outcome.rules) rules.push(rulePlan(rule, outcome.id, rules.slice(), basis, slots));
  const otherwise = outcome.otherwise ? rulePlan(outcome.otherwise, outcome.id, rules.slice(), basis, slots) : null;
  return {
    rules,
    otherwise,
    windows: [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])].map((rule) => rule.inForce ?? always),
    noRuleHeld: Object.freeze({ outcome: outcome.id, because: 'no-rule-held' }),
    notInForce: Object.freeze({ outcome: outcome.id, because: 'not-in-force' }),
  };
}

function planOf(point: PointModel, basis: ReadonlyMap<string, BasisEntry>): PointPlan {
  let byBasis = plans.get(point);
  if (!byBasis) plans.set(point, (byBasis = new WeakMap()));
  const known = byBasis.get(basis);
  if (known) return known;
  const slots: Slots = new Map(conditionKeys(point).map(({ key }, index) => [key, index]));
  const rules: PointPlan['rules'] = new Map();
  for (const outcome of point.outcomes) rules.set(outcome, outcomeRules(outcome, basis, slots));
  const policyIndex = new Map(point.policies.map((policy, index) => [policy.id, index]));
  const outcomes = point.outcomes.map((listed) => {
    const overriders = (listed.overriddenBy ?? []).map((policy) => ({
      policyIndex: policyIndex.get(policy) ?? -1,
      outcome: point.outcomes.find((o) => o.policy === policy && o.id === listed.id),
    }));
    const overriderAt = new Map<number, number>();
    overriders.forEach((overrider, position) => {
      if (!overriderAt.has(overrider.policyIndex)) overriderAt.set(overrider.policyIndex, position);
    });
    return {
      listed,
      policyIndex: policyIndex.get(listed.policy) ?? -1,
      replacesShared: listed.overrides !== undefined && point.outcomes.some((o) => o.policy === listed.overrides && o.id === listed.id),
      overriders,
      overriderAt,
      notApplicable: Object.freeze({ outcome: listed.id, because: 'policy-not-applicable' }) as Omitted,
    };
  });
  const plan: PointPlan = {
    basis,
    outcomes,
    rules,
    everyPolicy: point.policies.map((_, index) => index),
    scopeSlots: point.policies.map((policy) => slots.get(policy.scopeKey)),
    applying: new WeakMap(),
    byCandidates: new WeakMap(),
    repeated: repeatedIds(outcomes),
    scopeIndex: buildScopeIndex(point, namedConditions(point)),
    shared: {
      failed: new ListInterner(),
      notHeld: new Interner(),
      steps: new Interner(),
    },
  };
  byBasis.set(basis, plan);
  return plan;
}

/** Outcome ids more than one policy of the point lists. */
function repeatedIds(outcomes: readonly OutcomeEntry[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of outcomes) {
    if (entry.replacesShared) continue;
    if (seen.has(entry.listed.id)) repeated.add(entry.listed.id);
    seen.add(entry.listed.id);
  }
  return repeated;
}

/**
 * The outcomes a decision with these candidates looks at, in the point's order, between runs of
 * outcomes whose policy cannot apply. A run lists each outcome id once, and none a candidate
 * lists (the candidate's entry says what became of it), so the trace does not grow with the
 * number of organisation packs; `onePerId` says whether candidates' entries may still repeat an id.
 */
interface CandidateOutcomes {
  items: Array<OutcomeEntry | readonly Omitted[]>;
  onePerId: boolean;
}

function outcomesFor(plan: PointPlan, candidates: readonly number[]): CandidateOutcomes {
  const known = plan.byCandidates.get(candidates);
  if (known) return known;
  const candidate = new Set(candidates);
  const listed = (entry: OutcomeEntry) => !entry.replacesShared && candidate.has(entry.policyIndex);
  const byCandidate = new Set(plan.outcomes.filter(listed).map((entry) => entry.listed.id));
  const inRuns = new Set<string>();
  const items: CandidateOutcomes['items'] = [];
  let run: Omitted[] | undefined;
  for (const entry of plan.outcomes) {
    // An outcome that replaces a shared one is decided in that one's place, never in its own.
    if (entry.replacesShared) continue;
    if (listed(entry)) {
      if (run) items.push(Object.freeze(run));
      run = undefined;
      items.push(entry);
    } else if (!byCandidate.has(entry.listed.id) && !inRuns.has(entry.listed.id)) {
      inRuns.add(entry.listed.id);
      (run ??= []).push(entry.notApplicable);
    }
  }
  if (run) items.push(Object.freeze(run));
  const onePerId = [...byCandidate].some((id) => plan.repeated.has(id));
  const result = { items, onePerId };
  plan.byCandidates.set(candidates, result);
  return result;
}

/** The trace's outcomes left out, each id once and none the decision has, a reason of a policy that applied first. */
function onePerOutcome(omitted: readonly Omitted[], outcomes: readonly DecidedOutcome[]): Omitted[] {
  const decided = new Set(outcomes.map((outcome) => outcome.id));
  const chosen = new Map<string, Omitted>();
  for (const entry of omitted) {
    if (decided.has(entry.outcome)) continue;
    const known = chosen.get(entry.outcome);
    if (!known || (known.because === 'policy-not-applicable' && entry.because !== 'policy-not-applicable'))
      chosen.set(entry.outcome, entry);
  }
  return [...chosen.values()];
}

const isRun = (item: OutcomeEntry | readonly Omitted[]): item is readonly Omitted[] => Array.isArray(item);

/** The segment of a rule's basis periods that holds the date. */
function segmentOf(rule: RulePlan, date: string): number {
  let segment = 0;
  while (segment < rule.bounds.length && date >= rule.bounds[segment]!) segment++;
  return segment;
}

/** The ids of the policies that apply, frozen: shared per candidate list and mask when the candidates are few. */
function applyingIds(plan: PointPlan, point: PointModel, candidates: readonly number[], applies: Uint8Array, mask: number): string[] {
  const ids = (): string[] => {
    const list: string[] = [];
    for (const index of candidates) if (applies[index] === 1) list.push(point.policies[index]!.id);
    return Object.freeze(list) as string[];
  };
  if (candidates.length > 30) return ids();
  let byMask = plan.applying.get(candidates);
  if (!byMask) plan.applying.set(candidates, (byMask = new Map()));
  let list = byMask.get(mask);
  if (!list) byMask.set(mask, (list = ids()));
  return list;
}

/** The decided outcome of a rule, shared between decisions when it is to be frozen as it is. */
function decidedOutcome(rule: RulePlan, holds: Holds, date: string, shared: boolean): DecidedOutcome {
  const chosen = rule.rule;
  const segment = rule.bounds.length === 0 ? 0 : segmentOf(rule, date);
  const requirements = chosen.requires;
  let mask = 0;
  for (let i = 0; i < requirements.length; i++) {
    const key = requirements[i]!.key;
    if (key === null || holds(key, rule.requirementSlots[i])) mask += 2 ** i;
  }
  const cacheable = shared && requirements.length <= 30;
  const cache = rule.decided[segment]!;
  if (cacheable) {
    const known = cache.get(mask);
    if (known) return known;
  }
  const decided: DecidedOutcome = { id: rule.step.outcome, status: chosen.status, basis: rule.segments[segment]!, reason: chosen.reason };
  if (mask !== 0) {
    const requires: string[] = [];
    for (let i = 0; i < requirements.length; i++) if (Math.floor(mask / 2 ** i) % 2 === 1) requires.push(requirements[i]!.id);
    decided.requires = Object.freeze(requires) as string[];
  }
  // The model's own limits: frozen with the model, so they can be shared.
  if (rule.hasLimits) decided.limits = chosen.limits;
  if (!shared) return decided;
  Object.freeze(decided);
  if (cacheable && cache.size < maxSharedOutcomes) cache.set(mask, decided);
  return decided;
}

const makeNotHeld = (parts: readonly unknown[]): NotHeld => {
  const [rule, failed] = parts as [RulePlan, ConditionFailure[]];
  return Object.freeze({ rule: rule.rule.key, at: rule.at, failed });
};

const makeStep = (parts: readonly unknown[]): TraceStep => {
  const rule = parts[0] as RulePlan;
  return Object.freeze({
    outcome: rule.step.outcome,
    rule: rule.rule.key,
    at: rule.at,
    notHeld: Object.freeze(parts.slice(1)) as NotHeld[],
  });
};

/** The trace step of a rule that decided: shared when nothing above it is explained, else by what failed above it. */
function traceStep(plan: PointPlan, rule: RulePlan, explain: ((rule: RuleModel) => ConditionFailure[]) | null): TraceStep {
  if (explain === null || rule.above.length === 0) return rule.step;
  const parts: unknown[] = [rule];
  for (const above of rule.above) {
    const failed = explain(above.rule);
    parts.push(
      failed.length === 0
        ? above.notHeldBare
        : plan.shared.notHeld.get([above, plan.shared.failed.list(freezeFailures(failed))], makeNotHeld, undefined),
    );
  }
  return plan.shared.steps.get(parts, makeStep, undefined);
}

/**
 * The combining step, shared by both evaluation paths: per outcome, in the point's order, the
 * first rule that holds decides; else `otherwise`; an outcome of a policy whose scope does not
 * hold is left out. A shared outcome is decided by the first overriding policy whose scope
 * holds, in the shared outcome's place. A rule's window is part of its condition (the checker
 * put it there), so `holds` already leaves out rules not in force on `date`; the basis lists only
 * the sources in force on `date`. With the complete record, only the policies the scope index
 * admits have their scopes evaluated (the others' scopes cannot hold), and overriders are found
 * among the policies that apply, so that work does not grow with the number of organisation
 * packs. What does not depend on the facts (trace steps with nothing explained, outcomes without
 * alternatives, the reasons an outcome is left out) is made once per point and shared, frozen.
 */
export function assembleDecision(
  model: PolicySetModel,
  point: PointModel,
  holds: Holds,
  basis: ReadonlyMap<string, BasisEntry>,
  explain: ((rule: RuleModel) => ConditionFailure[]) | null,
  date: string,
  facts: Readonly<Record<string, FactValue>>,
  /** Adds the why-not alternatives to the outcomes before they are frozen (`explain: true`). */
  addAlternatives?: (outcomes: DecidedOutcome[]) => void,
  /** The complete fact record, for the scope index; without it every policy's scope is evaluated. */
  record?: Readonly<Record<string, FactValue>>,
): Decision {
  const plan = planOf(point, basis);
  const candidates = plan.scopeIndex && record ? candidatePolicies(plan.scopeIndex, record) : plan.everyPolicy;
  // Whether each policy's scope holds, by its index (an unknown policy, index -1, never applies).
  const applies = new Uint8Array(point.policies.length);
  const applying: number[] = [];
  let mask = 0;
  for (let i = 0; i < candidates.length; i++) {
    const index = candidates[i]!;
    const policy = point.policies[index]!;
    if (policy.scope === null || holds(policy.scopeKey, plan.scopeSlots[index])) {
      applies[index] = 1;
      applying.push(index);
      if (i < 30) mask += 2 ** i;
    }
  }
  const outcomes: DecidedOutcome[] = [];
  const steps: TraceStep[] = [];
  const omitted: Omitted[] = [];
  const shared = addAlternatives === undefined;
  const { items, onePerId } = outcomesFor(plan, candidates);
  for (const item of items) {
    if (isRun(item)) {
      for (const entry of item) omitted.push(entry);
      continue;
    }
    const { listed, policyIndex, overriders, overriderAt, notApplicable } = item;
    if (applies[policyIndex] !== 1) {
      omitted.push(notApplicable);
      continue;
    }
    // The first overriding policy that applies decides, with its own outcome.
    let outcome = listed;
    if (overriders.length > 0) {
      let first = overriders.length;
      if (overriders.length <= applying.length) {
        for (let position = 0; position < overriders.length; position++)
          if (applies[overriders[position]!.policyIndex] === 1) {
            first = position;
            break;
          }
      } else {
        for (const index of applying) {
          const position = overriderAt.get(index);
          if (position !== undefined && position < first) first = position;
        }
      }
      if (first < overriders.length) outcome = overriders[first]!.outcome ?? listed;
    }
    const planned = plan.rules.get(outcome)!;
    let chosen: RulePlan | null = null;
    for (const rule of planned.rules) {
      if (holds(rule.rule.key, rule.slot)) {
        chosen = rule;
        break;
      }
    }
    const otherwise = planned.otherwise;
    if (!chosen && otherwise && (otherwise.rule.when === null || holds(otherwise.rule.key, otherwise.slot))) chosen = otherwise;
    if (!chosen) {
      omitted.push(planned.windows.some((window) => inWindow(window, date)) ? planned.noRuleHeld : planned.notInForce);
      continue;
    }
    // Frozen after the loop when the why-not alternatives are to be added.
    outcomes.push(decidedOutcome(chosen, holds, date, shared));
    steps.push(traceStep(plan, chosen, explain));
  }
  if (addAlternatives) {
    addAlternatives(outcomes);
    for (const outcome of outcomes) {
      deepFreeze(outcome.alternatives);
      Object.freeze(outcome);
    }
  }
  const trace: Trace = Object.freeze({
    policies: applyingIds(plan, point, candidates, applies, mask),
    steps: Object.freeze(steps) as TraceStep[],
    omitted: Object.freeze(onePerId ? onePerOutcome(omitted, outcomes) : omitted) as Omitted[],
  });
  return Object.freeze({
    point: point.id,
    date,
    outcomes: Object.freeze(outcomes) as DecidedOutcome[],
    trace,
    policy: policyOf(model),
    facts: Object.isFrozen(facts) ? facts : Object.freeze(facts),
  });
}

/** Freezes what the why-not search made for an outcome, all the way down. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const inner of Object.values(value)) deepFreeze(inner);
  Object.freeze(value);
}

const noFailures = Object.freeze([]) as unknown as ConditionFailure[];
const noneHeld = Object.freeze([]) as unknown as TraceStep['notHeld'];

/** The policy a decision names, made once per model and shared (frozen). */
const policies = new WeakMap<PolicySetModel, Decision['policy']>();
function policyOf(model: PolicySetModel): Decision['policy'] {
  let policy = policies.get(model);
  if (!policy) policies.set(model, (policy = Object.freeze({ name: model.name, version: model.version, hash: model.hash })));
  return policy;
}

/** Freezes each failed condition of a rule (the explainer's come frozen; another's may not); the list is frozen where it is kept. */
function freezeFailures(failures: ConditionFailure[]): ConditionFailure[] {
  for (const failure of failures) if (!Object.isFrozen(failure)) Object.freeze(failure);
  return failures;
}

export type { Facts };
