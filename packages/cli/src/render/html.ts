/**
 * Small, safe HTML building blocks for the policy book: every reviewer text goes through
 * `escapeHtml` (the engine's HTML output module), and every text a reader sees is given in each of the book's languages as
 * `<span lang>` pairs that the stylesheet shows one at a time.
 */
import { textIn, type Lang, type Text } from '@vot/engine';
import { capitalize, escapeHtml, langs, wordsFor, type LabelWords, type Words } from '@vot/engine/tools';

export { escapeHtml, htmlHref, scriptJson } from '@vot/engine/tools';

/** The book's languages: every language the words module has, bokmål first. */
export type BookLang = Lang;
export const bookLangs: readonly BookLang[] = langs;

/** A reviewer text in each language (falling back to another when one is missing). */
export function bi(text: Text | undefined): string {
  return bookLangs.map((lang) => `<span class="t" lang="${lang}">${escapeHtml(textIn(text, lang))}</span>`).join('');
}

/** A generated text in each language. */
export function biOf(make: (lang: BookLang) => string): string {
  return bi(Object.fromEntries(bookLangs.map((lang) => [lang, make(lang)])));
}

/** Words of the book itself, from each language's words. */
export function say(pick: (words: Words) => string): string {
  return biOf((lang) => pick(wordsFor(lang)));
}

/** A label of the words (lower case there) as the book shows it before a colon or as a heading: "Krever". */
export function sayLabel(key: keyof LabelWords): string {
  return say((words) => capitalize(words.labels[key]));
}

/** An id usable in a URL fragment and an `id` attribute. */
export function anchor(...parts: string[]): string {
  return parts.join('--').replace(/[^A-Za-z0-9_.-]+/g, '-');
}
