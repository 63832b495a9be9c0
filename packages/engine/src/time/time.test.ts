/**
 * Calendar dates and windows: the format's edge cases, and the window operations against brute
 * force over every day of a short stretch (fast-check draws the windows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate } from './calendar.js';
import { gaps, inWindow, intersect, uncovered, union, type Window } from './windows.js';

describe('calendar dates', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2021-07-01', '1999-12-31', '0000-01-01', '9999-12-31', '2023-04-30'])
      expect(isIsoDate(day), day).toBe(true);
    for (const value of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2024-6-1',
      '2024-06-1',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      ' 2024-06-01',
      '2024-06-01 ',
      '2024-06-01T00:00',
      '24-06-01',
      '20240601',
      '２０２４-06-01',
      20240601,
      null,
      new Date('2024-06-01'),
    ])
      expect(isIsoDate(value), String(value)).toBe(false);
  });

  it('property: adding days agrees with the JavaScript calendar in UTC and undoes itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: -2000, max: 2000 }), (offset, days) => {
        const date = new Date(Date.UTC(1800, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const later = addDays(date, days);
        expect(isIsoDate(later)).toBe(true);
        expect(later).toBe(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10));
        expect(addDays(later, -days)).toBe(date);
        expect(daysBetween(date, later)).toBe(days);
      }),
    );
  });
});

/** Windows over the days 2020-01-01 + 0..29, drawn with open ends too. */
const start = '2020-01-01';
const day = (n: number) => addDays(start, n);
const windowArb: fc.Arbitrary<Window> = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 30 })), fc.option(fc.integer({ min: 0, max: 30 })))
  .map(([from, until]) => {
    const window: Window = {};
    if (from !== null) window.from = day(from);
    if (until !== null && (from === null || until > from)) window.until = day(until);
    return window;
  });
const days = Array.from({ length: 32 }, (_, i) => day(i - 1));
const held = (window: Window) => days.filter((d) => inWindow(window, d));

describe('windows', () => {
  it('property: intersect and union hold exactly the days of their parts', () => {
    fc.assert(
      fc.property(windowArb, windowArb, fc.array(windowArb, { maxLength: 4 }), (a, b, many) => {
        expect(held(intersect(a, b) ?? { from: day(40), until: day(41) })).toEqual(days.filter((d) => inWindow(a, d) && inWindow(b, d)));
        const joined = union(many);
        expect(days.filter((d) => joined.some((w) => inWindow(w, d)))).toEqual(days.filter((d) => many.some((w) => inWindow(w, d))));
        // Disjoint and in order, with no two touching.
        for (let i = 1; i < joined.length; i++) expect(joined[i - 1]!.until! < joined[i]!.from!).toBe(true);
      }),
    );
  });

  it('property: uncovered holds the days of a window no cover holds, and gaps the holes inside a union', () => {
    fc.assert(
      fc.property(windowArb, fc.array(windowArb, { maxLength: 4 }), (window, covers) => {
        const holes = uncovered(window, covers);
        expect(days.filter((d) => holes.some((h) => inWindow(h, d)))).toEqual(
          days.filter((d) => inWindow(window, d) && !covers.some((c) => inWindow(c, d))),
        );
        const inside = gaps(covers);
        const heldByAny = (d: string) => covers.some((c) => inWindow(c, d));
        const first = days.findIndex(heldByAny);
        const last = days.length - 1 - [...days].reverse().findIndex(heldByAny);
        expect(days.filter((d) => inside.some((g) => inWindow(g, d)))).toEqual(
          first < 0 ? [] : days.filter((d, i) => i > first && i < last && !heldByAny(d)),
        );
      }),
    );
  });
});
