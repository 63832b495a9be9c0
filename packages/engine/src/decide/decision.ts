/** The decision a host system gets back, and how it is assembled from the conditions that held. */
import type { Facts, ConditionFailure } from '../compile/predicate.js';
import type { PointModel, PolicySetModel, RuleModel, SourceModel, Status, Text } from '../model.js';

export interface BasisEntry {
  id: string;
  citation: string;
  url?: string;
  verified: boolean;
}

export interface DecidedOutcome {
  id: string;
  status: Status;
  requires?: string[];
  limits?: Record<string, number>;
  basis: BasisEntry[];
  reason: Text;
}

export interface TraceStep {
  outcome: string;
  /** The rule that decided: `<policy>/<outcome>#<n>` or `…#otherwise`. */
  rule: string;
  /** Where that rule is written: `file:line:col`. */
  at: string;
  /** Rules above it that were tried and did not hold, with the conditions that failed. */
  notHeld: Array<{ rule: string; at: string; failed: ConditionFailure[] }>;
}

export interface Trace {
  /** Policies of the point whose scope held (`appliesWhen`), by id. */
  policies: string[];
  steps: TraceStep[];
  /** Outcomes left out: no rule held and the outcome says `otherwise: omit`, or its policy did not apply. */
  omitted: Array<{ outcome: string; because: 'no-rule-held' | 'policy-not-applicable' }>;
}

export interface Decision {
  point: string;
  outcomes: DecidedOutcome[];
  trace: Trace;
  policy: { name: string; version: string; hash: string };
}

/** Which compiled conditions held for these facts, by key. */
export type Holds = (key: string) => boolean;

const locationText = (rule: RuleModel): string => `${rule.at.file}:${rule.at.line}:${rule.at.column}`;

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
 * The combining step, shared by both evaluation paths: per outcome, in the point's order, the
 * first rule that holds decides; else `otherwise`; an outcome of a policy whose scope does not
 * hold is left out. A shared outcome is decided by the first overriding policy whose scope
 * holds, in the shared outcome's place.
 */
export function assembleDecision(
  model: PolicySetModel,
  point: PointModel,
  holds: Holds,
  basis: ReadonlyMap<string, BasisEntry>,
  explain: ((rule: RuleModel) => ConditionFailure[]) | null,
): Decision {
  const applies = new Map<string, boolean>();
  for (const policy of point.policies) applies.set(policy.id, policy.scope === null || holds(policy.scopeKey));
  const outcomes: DecidedOutcome[] = [];
  const trace: Trace = { policies: point.policies.filter((p) => applies.get(p.id)).map((p) => p.id), steps: [], omitted: [] };
  for (const listed of point.outcomes) {
    // An overriding outcome decides in the place of the shared one it replaces, never in its own.
    if (listed.overrides !== undefined && point.outcomes.some((o) => o.policy === listed.overrides && o.id === listed.id)) continue;
    if (!applies.get(listed.policy)) {
      trace.omitted.push({ outcome: listed.id, because: 'policy-not-applicable' });
      continue;
    }
    const overrider = listed.overriddenBy?.find((id) => applies.get(id));
    const outcome = (overrider && point.outcomes.find((o) => o.policy === overrider && o.id === listed.id)) || listed;
    let chosen: RuleModel | null = null;
    const notHeld: TraceStep['notHeld'] = [];
    for (const rule of outcome.rules) {
      if (holds(rule.key)) {
        chosen = rule;
        break;
      }
      notHeld.push({ rule: rule.key, at: locationText(rule), failed: explain ? explain(rule) : [] });
    }
    chosen ??= outcome.otherwise;
    if (!chosen) {
      trace.omitted.push({ outcome: outcome.id, because: 'no-rule-held' });
      continue;
    }
    const decided: DecidedOutcome = {
      id: outcome.id,
      status: chosen.status,
      basis: chosen.basis.map((id) => basis.get(id)!).filter(Boolean),
      reason: chosen.reason,
    };
    const requires = chosen.requires.filter((r) => r.key === null || holds(r.key)).map((r) => r.id);
    if (requires.length > 0) decided.requires = requires;
    if (Object.keys(chosen.limits).length > 0) decided.limits = { ...chosen.limits };
    outcomes.push(decided);
    trace.steps.push({ outcome: outcome.id, rule: chosen.key, at: locationText(chosen), notHeld });
  }
  return { point: point.id, outcomes, trace, policy: { name: model.name, version: model.version, hash: model.hash } };
}

export type { Facts };
