/** The decision a host system gets back, and how it is assembled from the conditions that held. */
import type { Facts, ConditionFailure } from '../compile/predicate.js';
import type { Alternative } from '../explain/alternatives.js';
import { namedConditions } from '../compile/keys.js';
import { locationText } from '../location.js';
import type { FactValue, PointModel, PointOutcomeModel, PolicySetModel, RuleModel, SourceModel, Status, Text, Window } from '../model.js';
import { always, inWindow } from '../time/windows.js';
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
   * apply, or none of its rules is in force on the decision's date.
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

/** Which compiled conditions held for these facts, by key. */
export type Holds = (key: string) => boolean;

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

/**
 * What the combining step needs of a point that does not depend on the facts, worked out once:
 * where each rule is written, its basis entries, and which policies may replace each outcome.
 */
interface PointPlan {
  basis: ReadonlyMap<string, BasisEntry>;
  /** Per outcome, in the point's order; policies by their index in `point.policies`. */
  outcomes: Array<{
    listed: PointOutcomeModel;
    policyIndex: number;
    /** An overriding outcome decides in the place of the shared one it replaces, never in its own. */
    replacesShared: boolean;
    /** Overriding policies, in file order, with their outcome of the same id (if it has one). */
    overriders: Array<{ policyIndex: number; outcome: PointOutcomeModel | undefined }>;
  }>;
  /** Per rule: where it is written, its basis (`timed` when some source has a window), whether it has limits. */
  rules: Map<RuleModel, { at: string; basis: BasisEntry[]; timed: boolean; hasLimits: boolean }>;
  /** Per outcome: the windows of its rules, to tell an outcome not in force from one no rule of which held. */
  windows: Map<PointOutcomeModel, Window[]>;
  /** Which policies' scopes can hold for a fact record (by the fact most scopes fix); undefined: every policy's. */
  scopeIndex: ScopeIndex | undefined;
}

const plans = new WeakMap<PointModel, PointPlan>();

function planOf(point: PointModel, basis: ReadonlyMap<string, BasisEntry>): PointPlan {
  const known = plans.get(point);
  if (known && known.basis === basis) return known;
  const rules: PointPlan['rules'] = new Map();
  const windows: PointPlan['windows'] = new Map();
  for (const outcome of point.outcomes) {
    const all = [...outcome.rules, ...(outcome.otherwise ? [outcome.otherwise] : [])];
    for (const rule of all) {
      const entries = rule.basis.map((id) => basis.get(id)!).filter(Boolean);
      rules.set(rule, {
        at: locationText(rule.at),
        basis: Object.freeze(entries) as BasisEntry[],
        timed: entries.some((entry) => entry.inForce !== undefined),
        hasLimits: Object.keys(rule.limits).length > 0,
      });
    }
    windows.set(
      outcome,
      all.map((rule) => rule.inForce ?? always),
    );
  }
  const policyIndex = new Map(point.policies.map((policy, index) => [policy.id, index]));
  const outcomes = point.outcomes.map((listed) => ({
    listed,
    policyIndex: policyIndex.get(listed.policy) ?? -1,
    replacesShared: listed.overrides !== undefined && point.outcomes.some((o) => o.policy === listed.overrides && o.id === listed.id),
    overriders: (listed.overriddenBy ?? []).map((policy) => ({
      policyIndex: policyIndex.get(policy) ?? -1,
      outcome: point.outcomes.find((o) => o.policy === policy && o.id === listed.id),
    })),
  }));
  const plan: PointPlan = { basis, outcomes, rules, windows, scopeIndex: buildScopeIndex(point, namedConditions(point)) };
  plans.set(point, plan);
  return plan;
}

