/**
 * Words per language: one module each (nb.ts, en.ts, da.ts), each one object of the `Words`
 * type. The CLI, the gate report, the diff, the replay and scenario reports, the policy book
 * and the what-if page all ask here; no other module keeps a table of words.
 */
import type { Lang, Text, Window } from '../model.js';
import { lastDay } from '../time/windows.js';
import { da } from './da.js';
import { en } from './en.js';
import { nb } from './nb.js';
import type { Words } from './words.js';

const byLang: Readonly<Record<Lang, Words>> = { nb, en, da };

/** Every language there are words for, bokmål first. */
export const langs: readonly Lang[] = Object.keys(byLang) as Lang[];

export function isLang(lang: string): lang is Lang {
  return Object.hasOwn(byLang, lang);
}

/** A language of this set; any other is read as English, the fallback of every text. */
export function langOf(lang: string): Lang {
  return isLang(lang) ? lang : 'en';
}

/** The words of one language. */
export function wordsFor(lang: Lang): Words {
  return byLang[lang];
}

/** A policy text in the wanted language, falling back to English, then bokmål. */
export function textIn(text: Text | undefined, lang: string): string {
  return text?.[langOf(lang)] ?? text?.en ?? text?.nb ?? '';
}

/** A window as a reader sees it: "in force from 2017-01-01 to 2021-06-30" (by its last day, not `until`). */
export const windowText = (window: Window | undefined, lang: Lang): string =>
  wordsFor(lang).time.window(window?.from, window ? lastDay(window) : undefined);

/** A period by its first and last day: "2017-01-01 – 2021-06-30", "until 2016-04-30", "from 2022-01-01". */
export const periodText = (period: Window, lang: Lang): string => wordsFor(lang).time.period(period.from, lastDay(period));

export {
  capitalize,
  expectedStatusIds,
  statusIds,
  statusWord,
  type BookWords,
  type DiffWords,
  type EvalWords,
  type ExplainWords,
  type ExpectedStatusWords,
  type GateWords,
  type LabelWords,
  type ReplayWords,
  type ScenarioReportWords,
  type SentenceWords,
  type StatusWords,
  type TimeWords,
  type ValueWords,
  type Words,
} from './words.js';
