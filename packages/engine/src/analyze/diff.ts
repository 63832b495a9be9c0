/**
 * The semantic diff of two policy sets: for every decision point and outcome, which fact
 * combinations get a different decision (status, requires, limits), grouped into a few readable
 * conditions; plus changed sources, reasons and settings.
 *
 * Per outcome, only the facts its conditions read on either side are enumerated (the others
 * cannot change it), integers split at the numbers either side compares them with, so the
 * enumeration is exhaustive over the reduced domain and still small.
 */
import { PolicySet } from '../decide/policy-set.js';
import type { DecidedOutcome } from '../decide/decision.js';
import { locationText } from '../location.js';
import type {
  ConditionNode,
  FactModel,
  FactValue,
  PointModel,
  PolicySetModel,
  RuleModel,
  SettingModel,
  SourceModel,
  Status,
  Text,
} from '../model.js';
import { defaultFacts, factDomain, type FactDomain } from './domain.js';
import { noneAllowed, unitedDomain } from '../fact-types/index.js';
import { factsRead, outcomeConditions } from '../walk.js';
import { namedConditions } from '../compile/keys.js';
import { inWindow } from '../time/windows.js';

/** What one outcome is for a fact combination; `absent` when the decision leaves it out. */
export interface OutcomeState {
  status: Status | 'absent';
  requires?: string[];
  limits?: Record<string, number>;
}

/** One fact constraint of a group: the fact takes one of `values` (integers: `intervals`). */
export interface FactConstraint {
  fact: string;
  values: FactValue[];
  /** For integers: the intervals the values stand for, e.g. `2..1000`. */
  intervals?: string[];
}

/** What changed for an outcome whose status stayed the same. */
export interface StateDelta {
  requiresAdded?: string[];
  requiresRemoved?: string[];
  /** Changed limits; `undefined` on a side where the limit is not set. */
  limits?: Record<string, { from?: number; to?: number }>;
}

export interface DecisionChange {
  point: string;
  outcome: string;
  /** The statuses before and after (equal when only `delta` changed). */
  from: OutcomeState;
  to: OutcomeState;
  /** Set when the status stayed the same and only requirements or limits changed. */
  delta?: StateDelta;
  /** How many combinations of the reduced domain changed this way. */
  combinations: number;
  /** Of how many combinations the outcome's reduced domain has. */
  of: number;
  /** The changed combinations, exactly, as a union of conjunctions of fact constraints. */
  when: FactConstraint[][];
}

export interface TextChange {
  id: string;
  at?: string;
  from?: Text;
  to?: Text;
}

export interface FieldChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** Changed fields, with base and head values. */
  fields?: Record<string, { from: unknown; to: unknown }>;
}

export interface PolicyDiff {
  base: { name: string; version: string; hash: string };
  head: { name: string; version: string; hash: string };
  /** Set for one policy version compared at two dates (`vot diff --at <date> --at <date>`): the base date and the head date. */
  dates?: { base: string; head: string };
  points: { added: string[]; removed: string[] };
  decisions: DecisionChange[];
  reasons: TextChange[];
  rules: { added: string[]; removed: string[] };
  sources: FieldChange[];
  settings: FieldChange[];
}

/** The conditions every policy deciding an outcome id at a point depends on. */
function outcomeIdConditions(point: PointModel, outcomeId: string): Array<ConditionNode | null> {
  return point.outcomes.filter((o) => o.id === outcomeId).flatMap((outcome) => outcomeConditions(point, outcome));
}

/** One fact model covering both sides' domains (enum values and integer ranges united). */
function unitedFact(base: FactModel | undefined, head: FactModel | undefined): FactModel {
  const either = (head ?? base)!;
  if (!base || !head) return either;
  const united: FactModel = {
    ...head,
    hasDefault: noneAllowed(base) || noneAllowed(head) ? true : head.hasDefault,
    default: noneAllowed(base) || noneAllowed(head) ? null : head.default,
  };
  return Object.assign(united, unitedDomain(head, base));
}

/** The reduced domain the diff enumerates for one outcome of a point (for tests and tools). */
export function outcomeDiffDomain(base: PolicySetModel, head: PolicySetModel, pointId: string, outcomeId: string): FactDomain[] {
  return outcomeDomain(
    base,
    head,
    base.points.find((p) => p.id === pointId),
    head.points.find((p) => p.id === pointId),
    outcomeId,
  );
}

