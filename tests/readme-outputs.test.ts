/**
 * The README's command outputs are real: every fenced block after an `<!-- output: <state> -->`
 * marker holds `$ pnpm vot …` commands, each followed by what it prints, and this test runs each
 * command in that state of the policies (tests/readme-states.ts) and fails when the printed text
 * has drifted. Hashes and timings are compared by shape only; a line `…` stands for any run of
 * lines, and `[…]` inside a line for any text. `UPDATE_README_OUTPUTS=1` rewrites the blocks
 * that have no `…` with what the commands print now.
 */
import { writeFile } from 'node:fs/promises';
import { main } from '@vot/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmePath, readReadme, stateFolder } from './readme-states.js';

interface Block {
  state: string;
  /** Line index of the block's first body line in the README. */
  start: number;
  body: string[];
}

/** The marked blocks of the README, in order. */
function markedBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, at) => {
    const marker = /^<!-- output: ([a-z-]+) -->$/.exec(line.trim());
    if (!marker) return;
    let open = at + 1;
    while (lines[open]?.trim() === '') open++;
    if (!/^\s*```\S*$/.test(lines[open] ?? ''))
      throw new Error(`README line ${at + 1}: the output marker is not followed by a fenced block`);
    const close = lines.findIndex((l, i) => i > open && /^\s*```\s*$/.test(l));
    const indent = /^\s*/.exec(lines[open]!)![0].length;
    blocks.push({ state: marker[1]!, start: open + 1, body: lines.slice(open + 1, close).map((l) => l.slice(indent)) });
  });
  return blocks;
}

/** Splits a command line as a POSIX shell would for plain words and quoted strings. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

const commandPrefix = '$ pnpm vot ';
/** The commands of a block, each with the output lines the README shows for it. */
function commandsOf(block: Block): Array<{ args: string[]; expected: string[] }> {
  const commands: Array<{ args: string[]; expected: string[] }> = [];
  for (const line of block.body) {
    if (line.startsWith(commandPrefix)) commands.push({ args: shellWords(line.slice(commandPrefix.length)), expected: [] });
    else if (commands.length === 0) throw new Error(`README line ${block.start + 1}: a marked block starts with \`${commandPrefix}…\``);
    else commands.at(-1)!.expected.push(line);
  }
  for (const command of commands) while (command.expected.at(-1)?.trim() === '') command.expected.pop();
  return commands;
}

/** What the command prints, stdout and stderr in the order written, as a terminal shows them. */
async function printed(args: string[], cwd: string): Promise<string[]> {
  let text = '';
  const write = (chunk: string) => void (text += chunk.endsWith('\n') ? chunk : `${chunk}\n`);
  await main(args, { cwd, out: write, err: write });
  // Paths as the reader's clone would show them: relative to where the command ran.
  return text.replaceAll(`${cwd}/`, '').replace(/\n+$/, '').split('\n');
}

/** Hashes and timings vary with every policy change and every machine: compared by shape. */
const normalise = (line: string) =>
  line
    .replace(/sha256:[0-9a-f]{12,64}…?/g, 'sha256:…')
    .replace(/in \d+(?:\.\d+)? s \([\d,]+ per second\)/g, 'in … s (… per second)')
    .replace(/\s+$/, '');
const isElision = (line: string) => line.trim() === '…';
const lineMatches = (expected: string, actual: string) => {
  const [e, a] = [normalise(expected), normalise(actual)];
  if (!e.includes('[…]')) return e === a;
  const pattern = e
    .split('[…]')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(a);
};

/** Whether `actual` is `expected` with its elided runs filled in. */
function outputMatches(expected: readonly string[], actual: readonly string[]): boolean {
  const segments: string[][] = [[]];
  for (const line of expected)
    if (isElision(line)) segments.push([]);
    else segments.at(-1)!.push(line);
  const fits = (segment: string[], at: number) => segment.every((line, i) => at + i < actual.length && lineMatches(line, actual[at + i]!));
  let at = 0;
  for (const [index, segment] of segments.entries()) {
    const first = index === 0;
    const last = index === segments.length - 1;
    if (last) {
      const start = actual.length - segment.length;
      return start >= at && (!first || start === 0) && fits(segment, start);
    }
    if (first) {
      if (!fits(segment, 0)) return false;
      at = segment.length;
      continue;
    }
    let found = at;
    while (found <= actual.length - segment.length && !fits(segment, found)) found++;
    if (found > actual.length - segment.length) return false;
    at = found + segment.length;
  }
  return true;
}

let readme: string;
let blocks: Block[];
const folders = new Map<string, { root: string; dispose(): Promise<void> }>();

beforeAll(async () => {
  readme = await readReadme();
  blocks = markedBlocks(readme.split('\n'));
});
afterAll(async () => {
  for (const folder of folders.values()) await folder.dispose();
});

const folderFor = async (state: string) => {
  if (!folders.has(state)) folders.set(state, await stateFolder(state, readme));
  return folders.get(state)!.root;
};

describe("the README's command outputs", () => {
  it('matches elided and shortened outputs as documented', () => {
    expect(outputMatches(['a', '…', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(outputMatches(['a', '…', 'd'], ['a', 'd'])).toBe(true);
    expect(outputMatches(['a', '…', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(outputMatches(['a', 'd'], ['a', 'b', 'd'])).toBe(false);
    expect(outputMatches(['…', 'c', '…'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(outputMatches(['x «ab […]» y'], ['x «ab cd» y'])).toBe(true);
    expect(outputMatches(['x «ab […]» y'], ['x «ac cd» y'])).toBe(false);
    expect(outputMatches(['ok (sha256:0123456789ab…): 2 s'], ['ok (sha256:ffffffffffff…): 2 s'])).toBe(true);
    expect(outputMatches(['PASS: 3/3'], ['PASS: 2/3'])).toBe(false);
  });

  it('has marked blocks for eval, check, test, diff and render', () => {
    const commands = blocks.flatMap((block) => commandsOf(block).map((c) => c.args[0]));
    for (const command of ['eval', 'check', 'test', 'diff', 'render']) expect(commands, command).toContain(command);
  });

  it('prints today what the README shows', async () => {
    const update = process.env.UPDATE_README_OUTPUTS === '1';
    const lines = readme.split('\n');
    const drifted: string[] = [];
    // From the end, so a rewritten block does not move the ones above it.
    for (const block of [...blocks].reverse()) {
      const root = await folderFor(block.state);
      const body: string[] = [];
      let blockDrifted = false;
      for (const command of commandsOf(block)) {
        const actual = await printed(command.args, root);
        body.push(`${commandPrefix}${command.args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`, ...actual);
        if (!outputMatches(command.expected, actual)) {
          blockDrifted = true;
          drifted.push(`README line ${block.start}: \`vot ${command.args.join(' ')}\` (${block.state}) now prints:\n${actual.join('\n')}`);
        }
      }
      const elided = block.body.some((line) => isElision(line) || line.includes('[…]'));
      if (update && blockDrifted && !elided) {
        const indent = /^\s*/.exec(lines[block.start - 1]!)![0];
        lines.splice(block.start, block.body.length, ...body.map((line) => (line ? `${indent}${line}` : line)));
      }
    }
    if (update) await writeFile(readmePath, lines.join('\n'));
    expect(drifted.join('\n\n')).toBe('');
  }, 300_000);
});
