/**
 * Why not: for each outcome of a decision, the smallest changes of the facts that would give it
 * another status ("exclusion would be permitted if the incident were grave").
 *
 * Exact over the outcome's slice (analyze/domain.ts `outcomeSlice`): only the facts its scope,
 * rules and overriding policies read can change it, and a number only matters up to the
 * interval between the values its conditions compare it with, so each fact has a short list of
 * values to try (`FactType.nearestValues`: one per other interval or value, nearest first).
 * Changes are tried by increasing size with the compiled predicates, every combination of the
 * slice once. A change is kept when it gives a status other than the current one and no part
 * of it gives that status (minimal); per status, the first `explainLimits.perStatus`, ordered by
 * fewest facts changed, then the nearest values (the sum of each value's place in its fact's
 * list), then vocabulary order. Facts the vocabulary marks `explain: fixed` (the parties, what
 * the question is about) and settings are never changed.
 *
 * The search stops early once every other status has its handful; otherwise it covers the whole
 * slice, so a status missing from the alternatives cannot be reached by changing the facts that
 * may vary. A slice larger than `explainLimits.changesPerOutcome` is searched only up to the
 * largest change size that fits, so an explanation never hangs a host.
 */
import type { Predicate } from '../compile/predicate.js';
import type { DecidedOutcome } from '../decide/decision.js';
import { describeAlternatives, type AlternativeChange } from '../describe/alternative.js';
import type { DescribeContext } from '../describe/condition.js';
import { factsById } from '../analyze/domain.js';
import { analysisValues, nearestValues, type NearValue } from '../fact-types/index.js';
import type { ConditionNode, FactModel, FactValue, Lang, PointModel, PointOutcomeModel, PolicySetModel, Status, Text } from '../model.js';
import { statuses } from '../status.js';
import { factsRead, outcomeConditions, outcomeRules } from '../walk.js';
import { langs, textIn } from '../words/index.js';

/** How much an explanation says and searches. */
export const explainLimits = {
  /** Alternatives per status: a handful, smallest first. */
  perStatus: 3,
  /** Changes tried per outcome at most; a larger slice is searched up to the change size that fits. */
  changesPerOutcome: 200_000,
} as const;

/** One way the facts could differ for an outcome to have another status. */
export interface Alternative {
  /** The status the outcome would have. */
  status: Status;
  /** The facts that would differ, each with the value nearest its current one that gives the status, in vocabulary order. */
  change: Record<string, FactValue>;
  /** For a number in `change` that stands for a range of values each giving the status: that range, `[from, to]` inclusive. */
  ranges?: Record<string, [number, number]>;
  /** The alternative as a sentence, in the languages of the outcome's reason. */
  text: Text;
}

type Facts = Record<string, FactValue>;

/** A fact an explanation may change, with the numbers where the outcome's conditions cut it. */
interface Variable {
  fact: FactModel;
  cuts: ReadonlySet<FactValue>;
  /** `nearestValues` by current value, worked out once each. */
  near: Map<FactValue, NearValue[]>;
}

/** One outcome of the point as a decision lists it (an outcome an overriding policy replaces is decided in its shared slot). */
interface Slot {
  id: string;
  /** The outcome's status for these facts, or null when the decision leaves it out. */
  statusOf: (facts: Facts) => Status | null;
  variables: Variable[];
  /** The largest change tried (every change up to it fits `changesPerOutcome`). */
  maxSize: number;
  /** The statuses the outcome's rules can give at all. */
  possible: ReadonlySet<Status>;
  /** The facts the outcome reads that an explanation may not change. */
  fixed: string[];
  /**
   * The statuses the outcome can take for each combination of its fixed facts, learnt from
   * searches that covered the whole slice: later searches for the same parties stop as soon as
   * each of them has its handful, instead of searching on for a status that cannot come.
   */
  reachable: Map<string, ReadonlySet<Status>>;
}

/** A change as indices: which variables (ascending) and which of each one's nearest values. */
interface Change {
  variables: number[];
  choices: number[];
  /** The sum of the choices: how far the values are from the current ones. */
  rank: number;
}