function outcomeDomain(
  base: PolicySetModel,
  head: PolicySetModel,
  basePoint: PointModel | undefined,
  headPoint: PointModel | undefined,
  outcomeId: string,
): FactDomain[] {
  // Each side's named conditions resolve in that side: the same name may differ between them.
  const read = new Set<string>();
  const breakpoints = new Map<string, Set<FactValue>>();
  const baseFacts = new Map(base.facts.map((f) => [f.id, f]));
  const headFacts = new Map(head.facts.map((f) => [f.id, f]));
  for (const [point, facts] of [
    [basePoint, baseFacts],
    [headPoint, headFacts],
  ] as const) {
    if (!point) continue;
    const side = factsRead(outcomeIdConditions(point, outcomeId), namedConditions(point), facts);
    for (const fact of side.read) read.add(fact);
    for (const [fact, cuts] of side.breakpoints) breakpoints.set(fact, new Set([...(breakpoints.get(fact) ?? []), ...cuts]));
  }
  const order = [...head.facts.map((f) => f.id), ...base.facts.map((f) => f.id).filter((id) => !headFacts.has(id))];
  return order.filter((id) => read.has(id)).map((id) => factDomain(unitedFact(baseFacts.get(id), headFacts.get(id)), breakpoints.get(id)));
}

/** Fields that never change what an outcome decides (texts, sources, positions). */
const inert = new Set(['at', 'reason', 'note', 'basis', 'title', 'description', 'key', 'file']);

/**
 * Everything one outcome's state (status, requires, limits) depends on, as text: its entries in
 * the point (with overrides), the scopes and named conditions of their policies, in order.
 * Equal signatures decide alike on every combination, so that outcome needs no enumeration.
 */
function outcomeSignature(point: PointModel, outcomeId: string): string {
  const entries = point.outcomes.filter((o) => o.id === outcomeId);
  const policies = point.policies.filter((p) => entries.some((e) => e.policy === p.id) || p.conditions.length > 0);
  return JSON.stringify(
    { entries, policies: policies.map((p) => ({ id: p.id, scope: p.scope, conditions: p.conditions, overrides: p.overrides })) },
    (key, value: unknown) => (inert.has(key) ? undefined : value),
  );
}

function stateOf(outcome: DecidedOutcome | undefined): OutcomeState {
  if (!outcome) return { status: 'absent' };
  const state: OutcomeState = { status: outcome.status };
  if (outcome.requires?.length) state.requires = [...outcome.requires].sort();
  if (outcome.limits && Object.keys(outcome.limits).length > 0) state.limits = outcome.limits;
  return state;
}

function deltaOf(from: OutcomeState, to: OutcomeState): StateDelta {
  const delta: StateDelta = {};
  const before = new Set(from.requires ?? []);
  const after = new Set(to.requires ?? []);
  const added = [...after].filter((r) => !before.has(r));
  const removed = [...before].filter((r) => !after.has(r));
  if (added.length) delta.requiresAdded = added;
  if (removed.length) delta.requiresRemoved = removed;
  for (const key of [...new Set([...Object.keys(from.limits ?? {}), ...Object.keys(to.limits ?? {})])].sort()) {
    const x = from.limits?.[key];
    const y = to.limits?.[key];
    if (x !== y) (delta.limits ??= {})[key] = { from: x, to: y };
  }
  return delta;
}

/** A cheap identity of a state (it runs for every outcome of every combination). */
const stateKey = (state: OutcomeState): string => {
  let key = state.status;
  if (state.requires) key += `|${state.requires.join(',')}`;
  if (state.limits)
    key += `|${Object.keys(state.limits)
      .sort()
      .map((k) => `${k}=${state.limits![k]}`)
      .join(',')}`;
  return key;
};

/**
 * A few conjunctions ("cubes") that pick out exactly the cells marked 1 of a grid, where cells
 * marked 2 may be included or not and cells marked 0 must not be: a greedy cover with maximal
 * cubes. From each uncovered 1-cell, one fact at a time is widened to every value that keeps
 * the cube free of 0-cells. Every 1-cell ends in some cube and no cube holds a 0-cell.
 */
