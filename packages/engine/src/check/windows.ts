/**
 * `inForce` windows as reviewers write them → checked windows, and a rule's window as a condition.
 * A date that is not a day of the calendar (`invalid-date`) or a window that ends before it starts
 * (`reversed-window`) is reported and stands as a window holding no day, so nothing built from it
 * can be in force. A rule's window is added to its condition as tests of the decision-date fact,
 * marked as the window, so every evaluator and every analysis sees it without knowing of time.
 */
import type { PathSegment } from '../load/parse.js';
import type { ConditionNode, Location } from '../model.js';
import { firstDate, isIsoDate, lastDate } from '../time/calendar.js';
import { isAlways, isEmpty, lastDay, type Window } from '../time/windows.js';
import type { CheckContext, DocumentReporter } from './context.js';

/** A window that holds no day: what a malformed window stands as. */
export const never: Window = { from: lastDate, until: firstDate };

/** Checks a written window; undefined when none is written. */
export function checkWindow(
  rep: DocumentReporter,
  path: readonly PathSegment[],
  input: { from?: string; until?: string } | undefined,
  where: string,
): Window | undefined {
  if (input === undefined) return undefined;
  let valid = true;
  for (const end of ['from', 'until'] as const) {
    const value = input[end];
    if (value === undefined || isIsoDate(value)) continue;
    rep.report([...path, end], { code: 'invalid-date', args: { value, where: `\`inForce.${end}\` of ${where}` } });
    valid = false;
  }
  if (!valid) return never;
  const window: Window = {};
  if (input.from !== undefined) window.from = input.from;
  if (input.until !== undefined) window.until = input.until;
  if (isEmpty(window)) {
    rep.report([...path, 'until'], { code: 'reversed-window', args: { where, from: window.from!, until: window.until! } });
    return never;
  }
  return window;
}

/**
 * The condition that holds on the days of a window: tests of the decision-date fact, or false
 * for a window that holds no day; null for a window holding every day. Without a decision-date
 * fact a window cannot be tested: that is reported, and the window stands as false.
 */
export function windowCondition(
  ctx: CheckContext,
  rep: DocumentReporter,
  path: readonly PathSegment[],
  window: Window | undefined,
  where: string,
): ConditionNode | null {
  if (isAlways(window)) return null;
  const at: Location = rep.at(path);
  if (isEmpty(window!)) return { kind: 'const', value: false, origin: 'invalid window', at };
  const fact = ctx.decisionDate;
  if (fact === undefined) {
    rep.report(path, { code: 'window-needs-date-fact', args: { where } });
    return { kind: 'const', value: false, origin: 'window without a date fact', at };
  }
  const tests: ConditionNode[] = [];
  if (window!.from !== undefined) tests.push({ kind: 'test', fact, op: 'gte', value: window!.from, window: true, at });
  if (window!.until !== undefined) tests.push({ kind: 'test', fact, op: 'lt', value: window!.until, window: true, at });
  return tests.length === 1 ? tests[0]! : { kind: 'all', items: tests, at };
}

/** A condition that holds when both hold (either may be absent). */
export function bothConditions(first: ConditionNode | null, second: ConditionNode | null, at: Location): ConditionNode | null {
  if (!first) return second;
  if (!second) return first;
  return { kind: 'all', items: [first, second], at };
}

/** Days of a window as a diagnostic says them: "from 2016-05-01 to 2016-12-31", "before 2017-01-01". */
export function daysText(window: Window): string {
  const last = lastDay(window);
  if (window.from !== undefined && last !== undefined) return window.from === last ? `on ${last}` : `from ${window.from} to ${last}`;
  if (window.from !== undefined) return `from ${window.from} on`;
  if (last !== undefined) return `before ${window.until}`;
  return 'on every day';
}