/**
 * The combining step, shared by both evaluation paths: per outcome, in the point's order, the
 * first rule that holds decides; else `otherwise`; an outcome of a policy whose scope does not
 * hold is left out. A shared outcome is decided by the first overriding policy whose scope
 * holds, in the shared outcome's place. A rule's window is part of its condition (the checker
 * put it there), so `holds` already leaves out rules not in force on `date`; the basis lists only
 * the sources in force on `date`. With the complete record, only the policies the scope index
 * admits have their scopes evaluated (the others' scopes cannot hold), so that work does not grow
 * with the number of organisation packs.
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
  // Whether each policy's scope holds, by its index (an unknown policy, index -1, never applies).
  const applies: boolean[] = [];
  const applying: string[] = [];
  const admitted = plan.scopeIndex && record ? new Set(candidatePolicies(plan.scopeIndex, record)) : undefined;
  point.policies.forEach((policy, index) => {
    const holdsHere = (!admitted || admitted.has(index)) && (policy.scope === null || holds(policy.scopeKey));
    applies.push(holdsHere);
    if (holdsHere) applying.push(policy.id);
  });
  const outcomes: DecidedOutcome[] = [];
  const trace: Trace = { policies: applying, steps: [], omitted: [] };
  for (const { listed, policyIndex, replacesShared, overriders } of plan.outcomes) {
    if (replacesShared) continue;
    if (applies[policyIndex] !== true) {
      trace.omitted.push({ outcome: listed.id, because: 'policy-not-applicable' });
      continue;
    }
    // The first overriding policy that applies decides, with its own outcome.
    let outcome = listed;
    for (const overrider of overriders) {
      if (applies[overrider.policyIndex] === true) {
        outcome = overrider.outcome ?? listed;
        break;
      }
    }
    let chosen: RuleModel | null = null;
    let notHeld: TraceStep['notHeld'] | undefined;
    for (const rule of outcome.rules) {
      if (holds(rule.key)) {
        chosen = rule;
        break;
      }
      (notHeld ??= []).push(
        Object.freeze({ rule: rule.key, at: plan.rules.get(rule)!.at, failed: explain ? freezeFailures(explain(rule)) : noFailures }),
      );
    }
    if (!chosen && outcome.otherwise && (outcome.otherwise.when === null || holds(outcome.otherwise.key))) chosen = outcome.otherwise;
    if (!chosen) {
      const inForce = plan.windows.get(outcome)!.some((window) => inWindow(window, date));
      trace.omitted.push({ outcome: outcome.id, because: inForce ? 'no-rule-held' : 'not-in-force' });
      continue;
    }
    const chosenPlan = plan.rules.get(chosen)!;
    // The basis entries and the reason are the model's own, frozen with it; everything made
    // here is frozen as it is made (cheaper than walking the decision afterwards). Only the
    // sources in force on the date are cited.
    const cited = chosenPlan.timed
      ? (Object.freeze(chosenPlan.basis.filter((entry) => inWindow(entry.inForce, date))) as BasisEntry[])
      : chosenPlan.basis;
    const decided: DecidedOutcome = { id: outcome.id, status: chosen.status, basis: cited, reason: chosen.reason };
    let requires: string[] | undefined;
    for (const requirement of chosen.requires) {
      if (requirement.key === null || holds(requirement.key)) (requires ??= []).push(requirement.id);
    }
    if (requires) decided.requires = Object.freeze(requires) as string[];
    // The model's own limits: frozen with the model, so they can be shared.
    if (chosenPlan.hasLimits) decided.limits = chosen.limits;
    // Frozen after the loop, once the why-not alternatives (if asked for) are added.
    outcomes.push(decided);
    trace.steps.push(
      Object.freeze({
        outcome: outcome.id,
        rule: chosen.key,
        at: chosenPlan.at,
        notHeld: notHeld ? (Object.freeze(notHeld) as TraceStep['notHeld']) : noneHeld,
      }),
    );
  }
  if (addAlternatives) {
    addAlternatives(outcomes);
    for (const outcome of outcomes) deepFreeze(outcome.alternatives);
  }
  for (const outcome of outcomes) Object.freeze(outcome);
  Object.freeze(trace.policies);
  Object.freeze(trace.steps);
  Object.freeze(trace.omitted);
  for (const omitted of trace.omitted) Object.freeze(omitted);
  return Object.freeze({
    point: point.id,
    date,
    outcomes: Object.freeze(outcomes) as DecidedOutcome[],
    trace: Object.freeze(trace),
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

function freezeFailures(failures: ConditionFailure[]): ConditionFailure[] {
  for (const failure of failures) Object.freeze(failure);
  return Object.freeze(failures) as ConditionFailure[];
}

export type { Facts };