export function coverCells(sizes: readonly number[], marked: Uint8Array): number[][][] {
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((p, n) => p * n, 1));
  const covered = new Uint8Array(marked.length);
  const forEachCell = (cube: number[][], visit: (index: number) => boolean): boolean => {
    const positions = cube.map(() => 0);
    while (true) {
      let index = 0;
      for (let i = 0; i < cube.length; i++) index += cube[i]![positions[i]!]! * strides[i]!;
      if (!visit(index)) return false;
      let i = cube.length - 1;
      while (i >= 0 && ++positions[i]! >= cube[i]!.length) positions[i--] = 0;
      if (i < 0) return true;
    }
  };
  const cubes: number[][][] = [];
  for (let seed = 0; seed < marked.length; seed++) {
    if (marked[seed] !== 1 || covered[seed]) continue;
    const cube = sizes.map((_, i) => [Math.floor(seed / strides[i]!) % sizes[i]!]);
    // Widen the facts with the most values first: they give the shortest sentences.
    const order = sizes.map((_, i) => i).sort((x, y) => sizes[y]! - sizes[x]!);
    for (const fact of order) {
      const keep = cube[fact]![0]!;
      const allowed: number[] = [];
      for (let value = 0; value < sizes[fact]!; value++) {
        if (value === keep) {
          allowed.push(value);
          continue;
        }
        const trial = cube.map((values, i) => (i === fact ? [value] : values));
        if (forEachCell(trial, (index) => marked[index] !== 0)) allowed.push(value);
      }
      cube[fact] = allowed;
    }
    // Then narrow each constrained fact back to the values that hold a marked cell: the same
    // cells are covered, and the sentence says "is 1" rather than "is at most 1".
    cube.forEach((values, fact) => {
      if (values.length === sizes[fact]) return;
      cube[fact] = values.filter(
        (value) =>
          !forEachCell(
            cube.map((v, i) => (i === fact ? [value] : v)),
            (index) => marked[index] !== 1,
          ),
      );
    });
    forEachCell(cube, (index) => {
      covered[index] = 1;
      return true;
    });
    cubes.push(cube);
  }
  return cubes;
}

function constraintsOf(domains: readonly FactDomain[], cube: number[][]): FactConstraint[] {
  const constraints: FactConstraint[] = [];
  cube.forEach((indices, i) => {
    const domain = domains[i]!;
    if (indices.length === domain.values.length) return; // every value: no constraint
    const constraint: FactConstraint = { fact: domain.fact, values: indices.map((x) => domain.values[x]!) };
    if (domain.intervals) constraint.intervals = indices.map((x) => domain.intervals![x]!);
    constraints.push(constraint);
  });
  return constraints;
}

/** Which interval of an ordered fact's analysis domain holds a value (its last interval starting at or before it). */
function intervalOf(domain: FactDomain, value: string): number {
  const starts = (domain.intervals ?? []).map((interval) => interval.split('..')[0]!);
  return starts.reduce((found, start, index) => (start <= value ? index : found), -1);
}

/**
 * The decisions that differ between two sides. With `dates`, the sides are one version decided at
 * two dates: every outcome whose conditions read the decision's date is enumerated over its other
 * facts, the date fixed to `dates.base` on one side and `dates.head` on the other.
 */