/** Combinations of fixed facts whose reachable statuses a slot remembers, at most. */
const maxRememberedParties = 1024;
/** Sentences an explainer remembers, at most. */
const maxRememberedTexts = 4096;

const always: Predicate = () => true;
const never: Predicate = () => false;

/**
 * Each outcome's status as `assembleDecision` combines it: the outcome's policy must apply; the
 * first overriding policy that applies decides instead; the first rule that holds gives the
 * status, else `otherwise`, else the outcome is left out.
 */
function slotDeciders(
  point: PointModel,
  predicate: (key: string) => Predicate,
): Array<{ listed: PointOutcomeModel; statusOf: Slot['statusOf']; possible: Set<Status> }> {
  const scope = (policyId: string): Predicate => {
    const policy = point.policies.find((p) => p.id === policyId);
    if (!policy) return never;
    return policy.scope === null ? always : predicate(policy.scopeKey);
  };
  const rulesOf = (outcome: PointOutcomeModel) => {
    const rules = outcome.rules.map((rule) => ({ holds: rule.when ? predicate(rule.key) : always, status: rule.status }));
    // `otherwise` may have a window of its own (law in time): then its condition says when it is in force.
    const otherwise = outcome.otherwise
      ? { holds: outcome.otherwise.when ? predicate(outcome.otherwise.key) : always, status: outcome.otherwise.status }
      : null;
    return (facts: Facts): Status | null => {
      for (const rule of rules) if (rule.holds(facts)) return rule.status;
      return otherwise?.holds(facts) ? otherwise.status : null;
    };
  };
  const slots: Array<{ listed: PointOutcomeModel; statusOf: Slot['statusOf']; possible: Set<Status> }> = [];
  for (const listed of point.outcomes) {
    const replacesShared =
      listed.overrides !== undefined && point.outcomes.some((o) => o.policy === listed.overrides && o.id === listed.id);
    if (replacesShared) continue;
    const applies = scope(listed.policy);
    const own = rulesOf(listed);
    const deciders = [listed];
    const overriders = (listed.overriddenBy ?? []).map((policy) => {
      const decider = point.outcomes.find((o) => o.policy === policy && o.id === listed.id) ?? listed;
      deciders.push(decider);
      return { applies: scope(policy), decide: rulesOf(decider) };
    });
    const possible = new Set(deciders.flatMap((decider) => outcomeRules(decider).map((rule) => rule.status)));
    slots.push({
      listed,
      possible,
      statusOf: (facts) => {
        if (!applies(facts)) return null;
        for (const overrider of overriders) if (overrider.applies(facts)) return overrider.decide(facts);
        return own(facts);
      },
    });
  }
  return slots;
}

/** The largest size such that every change up to it is at most `budget` changes (counts: values per variable). */
export function largestSize(counts: readonly number[], budget: number): number {
  // changesOfSize[k]: the number of changes of exactly k variables (elementary symmetric sums).
  const changesOfSize = [1, ...counts.map(() => 0)];
  counts.forEach((count, index) => {
    for (let k = index + 1; k >= 1; k--) changesOfSize[k]! += changesOfSize[k - 1]! * count;
  });
  let total = 0;
  for (let k = 1; k <= counts.length; k++) {
    total += changesOfSize[k]!;
    if (total > budget) return k - 1;
  }
  return counts.length;
}

/** Whether `inner` changes a subset of what `outer` changes, to the same values. */
function within(inner: Change, outer: Change): boolean {
  let at = 0;
  for (let k = 0; k < inner.variables.length; k++) {
    while (at < outer.variables.length && outer.variables[at]! < inner.variables[k]!) at++;
    if (at === outer.variables.length || outer.variables[at] !== inner.variables[k] || outer.choices[at] !== inner.choices[k]) return false;
    at++;
  }
  return true;
}

