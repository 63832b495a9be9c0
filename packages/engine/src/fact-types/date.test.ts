/**
 * The date fact type by hand: the values a host may give (only real days, inside `min`/`max`),
 * the cuts a condition makes, the intervals analysis enumerates with the date that stands for
 * each, and the phrases a diff says them with.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateType, type DateDomain } from './date.js';
import { factZod, hostValueCheck, valueSetWords, type ValueSetWords } from './index.js';

const open: DateDomain = { type: 'date', decisionDate: true };
const bounded: DateDomain = { type: 'date', min: '2015-01-01', max: '2030-12-31' };
const words: ValueSetWords = {
  yes: 'yes',
  no: 'no',
  none: 'not given',
  is: 'is',
  isNot: 'is not',
  atLeast: 'is at least',
  atMost: 'is at most',
  onOrAfter: 'is on or after',
  before: 'is before',
  between: (from, to) => `is from ${from} to ${to}`,
  either: (phrases) => phrases.join(' or '),
};

describe('the date fact type', () => {
  it('accepts real days inside the domain, from a host and as a condition literal, and nothing else', () => {
    const fact = { ...bounded, id: 'day', hasDefault: false };
    const accepts = hostValueCheck(fact, 256);
    const schema = factZod(fact, z);
    for (const day of ['2015-01-01', '2024-02-29', '2030-12-31']) {
      expect(accepts(day), day).toBe(true);
      expect(schema.safeParse(day).success, day).toBe(true);
      expect(dateType.literal(bounded, day)).toBe(day);
    }
    for (const value of ['2014-12-31', '2031-01-01', '2023-02-29', '2024-02-30', '2024-6-1', '2024-06-01T00:00:00Z', 20240601, null, '']) {
      expect(accepts(value), String(value)).toBe(false);
      expect(schema.safeParse(value).success, String(value)).toBe(false);
      expect(dateType.literal(bounded, value)).toBeUndefined();
    }
    expect(dateType.expected(bounded)).toBe('a date `YYYY-MM-DD` from 2015-01-01 to 2030-12-31');
  });

  it('cuts where a test can change its answer: at the date, or the day after it', () => {
    expect(dateType.cuts('gte', '2017-01-01')).toEqual(['2017-01-01']);
    expect(dateType.cuts('lt', '2017-01-01')).toEqual(['2017-01-01']);
    expect(dateType.cuts('gt', '2016-12-31')).toEqual(['2017-01-01']);
    expect(dateType.cuts('lte', '2016-12-31')).toEqual(['2017-01-01']);
    expect(dateType.cuts('eq', '2024-02-28')).toEqual(['2024-02-28', '2024-02-29']);
    expect(dateType.cuts('eq', 'red')).toEqual([]);
  });

  it('enumerates one date per interval: the first day, or the last where the interval reaches back without end', () => {
    const cuts = new Set(['2017-01-01', '2021-07-01', '9999-06-01']);
    expect(dateType.analysisValues(open, cuts, false)).toEqual({
      values: ['2016-12-31', '2017-01-01', '2021-07-01', '9999-06-01'],
      intervals: ['0000-01-01..2016-12-31', '2017-01-01..2021-06-30', '2021-07-01..9999-05-31', '9999-06-01..9999-12-31'],
    });
    expect(dateType.analysisValues(bounded, new Set(['2017-01-01', '2040-01-01']), true)).toEqual({
      values: ['2015-01-01', '2017-01-01', null],
      intervals: ['2015-01-01..2016-12-31', '2017-01-01..2030-12-31', 'none'],
    });
    expect(dateType.size(bounded)).toBe(5844);
  });

  it('says intervals as date ranges, merging adjacent ones', () => {
    const fact = { ...bounded, id: 'day', hasDefault: false };
    expect(valueSetWords(fact, { values: [], intervals: ['2017-01-01..2021-06-30', '2021-07-01..2030-12-31'] }, words)).toBe(
      'is on or after 2017-01-01',
    );
    expect(valueSetWords(fact, { values: [], intervals: ['2015-01-01..2016-12-31'] }, words)).toBe('is before 2017-01-01');
    expect(valueSetWords(fact, { values: [], intervals: ['2017-01-01..2021-06-30'] }, words)).toBe('is from 2017-01-01 to 2021-06-30');
    // A fact the context lacks is read by the shape of its intervals.
    expect(valueSetWords(undefined, { values: [], intervals: ['2017-01-01..2021-06-30', 'none'] }, words)).toBe(
      'is from 2017-01-01 to 2021-06-30 or is not given',
    );
  });
});