function decisionChanges(base: PolicySetModel, head: PolicySetModel, dates?: { base: string; head: string }): DecisionChange[] {
  const baseSet = new PolicySet(base);
  const headSet = new PolicySet(head);
  const baseDefaults = defaultFacts(base);
  const headDefaults = defaultFacts(head);
  const changes: DecisionChange[] = [];
  for (const pointId of [...new Set([...head.points.map((p) => p.id), ...base.points.map((p) => p.id)])]) {
    const basePoint = base.points.find((p) => p.id === pointId);
    const headPoint = head.points.find((p) => p.id === pointId);
    const outcomeIds = [...new Set([...(headPoint?.outcomes ?? []), ...(basePoint?.outcomes ?? [])].map((o) => o.id))];
    // Outcomes with the same reduced domain share one enumeration: each combination is decided
    // once per side and read for all of them (outcomes of a point often read the same facts).
    const byDomain = new Map<string, { domains: FactDomain[]; outcomes: string[] }>();
    for (const outcomeId of outcomeIds) {
      if (!dates && basePoint && headPoint && outcomeSignature(basePoint, outcomeId) === outcomeSignature(headPoint, outcomeId)) continue;
      let domains = outcomeDomain(base, head, basePoint, headPoint, outcomeId);
      if (dates) {
        // At two dates only outcomes whose date cuts fall between them can differ; the date is fixed per side.
        const dateDomain = domains.find((d) => d.fact === head.decisionDate);
        if (!dateDomain || intervalOf(dateDomain, dates.base) === intervalOf(dateDomain, dates.head)) continue;
        domains = domains.filter((d) => d.fact !== head.decisionDate);
      }
      const key = JSON.stringify(domains);
      const shared = byDomain.get(key);
      if (shared) shared.outcomes.push(outcomeId);
      else byDomain.set(key, { domains, outcomes: [outcomeId] });
    }
    for (const { domains, outcomes } of byDomain.values()) {
      const sizes = domains.map((d) => d.values.length);
      const total = sizes.reduce((p, n) => p * n, 1);
      const perOutcome = outcomes.map((outcomeId) => ({
        outcomeId,
        groups: new Map<string, { from: OutcomeState; to: OutcomeState; delta?: StateDelta; cells: number[] }>(),
        // The base status of every cell, to tell a group's "don't care" cells from its forbidden ones.
        baseStatuses: new Array<string>(total),
      }));
      const baseRecord: Record<string, FactValue> = Object.assign(Object.create(null) as Record<string, FactValue>, baseDefaults);
      const headRecord: Record<string, FactValue> = Object.assign(Object.create(null) as Record<string, FactValue>, headDefaults);
      if (dates && head.decisionDate !== undefined) {
        baseRecord[head.decisionDate] = dates.base;
        headRecord[head.decisionDate] = dates.head;
      }
      for (let index = 0; index < total; index++) {
        let rest = index;
        for (let i = domains.length - 1; i >= 0; i--) {
          const value = domains[i]!.values[rest % sizes[i]!]!;
          rest = Math.floor(rest / sizes[i]!);
          baseRecord[domains[i]!.fact] = value;
          headRecord[domains[i]!.fact] = value;
        }
        const baseDecided = new Map(
          (basePoint ? baseSet.decideValidated(pointId, baseRecord, { explain: false }).outcomes : []).map((o) => [o.id, o]),
        );
        const headDecided = new Map(
          (headPoint ? headSet.decideValidated(pointId, headRecord, { explain: false }).outcomes : []).map((o) => [o.id, o]),
        );
        for (const entry of perOutcome) {
          const from = stateOf(baseDecided.get(entry.outcomeId));
          const to = stateOf(headDecided.get(entry.outcomeId));
          const fromKey = stateKey(from);
          entry.baseStatuses[index] = from.status;
          const toKey = stateKey(to);
          if (fromKey === toKey) continue;
          // A status change is one group whatever the requirements; otherwise the exact states.
          // One group per status change; when the status stays, one group per change of
          // requirements and limits (whatever else the outcome requires in each combination).
          const delta = from.status === to.status ? deltaOf(from, to) : undefined;
          const key = `${from.status}→${to.status}${delta ? JSON.stringify(delta) : ''}`;
          let group = entry.groups.get(key);
          if (!group) {
            group = { from: { status: from.status }, to: { status: to.status }, cells: [] };
            if (delta) group.delta = delta;
            entry.groups.set(key, group);
          }
          group.cells.push(index);
        }
      }
      for (const { outcomeId, groups, baseStatuses } of perOutcome) {
        for (const group of groups.values()) {
          // Read as "where the outcome was <from>, when …, it is now <to>": cells whose base state
          // was something else cannot make a sentence false, so they are "don't care" (2).
          const marked = new Uint8Array(total);
          for (let index = 0; index < total; index++) marked[index] = baseStatuses[index] === group.from.status ? 0 : 2;
          for (const index of group.cells) marked[index] = 1;
          const when = coverCells(sizes, marked).map((cube) => constraintsOf(domains, cube));
          changes.push({
            point: pointId,
            outcome: outcomeId,
            from: group.from,
            to: group.to,
            ...(group.delta ? { delta: group.delta } : {}),
            combinations: group.cells.length,
            of: total,
            when,
          });
        }
      }
    }
  }
  return changes;
}

/**
 * Every rule by a stable identity: its `id` where the reviewer gave one (so inserting a rule
 * above it does not make it look changed), else its position key.
 */
const allRules = (model: PolicySetModel): Map<string, RuleModel> =>
  new Map(
    model.points
      .flatMap((p) => p.outcomes.flatMap((o) => [...o.rules, ...(o.otherwise ? [o.otherwise] : [])]))
      // Versions of a rule share its id: the first day of each version tells them apart.
      .map((r) => [r.id ? `${r.policy}/${r.outcome}@${r.id}${r.inForce?.from ? `@${r.inForce.from}` : ''}` : r.key, r]),
  );

const sameJson = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