/** Calls `visit` with every ascending choice of `size` indices below `count`, in lexicographic order. */
function forEachSubset(count: number, size: number, visit: (indices: readonly number[]) => void): void {
  const indices = Array.from({ length: size }, (_, i) => i);
  while (true) {
    visit(indices);
    let position = size - 1;
    while (position >= 0 && indices[position] === count - size + position) position--;
    if (position < 0) return;
    indices[position]!++;
    for (let next = position + 1; next < size; next++) indices[next] = indices[next - 1]! + 1;
  }
}

/** Calls `visit` with every tuple of choices below `counts`, the last varying fastest. */
function forEachChoice(counts: readonly number[], visit: (choices: readonly number[]) => void): void {
  if (counts.some((count) => count === 0)) return;
  const choices = counts.map(() => 0);
  while (true) {
    visit(choices);
    let position = counts.length - 1;
    while (position >= 0 && ++choices[position]! === counts[position]) choices[position--] = 0;
    if (position < 0) return;
  }
}

/** The explanation of one decision point: built once per point, then asked per decision. */
export interface PointExplainer {
  /** Adds `alternatives` to every outcome of a decision made at this point for `facts` (the complete, checked record), before the decision is frozen. */
  explain(outcomes: DecidedOutcome[], facts: Readonly<Facts>): void;
}

export function createPointExplainer(
  model: PolicySetModel,
  point: PointModel,
  predicate: (key: string) => Predicate,
  named: ReadonlyMap<string, ConditionNode>,
  describe: DescribeContext,
): PointExplainer {
  const titles = new Map(model.outcomes.map((outcome) => [outcome.id, outcome.title]));
  const facts = factsById(model);
  const texts = new Map<string, Text>();
  const slots: Slot[] = slotDeciders(point, predicate).map(({ listed, statusOf, possible }) => {
    const { read, breakpoints } = factsRead(outcomeConditions(point, listed), named, facts);
    const variables = model.facts
      .filter((fact) => read.has(fact.id) && fact.explain !== 'fixed')
      .map((fact) => ({ fact, cuts: breakpoints.get(fact.id) ?? new Set<FactValue>(), near: new Map<FactValue, NearValue[]>() }));
    const fixed = model.facts.filter((fact) => read.has(fact.id) && fact.explain === 'fixed').map((fact) => fact.id);
    // Every value of a fact has the same number of alternatives: one per other class.
    const counts = variables.map((v) => analysisValues(v.fact, v.cuts).values.length - 1);
    const maxSize = largestSize(counts, explainLimits.changesPerOutcome);
    return { id: listed.id, statusOf, variables, maxSize, possible, fixed, reachable: new Map() };
  });

  return {
    explain(outcomes, facts) {
      const work: Facts = Object.assign(Object.create(null) as Facts, facts);
      let next = 0;
      for (const slot of slots) {
        const current = slot.statusOf(work);
        if (current === null) continue;
        const outcome: DecidedOutcome | undefined = outcomes[next++];
        if (!outcome || outcome.id !== slot.id || outcome.status !== current) {
          throw new Error(`explain: outcome ${next} of point \`${point.id}\` is not \`${slot.id}\` (${current})`);
        }
        const alternatives = slot.variables.length === 0 ? [] : new SlotSearch(slot, facts, current, work).run();
        const title = titles.get(slot.id);
        const languages = langs.filter((lang) => outcome.reason[lang] !== undefined);
        for (const alternative of alternatives) {
          // Sentences are the same for the same change: made once, then copied.
          const key = `${slot.id}|${languages.join()}|${alternative.status}|${JSON.stringify(alternative.change)}|${JSON.stringify(alternative.ranges ?? null)}`;
          let text = texts.get(key);
          if (!text) {
            text = textOf(alternative, title, languages, describe);
            if (texts.size < maxRememberedTexts) texts.set(key, text);
          }
          alternative.text = { ...text };
        }
        outcome.alternatives = alternatives;
      }
    },
  };
}

/** A change kept as an alternative, with the ranges its numbers stand for. */
interface Kept {
  change: Change;
  ranges?: Record<string, [number, number]>;
}

