/** The decision a host system gets back, and how it is assembled from the conditions that held. */
import type { Facts, ConditionFailure } from '../compile/predicate.js';
import { namedConditions } from '../compile/keys.js';
import { locationText } from '../location.js';
import type { PointModel, PointOutcomeModel, PolicySetModel, RuleModel, SourceModel, Status, Text } from '../model.js';
import { buildScopeIndex, candidatePolicies, type ScopeIndex } from './scope-index.js';

/** A source an outcome cites, as the decision shows it: id, citation, URL and whether the citation was verified. */
export interface BasisEntry {
  id: string;
  citation: string;
  url?: string;
  verified: boolean;
}

/** One outcome of a decision: its status, what it requires, its limits, its legal basis and the reason in words. */
export interface DecidedOutcome {
  id: string;
  status: Status;
  requires?: string[];
  limits?: Record<string, number>;
  basis: BasisEntry[];
  reason: Text;
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
   * Outcome ids of the point the decision does not give, each once, in the point's order: no rule
   * held and the outcome says `otherwise: omit`, or no policy that decides it applied.
   */
  omitted: Array<{ outcome: string; because: 'no-rule-held' | 'policy-not-applicable' }>;
}

/** The answer at one decision point: the outcomes, their trace, and the exact policy (name, version, hash) that decided. */
export interface Decision {
  point: string;
  outcomes: DecidedOutcome[];
  trace: Trace;
  policy: { name: string; version: string; hash: string };
}

/** Which compiled conditions held for these facts, by key. */
export type Holds = (key: string) => boolean;

/** Source entries for decisions, resolved once per policy set. */
export function basisIndex(model: PolicySetModel): Map<string, BasisEntry> {
  const index = new Map<string, BasisEntry>();
  for (const source of model.sources as SourceModel[]) {
    const entry: BasisEntry = { id: source.id, citation: source.citation, verified: source.verified };
    if (source.url !== undefined) entry.url = source.url;
    index.set(source.id, entry);
  }
  return index;
}

/**
 * What the combining step needs of a point that does not depend on the facts, worked out once:
 * where each rule is written, its basis entries, which policies may replace each outcome, the
 * outcomes of each policy, and the index that finds the policies whose scope may hold.
 */
interface PointPlan {
  basis: ReadonlyMap<string, BasisEntry>;
  /** Per outcome, in the point's order; policies by their index in `point.policies`. */
  outcomes: Array<{
    listed: PointOutcomeModel;
    /** Index of the outcome's id in `outcomeIds`. */
    idIndex: number;
    /** An overriding outcome decides in the place of the shared one it replaces, never in its own. */
    replacesShared: boolean;
    /** Overriding policies, in file order, with their outcome of the same id (if it has one). */
    overriders: Array<{ policyIndex: number; outcome: PointOutcomeModel | undefined }>;
  }>;
  /** Per policy: the positions in `outcomes` of its outcomes that decide in their own place, ascending. */
  byPolicy: number[][];
  /** Whether every policy's positions come after the positions of the policies before it (then no sort is needed). */
  inPolicyOrder: boolean;
  /** The outcome ids the point decides, each once, in the order they are first listed. */
  outcomeIds: string[];
  /** Which policies to try for a fact record; undefined: every policy. */
  scopeIndex: ScopeIndex | undefined;
  everyPolicy: number[];
  /** Scratch space of one decision: the state of each outcome id. */
  states: Uint8Array;
  rules: Map<RuleModel, { at: string; basis: BasisEntry[]; hasLimits: boolean }>;
}

const plans = new WeakMap<PointModel, PointPlan>();

function planOf(point: PointModel, basis: ReadonlyMap<string, BasisEntry>): PointPlan {
  const known = plans.get(point);
  if (known && known.basis === basis) return known;
  const rules: PointPlan['rules'] = new Map();
  for (const outcome of point.outcomes) {
    for (const rule of [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])]) {
      rules.set(rule, {
        at: locationText(rule.at),
        basis: rule.basis.map((id) => basis.get(id)!).filter(Boolean),
        hasLimits: Object.keys(rule.limits).length > 0,
      });
    }
  }
  const policyIndex = new Map(point.policies.map((policy, index) => [policy.id, index]));
  // The outcomes by policy and id, so linking an override is a lookup, not a search of the point.
  const byPolicyAndId = new Map(point.outcomes.map((o) => [`${o.policy}\u0000${o.id}`, o]));
  const outcomeIds: string[] = [];
  const idIndex = new Map<string, number>();
  const byPolicy: number[][] = point.policies.map(() => []);
  const outcomes = point.outcomes.map((listed, position) => {
    const replacesShared = listed.overrides !== undefined && byPolicyAndId.has(`${listed.overrides}\u0000${listed.id}`);
    if (!idIndex.has(listed.id)) {
      idIndex.set(listed.id, outcomeIds.length);
      outcomeIds.push(listed.id);
    }
    if (!replacesShared) byPolicy[policyIndex.get(listed.policy) ?? -1]?.push(position);
    return {
      listed,
      idIndex: idIndex.get(listed.id)!,
      replacesShared,
      overriders: (listed.overriddenBy ?? []).map((policy) => ({
        policyIndex: policyIndex.get(policy) ?? -1,
        outcome: byPolicyAndId.get(`${policy}\u0000${listed.id}`),
      })),
    };
  });
  let last = -1;
  let inPolicyOrder = true;
  for (const positions of byPolicy) {
    if (positions.length === 0) continue;
    if (positions[0]! < last) inPolicyOrder = false;
    last = positions[positions.length - 1]!;
  }
  const plan: PointPlan = {
    basis,
    outcomes,
    byPolicy,
    inPolicyOrder,
    outcomeIds,
    scopeIndex: buildScopeIndex(point, namedConditions(point)),
    everyPolicy: point.policies.map((_, index) => index),
    states: new Uint8Array(outcomeIds.length),
    rules,
  };
  plans.set(point, plan);
  return plan;
}

