/**
 * Text from outside in HTML (the policy book): every text goes through {@link escapeHtml}, every
 * link through {@link htmlHref}, and data for a script through {@link scriptJson}, so no policy
 * text can open an element, an attribute or a script, or run as a link.
 */
import { terminalText } from './terminal.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an element's content or a quoted attribute value. Control and direction characters
 * are shown as `\uXXXX`, as on a terminal: they would otherwise act on how the page reads.
 */
export function escapeHtml(text: string): string {
  return terminalText(text).replace(/[&<>"']/g, (c) => entities[c]!);
}

/** An http(s) URL for an `href`, escaped; undefined for anything else (`javascript:`, `data:`, relative paths). */
export function htmlHref(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? escapeHtml(parsed.href) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * JSON to embed in a `<script type="application/json">` element: `<` can never close the
 * element or open a comment, and the separators U+2028/U+2029 are escaped for older parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