/** One search: the alternatives of one outcome for one record of facts. */
class SlotSearch {
  private readonly near: NearValue[][];
  private readonly ids: string[];
  private readonly accepted = new Map<Status, Kept[]>();
  private readonly minimal = new Map<Status, Change[]>();

  constructor(
    private readonly slot: Slot,
    private readonly facts: Readonly<Facts>,
    private readonly current: Status,
    /** A copy of `facts` the search changes and puts back. */
    private readonly work: Facts,
  ) {
    this.ids = slot.variables.map((v) => v.fact.id);
    this.near = slot.variables.map((v) => {
      const value = facts[v.fact.id] ?? null;
      let near = v.near.get(value);
      if (!near) {
        near = nearestValues(v.fact, v.cuts, value);
        if (v.near.size < maxRememberedParties) v.near.set(value, near);
      }
      return near;
    });
  }

  private full(status: Status): boolean {
    return (this.accepted.get(status)?.length ?? 0) >= explainLimits.perStatus;
  }

  /** The outcome's status with the change applied; the working record is put back after. */
  private statusWith(variables: readonly number[], choices: readonly number[]): Status | null {
    const { work, ids, near, facts } = this;
    for (let k = 0; k < variables.length; k++) work[ids[variables[k]!]!] = near[variables[k]!]![choices[k]!]!.value;
    const status = this.slot.statusOf(work);
    for (const index of variables) work[ids[index]!] = facts[ids[index]!]!;
    return status;
  }

  run(): Alternative[] {
    const { slot, current } = this;
    const count = slot.variables.length;
    const parties = JSON.stringify(slot.fixed.map((id) => this.facts[id] ?? null));
    const reachable = slot.reachable.get(parties) ?? slot.possible;
    const others = statuses.filter((status) => status !== current && reachable.has(status));
    // No other status is reachable for these parties: nothing to search.
    if (others.length === 0) return [];
    const seen = new Set<Status>([current]);
    let whole = slot.maxSize >= count;
    for (let size = 1; size <= Math.min(count, slot.maxSize); size++) {
      const found = new Map<Status, Change[]>();
      forEachSubset(count, size, (indices) => {
        forEachChoice(
          indices.map((index) => this.near[index]!.length),
          (choices) => {
            const status = this.statusWith(indices, choices);
            if (status === null) return;
            seen.add(status);
            if (status === current || this.full(status)) return;
            const known = this.minimal.get(status) ?? [];
            const change = { variables: indices as number[], choices: choices as number[], rank: 0 };
            // Minimal: every smaller change that gives the status was found at its own size.
            if (known.some((smaller) => within(smaller, change))) return;
            const kept = { variables: [...indices], choices: [...choices], rank: choices.reduce((sum, choice) => sum + choice, 0) };
            known.push(kept);
            this.minimal.set(status, known);
            const ofStatus = found.get(status);
            if (ofStatus) ofStatus.push(kept);
            else found.set(status, [kept]);
          },
        );
      });
      for (const [status, changes] of found) this.accept(status, changes);
      if (others.every((status) => this.full(status)) && size < count) {
        whole = false;
        break;
      }
    }
    if (whole && slot.reachable.size < maxRememberedParties) slot.reachable.set(parties, seen);
    return this.alternatives();
  }

  /** Keeps the smallest changes of one size for a status, up to the handful, none that an earlier one already says. */
  private accept(status: Status, changes: Change[]): void {
    // Stable: equal ranks keep vocabulary order.
    changes.sort((x, y) => x.rank - y.rank);
    const list = this.accepted.get(status) ?? [];
    for (const change of changes) {
      if (list.length >= explainLimits.perStatus) break;
      if (list.some((earlier) => this.covers(earlier, change))) continue;
      list.push({ change, ...this.rangesOf(change, status) });
    }
    this.accepted.set(status, list);
  }

