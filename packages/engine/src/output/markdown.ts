/**
 * Text from outside in Markdown (GitHub-flavoured, as a pull-request comment or a repository
 * browser renders it). A text stays in the list item, table cell or heading it was put in, and
 * adds nothing live: no heading, list, quote, table row, emphasis, code, HTML, link or image of
 * its own, no `@mention`, no e-mail or URL that turns into a link, no math. The only link is a
 * source's own http(s) URL, percent-encoded, through {@link markdownLink}. So a policy text can
 * be pasted into a pull request without claiming anything in markup.
 */
import { terminalProse } from './terminal.js';

/**
 * Characters with a meaning inside a line: escaped with a backslash everywhere (CommonMark lets
 * any ASCII punctuation be escaped). With `[` and `]` escaped no link or image can open, so `(`,
 * `)` and `!` stay readable; `#` is escaped everywhere, as a trailing `#` would close a heading;
 * `$` because GitHub renders `$…$` as math.
 */
const inlineSpecial = /[\\`*_[\]<>#|~&$]/g;

/**
 * A zero-width space written as a character reference, placed where GitHub would otherwise
 * see a mention, an e-mail address or a bare URL. It is invisible in the rendered text, and
 * the character reference itself is never read as an autolink.
 */
const breakLink = '&#8203;';

/** One line of text from outside, escaped for anywhere inline: a list item, a table cell, a heading, bold text. */
export function markdownText(text: string): string {
  const prose = terminalProse(text);
  // Nothing at all would let the markup around it meet: `**` + `**` is a thematic break.
  if (prose === '') return breakLink;
  return (
    prose
      .replace(inlineSpecial, (c) => `\\${c}`)
      // What opens a block at the start of a line's content: a list marker, a numbered item
      // (`1.` or `1)`), a setext underline.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
      .replace(/@/g, `@${breakLink}`)
      .replace(/:\/\//g, `:${breakLink}//`)
      .replace(/(www)\./gi, `$1${breakLink}.`)
  );
}

/**
 * An id or a value from outside as inline code. The fence is longer than any run of backticks
 * in the text, so the text cannot close it. In a table cell (`cell: true`) a text with `|` is
 * written as escaped text instead: GitHub finds a cell's end before the code span inside it,
 * and a backslash, which code cannot escape, would free the `|` again.
 */
export function markdownCode(text: string, options: { cell?: boolean } = {}): string {
  const prose = terminalProse(text);
  if (prose === '') return '';
  if (options.cell && prose.includes('|')) return markdownText(prose);
  let longest = 0;
  for (const run of prose.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = prose.startsWith('`') || prose.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${prose}${pad}${fence}`;
}

/** Characters kept as they are in a link destination: unreserved, and the delimiters an http URL needs. */
const urlKept = /[A-Za-z0-9\-._~:/?#@!$&*+,;=%]/;

/**
 * An http(s) URL as a Markdown link destination, every other character percent-encoded (`(`,
 * `)`, spaces, quotes, `<`, `>`, backslashes, non-ASCII), or undefined for anything that is
 * not an absolute http(s) URL.
 */
export function markdownUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s/?#]+/i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  let out = '';
  for (const c of parsed.href) {
    if (urlKept.test(c)) out += c;
    else out += [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  // A `%` not starting an escape is encoded itself, so the destination reads as one URL; an `&`
  // that would start a character reference is escaped, so the link goes where the URL says.
  return out.replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** A source's citation linked to its own URL when that is an http(s) URL, else the citation as text. */
export function markdownLink(text: string, url: string | undefined): string {
  const destination = markdownUrl(url);
  return destination ? `[${markdownText(text)}](${destination})` : markdownText(text);
}
