/**
 * Words per language: one module each (nb.ts, en.ts, da.ts), each one object of the `Words`
 * type. The CLI, the gate report, the diff, the replay and scenario reports, the policy book
 * and the what-if page all ask here; no other module keeps a table of words.
 */
import type { Lang, Text } from '../model.js';
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

export {
  capitalize,
  expectedStatusIds,
  statusIds,
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
  type ValueWords,
  type Words,
} from './words.js';