  /** Whether an earlier alternative already says this one: the same facts, its numbers inside the earlier ranges. */
  private covers(earlier: Kept, change: Change): boolean {
    if (earlier.change.variables.join() !== change.variables.join()) return false;
    return change.variables.every((index, k) => {
      const value = this.near[index]![change.choices[k]!]!.value;
      const range = earlier.ranges?.[this.ids[index]!];
      if (range && typeof value === 'number') return value >= range[0] && value <= range[1];
      return earlier.change.choices[k] === change.choices[k];
    });
  }

  /**
   * The ranges of the numbers in a change: each number's interval, widened away from the
   * current value while the status stays (the other facts of the change held). When two numbers
   * are widened, every combination of their ranges is checked; if one differs, each keeps its
   * own interval (alike to the conditions, so always safe).
   */
  private rangesOf(change: Change, status: Status): { ranges?: Record<string, [number, number]> } {
    type Step = { choice: number; interval: readonly [number, number] };
    const runs = new Map<number, Step[]>();
    change.variables.forEach((index, k) => {
      const chosen = this.near[index]![change.choices[k]!]!;
      const own = chosen.interval;
      if (!own) return;
      const from = this.facts[this.ids[index]!];
      const upward = typeof from !== 'number' || (chosen.value as number) > from;
      const run: Step[] = [{ choice: change.choices[k]!, interval: own }];
      // The intervals beyond the chosen one, away from the current value, nearest first.
      const beyond = this.near[index]!.flatMap((other, choice) => (other.interval ? [{ choice, interval: other.interval }] : []))
        .filter(({ interval }) => (upward ? interval[0] > own[1] : interval[1] < own[0]))
        .sort((x, y) => (upward ? x.interval[0] - y.interval[0] : y.interval[0] - x.interval[0]));
      for (const step of beyond) {
        const last = run[run.length - 1]!.interval;
        if (upward ? step.interval[0] !== last[1] + 1 : step.interval[1] !== last[0] - 1) break;
        const choices = change.choices.slice();
        choices[k] = step.choice;
        if (this.statusWith(change.variables, choices) !== status) break;
        run.push(step);
      }
      runs.set(k, run);
    });
    const widened = [...runs].filter(([, run]) => run.length > 1);
    if (widened.length > 1) {
      let holds = true;
      forEachChoice(
        widened.map(([, run]) => run.length),
        (picks) => {
          if (!holds) return;
          const choices = change.choices.slice();
          widened.forEach(([k, run], w) => {
            choices[k] = run[picks[w]!]!.choice;
          });
          if (this.statusWith(change.variables, choices) !== status) holds = false;
        },
      );
      if (!holds) for (const [k, run] of widened) runs.set(k, run.slice(0, 1));
    }
    const ranges: Record<string, [number, number]> = {};
    for (const [k, run] of runs) {
      const bounds = run.flatMap(({ interval }) => interval);
      const range: [number, number] = [Math.min(...bounds), Math.max(...bounds)];
      if (range[0] !== range[1]) ranges[this.ids[change.variables[k]!]!] = range;
    }
    return Object.keys(ranges).length > 0 ? { ranges } : {};
  }

  /** The kept changes as alternatives: by status in the closed set's order, each smallest first (texts added by the caller). */
  private alternatives(): Alternative[] {
    const result: Alternative[] = [];
    for (const status of statuses) {
      for (const { change, ranges } of this.accepted.get(status) ?? []) {
        const values: Record<string, FactValue> = {};
        change.variables.forEach((index, k) => {
          values[this.ids[index]!] = this.near[index]![change.choices[k]!]!.value;
        });
        // Keys in the order a reader takes them: status, change, ranges, then the sentence.
        const alternative = { status, change: values } as Alternative;
        if (ranges) alternative.ranges = ranges;
        alternative.text = {};
        result.push(alternative);
      }
    }
    return result;
  }
}

function textOf(alternative: AlternativeChange, title: Text | undefined, languages: readonly Lang[], describe: DescribeContext): Text {
  const text: Text = {};
  for (const lang of languages) text[lang] = describeAlternatives(textIn(title, lang), [alternative], describe, lang)[0]!;
  return text;
}
