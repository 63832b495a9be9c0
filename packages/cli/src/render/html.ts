/**
 * Small, safe HTML building blocks for the policy book: every reviewer text goes through
 * `escapeHtml`, and every text a reader sees is given in both languages as `<span lang>` pairs that
 * the stylesheet shows one at a time.
 */
import type { Text } from '@vot/engine';

export type BookLang = 'nb' | 'en';
export const bookLangs: readonly BookLang[] = ['nb', 'en'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A reviewer text in both languages (falling back to the other when one is missing). */
export function bi(text: Text | undefined): string {
  return bookLangs
    .map((lang) => `<span class="t" lang="${lang}">${escapeHtml(text?.[lang] ?? text?.en ?? text?.nb ?? '')}</span>`)
    .join('');
}

/** A generated text in both languages. */
export function biOf(make: (lang: BookLang) => string): string {
  return bi({ nb: make('nb'), en: make('en') });
}

/** Fixed words of the book itself. */
export function words(nb: string, en: string): string {
  return bi({ nb, en });
}

/** An id usable in a URL fragment and an `id` attribute. */
export function anchor(...parts: string[]): string {
  return parts.join('--').replace(/[^A-Za-z0-9_.-]+/g, '-');
}

/** Only http(s) links are made clickable; anything else is shown as text. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
