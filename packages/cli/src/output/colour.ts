/**
 * Colour for a terminal: the first word of the lines the commands print that a reader scans
 * for (`error[…]`, `warning[…]`, `PASS`, `FAIL`, `ok`, `✓`, `✗`), painted with ANSI codes. Only
 * line starts the commands themselves write are painted; the rest of a line is left as it is.
 * Whether to paint at all is `colourWanted` (io.ts): NO_COLOR, FORCE_COLOR, a terminal.
 */
const codes = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

const painted: ReadonlyArray<[RegExp, string]> = [
  [/^(error(?:\[[a-z0-9-]+\])?)(?=:)/, codes.bold + codes.red],
  [/^(warning(?:\[[a-z0-9-]+\])?)(?=:)/, codes.bold + codes.yellow],
  [/^(FAIL)(?=: )/, codes.bold + codes.red],
  [/^(PASS|ok)(?=: )/, codes.green],
  [/^(\s*✗)/, codes.red],
  [/^(\s*✓)/, codes.green],
];

/** The text with the starts of its lines painted. */
export function paint(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, code] of painted) {
        const match = pattern.exec(line);
        if (match) return `${code}${match[1]}${codes.reset}${line.slice(match[1]!.length)}`;
      }
      return line;
    })
    .join('\n');
}