/** What an outcome id came to in one decision (`states` below): no policy deciding it applied, no rule held, decided. */
const noPolicyApplied = 0;
const noRuleHeld = 1;
const decidedState = 2;

/**
 * The combining step, shared by both evaluation paths: per outcome, in the point's order, the
 * first rule that holds decides; else `otherwise`; an outcome of a policy whose scope does not
 * hold is left out. A shared outcome is decided by the first overriding policy whose scope
 * holds, in the shared outcome's place. Given the facts, only the policies the scope index
 * admits are tried (the others' scopes cannot hold), so the work does not grow with the number
 * of organisation packs.
 */
export function assembleDecision(
  model: PolicySetModel,
  point: PointModel,
  holds: Holds,
  basis: ReadonlyMap<string, BasisEntry>,
  explain: ((rule: RuleModel) => ConditionFailure[]) | null,
  facts?: Facts,
): Decision {
  const plan = planOf(point, basis);
  const candidates = facts && plan.scopeIndex ? candidatePolicies(plan.scopeIndex, facts) : plan.everyPolicy;
  // The policies whose scope holds, by index, ascending.
  const applying: number[] = [];
  for (const index of candidates) {
    const policy = point.policies[index]!;
    if (policy.scope === null || holds(policy.scopeKey)) applying.push(index);
  }
  const outcomes: DecidedOutcome[] = [];
  const trace: Trace = { policies: [], steps: [], omitted: [] };
  for (const index of applying) trace.policies.push(point.policies[index]!.id);
  // What became of each outcome id; the plan's scratch array, as deciding is synchronous.
  const states = plan.states.fill(noPolicyApplied);
  let positions: readonly number[];
  if (applying.length === 1) positions = plan.byPolicy[applying[0]!]!;
  else {
    const all: number[] = [];
    for (const index of applying) for (const position of plan.byPolicy[index]!) all.push(position);
    if (!plan.inPolicyOrder) all.sort((x, y) => x - y);
    positions = all;
  }
  for (const position of positions) {
    const { listed, idIndex, overriders } = plan.outcomes[position]!;
    // The first overriding policy that applies decides, with its own outcome.
    let outcome = listed;
    for (const overrider of overriders) {
      if (applying.includes(overrider.policyIndex)) {
        outcome = overrider.outcome ?? listed;
        break;
      }
    }
    let chosen: RuleModel | null = null;
    const notHeld: TraceStep['notHeld'] = [];
    for (const rule of outcome.rules) {
      if (holds(rule.key)) {
        chosen = rule;
        break;
      }
      notHeld.push({ rule: rule.key, at: plan.rules.get(rule)!.at, failed: explain ? explain(rule) : [] });
    }
    chosen ??= outcome.otherwise;
    if (!chosen) {
      if (states[idIndex] === noPolicyApplied) states[idIndex] = noRuleHeld;
      continue;
    }
    states[idIndex] = decidedState;
    const chosenPlan = plan.rules.get(chosen)!;
    const decided: DecidedOutcome = { id: outcome.id, status: chosen.status, basis: chosenPlan.basis.slice(), reason: chosen.reason };
    let requires: string[] | undefined;
    for (const requirement of chosen.requires) {
      if (requirement.key === null || holds(requirement.key)) (requires ??= []).push(requirement.id);
    }
    if (requires) decided.requires = requires;
    if (chosenPlan.hasLimits) decided.limits = { ...chosen.limits };
    outcomes.push(decided);
    trace.steps.push({ outcome: outcome.id, rule: chosen.key, at: chosenPlan.at, notHeld });
  }
  for (let index = 0; index < states.length; index++) {
    const state = states[index]!;
    if (state !== decidedState)
      trace.omitted.push({ outcome: plan.outcomeIds[index]!, because: state === noRuleHeld ? 'no-rule-held' : 'policy-not-applicable' });
  }
  return { point: point.id, outcomes, trace, policy: { name: model.name, version: model.version, hash: model.hash } };
}

export type { Facts };
