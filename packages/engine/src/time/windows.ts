/**
 * Windows in time: when a source, a policy, a rule or a duty is in force. `from` is the first day
 * in force, `until` the first day no longer in force (exclusive), both optional: a window without
 * `from` reaches back without end, one without `until` forward. The checker's time pass, the
 * decision's basis and the gate's periods all work on windows through these functions.
 */
import { addDays, earlierDate, laterDate, type IsoDate } from './calendar.js';

/** When something is in force: `from` inclusive, `until` exclusive. */
export interface Window {
  from?: IsoDate;
  until?: IsoDate;
}

/** The window of what has none: in force on every date. */
export const always: Window = {};

/** Whether the window holds the date. */
export function inWindow(window: Window | undefined, date: IsoDate): boolean {
  if (!window) return true;
  return (window.from === undefined || date >= window.from) && (window.until === undefined || date < window.until);
}

/** The days both windows hold, or undefined when they share none. */
export function intersect(a: Window | undefined, b: Window | undefined): Window | undefined {
  const from = a?.from === undefined ? b?.from : b?.from === undefined ? a.from : laterDate(a.from, b.from);
  const until = a?.until === undefined ? b?.until : b?.until === undefined ? a.until : earlierDate(a.until, b.until);
  if (from !== undefined && until !== undefined && from >= until) return undefined;
  return windowOf(from, until);
}

/** Whether the window holds no day at all (`until` not after `from`). */
export const isEmpty = (window: Window): boolean => window.from !== undefined && window.until !== undefined && window.until <= window.from;

/** Whether it reaches in both directions without end. */
export const isAlways = (window: Window | undefined): boolean => !window || (window.from === undefined && window.until === undefined);

const startOf = (window: Window): string => window.from ?? '';
const endOf = (window: Window): string => window.until ?? '\uffff';

/** The union of windows as disjoint windows in date order (adjacent ones joined). */
export function union(windows: readonly Window[]): Window[] {
  const sorted = windows.filter((w) => !isEmpty(w)).sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
  const joined: Window[] = [];
  for (const window of sorted) {
    const last = joined[joined.length - 1];
    if (last && startOf(window) <= endOf(last)) {
      if (endOf(window) > endOf(last)) {
        if (window.until === undefined) delete last.until;
        else last.until = window.until;
      }
    } else joined.push({ ...window });
  }
  return joined;
}

/** A window from its two ends (either may be open). */
function windowOf(from: IsoDate | undefined, until: IsoDate | undefined): Window {
  const window: Window = {};
  if (from !== undefined) window.from = from;
  if (until !== undefined) window.until = until;
  return window;
}

/** The days of `window` that none of `covers` holds, as disjoint windows in date order. */
export function uncovered(window: Window, covers: readonly Window[]): Window[] {
  const holes: Window[] = [];
  let start: IsoDate | undefined;
  for (const cover of union(covers)) {
    if (cover.from !== undefined) {
      const hole = intersect(window, windowOf(start, cover.from));
      if (hole) holes.push(hole);
    }
    if (cover.until === undefined) return holes;
    start = cover.until;
  }
  const rest = intersect(window, windowOf(start, undefined));
  if (rest) holes.push(rest);
  return holes;
}

/** The days between the first and the last day of the union that it does not hold: its gaps. */
export function gaps(windows: readonly Window[]): Window[] {
  const joined = union(windows);
  const found: Window[] = [];
  for (let index = 1; index < joined.length; index++) found.push({ from: joined[index - 1]!.until!, until: joined[index]!.from! });
  return found;
}

/** The last day a window holds (the day before `until`), if it ends. */
export const lastDay = (window: Window): IsoDate | undefined => (window.until === undefined ? undefined : addDays(window.until, -1));

/** Every boundary date of the windows (`from` and `until`), sorted and once each; a window holding no day has none. */
export function boundaries(windows: ReadonlyArray<Window | undefined>): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const window of windows) {
    if (window && isEmpty(window)) continue;
    if (window?.from !== undefined) dates.add(window.from);
    if (window?.until !== undefined) dates.add(window.until);
  }
  return [...dates].sort();
}
