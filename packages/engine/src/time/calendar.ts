/**
 * Calendar dates as the engine keeps them: ISO strings `YYYY-MM-DD` (proleptic Gregorian, years
 * 0000 to 9999). Strings of this one format order like the dates they name, so comparing two is
 * comparing the strings; only a real date of the calendar is one (2024-02-30 and 2024-6-1 are
 * not). Day arithmetic goes through UTC, never the local time zone.
 */

/** A date string of the one format, e.g. `2021-07-01`. */
export type IsoDate = string;

/** The earliest and the latest date the format can write. */
export const firstDate: IsoDate = '0000-01-01';
export const lastDate: IsoDate = '9999-12-31';

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;

const leap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month (1–12) of a year. */
function monthLength(year: number, month: number): number {
  return month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the value is a date of the calendar written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const match = shape.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
}

/** The earlier and the later of two dates (they order as strings). */
export const earlierDate = (a: IsoDate, b: IsoDate): IsoDate => [a, b].sort()[0]!;
export const laterDate = (a: IsoDate, b: IsoDate): IsoDate => [a, b].sort()[1]!;

/** Why a string is not a date, for a diagnostic: the format, or the calendar. */
export function dateProblem(value: string): 'format' | 'calendar' | undefined {
  if (isIsoDate(value)) return undefined;
  return shape.test(value) ? 'calendar' : 'format';
}

const milliseconds = 86_400_000;

function toUtc(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const time = new Date(0);
  time.setUTCFullYear(year, month - 1, day);
  return time.getTime();
}

function fromUtc(time: number): IsoDate {
  const date = new Date(time);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The date `days` days after (before, when negative) a date, kept within the format's range. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (date >= lastDate && days > 0) return lastDate;
  if (date <= firstDate && days < 0) return firstDate;
  return fromUtc(toUtc(date) + days * milliseconds);
}

/** How many days from `from` up to (not including) `until`. */
export function daysBetween(from: IsoDate, until: IsoDate): number {
  return Math.round((toUtc(until) - toUtc(from)) / milliseconds);
}

/** A point in time as the calendar date where it happens: the host's local date, or UTC. */
export function dateOf(time: Date, zone: 'local' | 'utc' = 'local'): IsoDate {
  if (zone === 'utc') return time.toISOString().slice(0, 10);
  const year = String(time.getFullYear()).padStart(4, '0');
  return `${year}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')}`;
}
