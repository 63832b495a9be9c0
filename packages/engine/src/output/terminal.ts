/**
 * Text from outside (policy texts, facts, stored records, file names) as a terminal may show
 * it. A terminal obeys control characters: an escape sequence in a reason could move the
 * cursor and draw `PERMITTED` over a `NOT PERMITTED` line, a direction override could reorder
 * what a reviewer reads. Every character that acts instead of showing is written as a visible
 * `\uXXXX` escape; the same escape is a valid JSON string escape, so JSON output stays the same
 * value when it passes through here.
 */

/**
 * Characters that act on a terminal or change how text is displayed instead of being seen:
 * C0 controls, DEL, C1 controls (U+009B is a one-byte CSI on many terminals), zero-width and
 * direction marks, line and paragraph separators, direction embeddings, overrides and
 * isolates, word joiners and invisible operators, the byte order mark, interlinear annotations.
 */
const actingCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** The same set, with tab and line feed: for text that must stay on one line. */
const actingOrBreaking = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Output for a terminal: line feeds and tabs stay, every other acting character becomes a
 * visible `\uXXXX`. The command line passes everything it prints through this.
 */
export function terminalText(text: string): string {
  return text.replace(actingCharacters, escaped);
}

/** A name or value from outside on one line: line feeds and tabs are escaped as well, so it cannot start a line of its own. */
export function terminalLine(text: string): string {
  return text.replace(actingOrBreaking, escaped);
}

/** Reviewer prose on one line: runs of white space become one space, then {@link terminalLine}. */
export function terminalProse(text: string): string {
  return terminalLine(text.replace(/[\t\n\r ]+/g, ' ').trim());
}

/**
 * A source line under a code frame, one visible character for each character of the text so
 * the caret below still points at the right column: C0 controls as their control pictures
 * (U+2400…), every other acting character as U+FFFD.
 */
export function terminalColumns(text: string): string {
  return text.replace(actingOrBreaking, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/**
 * JSON for a terminal or a file: `JSON.stringify`, with the acting characters it leaves raw
 * (DEL, C1, direction controls, separators) escaped, which gives the same value back.
 */
export function terminalJson(value: unknown, indent: number | undefined = 2): string {
  return terminalText(JSON.stringify(value, null, indent) ?? 'null');
}