/** Field-by-field changes of records keyed by id, ignoring where they are written (`at`). */
function recordChanges<T extends { id: string; at: unknown }>(base: readonly T[], head: readonly T[]): FieldChange[] {
  const baseById = new Map(base.map((r) => [r.id, r]));
  const headById = new Map(head.map((r) => [r.id, r]));
  const changes: FieldChange[] = [];
  for (const record of head) {
    const before = baseById.get(record.id);
    if (!before) {
      changes.push({ id: record.id, change: 'added' });
      continue;
    }
    const fields: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(record)])]) {
      if (key === 'at') continue;
      const from = (before as Record<string, unknown>)[key];
      const to = (record as Record<string, unknown>)[key];
      if (!sameJson(from, to)) fields[key] = { from, to };
    }
    if (Object.keys(fields).length > 0) changes.push({ id: record.id, change: 'changed', fields });
  }
  for (const record of base) if (!headById.has(record.id)) changes.push({ id: record.id, change: 'removed' });
  return changes;
}

/** Compares two checked policy sets: `base` (before) and `head` (after). */
export function diffPolicySets(base: PolicySetModel, head: PolicySetModel): PolicyDiff {
  const baseRules = allRules(base);
  const headRules = allRules(head);
  const reasons: TextChange[] = [];
  for (const [key, rule] of headRules) {
    const before = baseRules.get(key);
    if (before && !sameJson(before.reason, rule.reason))
      reasons.push({ id: rule.key, at: locationText(rule.at), from: before.reason, to: rule.reason });
  }
  const basePoints = new Set(base.points.map((p) => p.id));
  const headPoints = new Set(head.points.map((p) => p.id));
  return {
    base: { name: base.name, version: base.version, hash: base.hash },
    head: { name: head.name, version: head.version, hash: head.hash },
    points: { added: [...headPoints].filter((p) => !basePoints.has(p)), removed: [...basePoints].filter((p) => !headPoints.has(p)) },
    decisions: decisionChanges(base, head),
    reasons,
    rules: {
      added: [...headRules].filter(([k]) => !baseRules.has(k)).map(([, r]) => r.key),
      removed: [...baseRules].filter(([k]) => !headRules.has(k)).map(([, r]) => r.key),
    },
    sources: recordChanges<SourceModel>(base.sources, head.sources),
    settings: recordChanges<SettingModel>(base.settings, head.settings),
  };
}

/**
 * One policy version compared at two dates: the fact combinations decided otherwise on `head`
 * than on `base`, the rules and the sources that come into force (`added`) or go out of force
 * (`removed`) between them, and the reasons of rules replaced by another version of themselves.
 */
export function diffAtDates(model: PolicySetModel, baseDate: string, headDate: string): PolicyDiff {
  const inForceOn = (date: string) => new Set([...allRules(model)].filter(([, r]) => inWindow(r.inForce, date)).map(([, r]) => r.key));
  const [before, after] = [inForceOn(baseDate), inForceOn(headDate)];
  const sources: FieldChange[] = [];
  for (const source of model.sources) {
    const [was, is] = [inWindow(source.inForce, baseDate), inWindow(source.inForce, headDate)];
    if (was !== is) sources.push({ id: source.id, change: is ? 'added' : 'removed' });
  }
  // A rule replaced by another version of itself: its reason as it reads on each date.
  const versionOf = (date: string) =>
    new Map(
      [...allRules(model)].filter(([, r]) => r.id && inWindow(r.inForce, date)).map(([, r]) => [`${r.policy}/${r.outcome}@${r.id}`, r]),
    );
  const [oldVersions, newVersions] = [versionOf(baseDate), versionOf(headDate)];
  const reasons: TextChange[] = [];
  for (const [name, rule] of newVersions) {
    const before = oldVersions.get(name);
    if (before && before !== rule && !sameJson(before.reason, rule.reason))
      reasons.push({ id: rule.key, at: locationText(rule.at), from: before.reason, to: rule.reason });
  }
  const policy = { name: model.name, version: model.version, hash: model.hash };
  return {
    base: policy,
    head: policy,
    dates: { base: baseDate, head: headDate },
    points: { added: [], removed: [] },
    decisions: decisionChanges(model, model, { base: baseDate, head: headDate }),
    reasons,
    rules: { added: [...after].filter((k) => !before.has(k)), removed: [...before].filter((k) => !after.has(k)) },
    sources,
    settings: [],
  };
}

/** Whether the diff found any change at all. */
export function isEmptyDiff(diff: PolicyDiff): boolean {
  return (
    diff.points.added.length +
      diff.points.removed.length +
      diff.decisions.length +
      diff.reasons.length +
      diff.rules.added.length +
      diff.rules.removed.length +
      diff.sources.length +
      diff.settings.length ===
    0
  );
}
