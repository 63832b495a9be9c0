/**
 * The periods of a policy set: the stretches of days between the boundaries of every window
 * (sources, policies, rules, duties) and every date a condition compares the decision's date with.
 * Inside a period no rule, source or duty comes into or goes out of force and no condition on the
 * date changes its answer, so one date stands for the whole period: the gate checks every duty
 * once per period it is in force, and names the period of a counterexample.
 */
import { namedConditions } from '../compile/keys.js';
import type { ConditionNode, FactValue, PointModel, PolicySetModel } from '../model.js';
import { addDays, firstDate, type IsoDate } from '../time/calendar.js';
import { boundaries, intersect, type Window } from '../time/windows.js';
import { factsRead, outcomeRules, pointConditions } from '../walk.js';
import { factsById } from './domain.js';

/** A stretch of days in which nothing in the set changes, and the date that stands for it. */
export interface Period extends Window {
  /** Its first day, or its last where it reaches back without end. */
  date: IsoDate;
}

/** Every date at which something in the set comes into or goes out of force, sorted. */
export function changeDates(model: PolicySetModel): IsoDate[] {
  const windows: Array<Window | undefined> = [
    ...model.sources.map((source) => source.inForce),
    ...model.points.flatMap((point) => [
      ...point.policies.map((policy) => policy.inForce),
      ...point.outcomes.flatMap((outcome) => outcomeRules(outcome).map((rule) => rule.inForce)),
    ]),
    ...model.duties.flatMap((catalogue) => catalogue.duties.map((duty) => duty.inForce)),
  ];
  const dates = new Set(boundaries(windows));
  if (model.decisionDate !== undefined) for (const cut of dateCuts(model)) dates.add(cut);
  return [...dates].sort();
}

/** The dates the conditions of every point and duty compare the decision's date with. */
function dateCuts(model: PolicySetModel): string[] {
  const facts = factsById(model);
  const cuts = new Set<FactValue>();
  for (const point of model.points) {
    for (const cut of factsRead(pointConditions(point), namedConditions(point), facts).breakpoints.get(model.decisionDate!) ?? [])
      cuts.add(cut);
  }
  const dutyConditions: Array<ConditionNode | null> = model.duties.flatMap((catalogue) => [
    catalogue.scope,
    ...catalogue.duties.flatMap((duty) => duty.obligations.map((o) => (o.kind === 'invariant' ? o.when : null))),
  ]);
  for (const cut of factsRead(dutyConditions, new Map(), facts).breakpoints.get(model.decisionDate!) ?? []) cuts.add(cut);
  return [...cuts].filter((cut): cut is string => typeof cut === 'string');
}

const known = new WeakMap<PolicySetModel, Period[]>();

/** The periods of the set in date order; one period of every date when nothing changes. */
export function periodsOf(model: PolicySetModel): Period[] {
  const cached = known.get(model);
  if (cached) return cached;
  const periods = periodsFrom(changeDates(model));
  known.set(model, periods);
  return periods;
}

function periodsFrom(dates: readonly IsoDate[]): Period[] {
  if (dates.length === 0) return [{ date: firstDate }];
  const periods: Period[] = [{ until: dates[0]!, date: addDays(dates[0]!, -1) }];
  dates.forEach((from, index) => {
    const until = dates[index + 1];
    periods.push(until === undefined ? { from, date: from } : { from, until, date: from });
  });
  return periods;
}

/** The date analysis decides for where the date does not matter: the law as it stands after its last change. */
export function analysisDate(model: PolicySetModel): IsoDate {
  return periodsOf(model).at(-1)!.date;
}

/** The periods a window holds (wholly: windows begin and end only at period boundaries). */
export function periodsIn(periods: readonly Period[], window: Window | undefined): Period[] {
  return periods.filter((period) => intersect(period, window) !== undefined);
}

/** The periods in which a point decides (the others are refused): inside its covered dates. */
export const pointPeriods = (periods: readonly Period[], point: PointModel): Period[] => periodsIn(periods, point.covers);

/**
 * The enumerations that check an obligation in every period a duty is in force at a point: when
 * the slice reads the decision's date, one per class of periods the slice's conditions cannot
 * tell apart (periods inside one interval of the slice's date cuts), with the date pinned to the
 * first period's date; otherwise one, standing for all of them. Periods a point does not cover
 * are left out: a decision there is refused (an obligation relating two points needs both).
 */
export function periodEnumerations<D extends { fact: string; values: FactValue[]; intervals?: string[] }>(
  model: PolicySetModel,
  points: PointModel | readonly PointModel[],
  dutyWindow: Window | undefined,
  domains: readonly D[],
): Array<{ periods: Period[]; domains: D[] }> {
  const covered = (Array.isArray(points) ? points : [points]).reduce<Period[]>(
    (kept, point) => pointPeriods(kept, point),
    periodsOf(model),
  );
  const periods = periodsIn(covered, dutyWindow);
  if (periods.length === 0) return [];
  const at = domains.findIndex((domain) => domain.fact === model.decisionDate);
  if (at < 0) return [{ periods, domains: [...domains] }];
  // The first day of each interval of the slice's date domain: periods in one interval decide alike.
  const starts = (domains[at]!.intervals ?? []).filter((i) => i !== 'none').map((i) => i.split('..')[0]!);
  const classes = new Map<string, Period[]>();
  for (const period of periods) {
    const start = starts.filter((s) => s <= period.date).at(-1) ?? '';
    classes.set(start, [...(classes.get(start) ?? []), period]);
  }
  return [...classes.values()].map((group) => {
    const pinned = [...domains];
    pinned[at] = { ...domains[at]!, values: [group[0]!.date], intervals: undefined };
    return { periods: group, domains: pinned };
  });
}
