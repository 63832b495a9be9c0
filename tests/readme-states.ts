/**
 * The states of a policy folder the README's examples show, each built in a fresh temporary git
 * repository (the bundled policies committed, then edited), so `vot diff HEAD` and every other
 * command run there as a reader would run them in their clone.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { editFile } from './cli-harness.js';

const repo = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

export const readmePath = join(repo, 'README.md');

/** The body of the first fenced block of `language` ('' for none) in the README's reviewers' section that contains `marker`. */
export function reviewersBlock(readme: string, language: string, marker: string): string {
  const section = readme.slice(readme.indexOf('## For legal reviewers'));
  const blocks: Array<{ language: string; body: string[] }> = [];
  let open: { language: string; body: string[] } | undefined;
  for (const line of section.split('\n')) {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence && !open) open = { language: fence[1]!, body: [] };
    else if (fence && open) {
      blocks.push(open);
      open = undefined;
    } else open?.body.push(line);
  }
  const block = blocks.find((b) => b.language === language && b.body.join('\n').includes(marker));
  if (!block) throw new Error(`no \`\`\`${language} block with \`${marker}\` in the README's reviewers' section`);
  return `${block.body.join('\n')}\n`;
}

const namedCondition = (atLeast: number) =>
  `        - { fact: priorIncidents, atLeast: ${atLeast} }\n        - { fact: writtenWarningGiven, is: true }`;

/** The walk-through's change: exclusion after a written warning needs two earlier incidents, not one (condition and reason). */
export async function tightenExclusion(policies: string): Promise<void> {
  const ladder = join(policies, 'reaction', 'ladder.yaml');
  await editFile(ladder, namedCondition(1), namedCondition(2));
  await editFile(
    ladder,
    'the user repeated the behaviour after a written warning. The head',
    'the user repeated the behaviour at least twice after a written warning. The head',
  );
  await editFile(
    ladder,
    'brukeren har gjentatt oppførselen etter en skriftlig advarsel.',
    'brukeren har gjentatt oppførselen minst to ganger etter en skriftlig advarsel.',
  );
}

/** The walk-through's scenario fix: the broken scenario takes two incidents, and the README's new scenario is added. */
export async function fixScenarios(policies: string, readme: string): Promise<void> {
  const scenarios = join(policies, 'reaction', 'ladder.scenarios.yaml');
  await editFile(
    scenarios,
    'channel: phone, grave: false, priorIncidents: 1, writtenWarningGiven: true',
    'channel: phone, grave: false, priorIncidents: 2, writtenWarningGiven: true',
  );
  await appendFile(scenarios, reviewersBlock(readme, 'yaml', 'one earlier incident after a written warning is not enough'));
}

/** Each state by name, as the README's `<!-- output: name -->` markers call them. */
export const states: Record<string, (policies: string, readme: string) => Promise<void>> = {
  /** The policies as committed. */
  repo: async () => {},
  /** A misspelt fact in a named condition (How a reviewer edits a policy). */
  typo: (policies) =>
    editFile(join(policies, 'reaction', 'ladder.yaml'), namedCondition(1), namedCondition(1).replace('priorIncidents', 'priorIncident')),
  /** A first incident after a written warning would allow exclusion (the regulation gate's counterexample). */
  'gate-broken': (policies) => editFile(join(policies, 'reaction', 'ladder.yaml'), namedCondition(1), namedCondition(0)),
  /** The walk-through, after the edit. */
  walkthrough: (policies) => tightenExclusion(policies),
  /** The walk-through, after the scenarios are fixed. */
  'walkthrough-fixed': async (policies, readme) => {
    await tightenExclusion(policies);
    await fixScenarios(policies, readme);
  },
};

/** A temporary git repository with `policies/` and `examples/` committed and `state` applied; `dispose` removes it. */
export async function stateFolder(state: string, readme: string): Promise<{ root: string; dispose(): Promise<void> }> {
  const apply = states[state];
  if (!apply) throw new Error(`unknown README state \`${state}\`; known: ${Object.keys(states).join(', ')}`);
  const root = await mkdtemp(join(tmpdir(), `vot-readme-${state}-`));
  const dispose = () => rm(root, { recursive: true, force: true });
  try {
    for (const dir of ['policies', 'examples'])
      await cp(join(repo, dir), join(root, dir), { recursive: true, filter: (p) => !p.includes('node_modules') });
    const git = (...args: string[]) => run('git', ['-c', 'user.name=vot', '-c', 'user.email=vot@example.invalid', ...args], { cwd: root });
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-qm', 'policies');
    await apply(join(root, 'policies'), readme);
    return { root, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export const readReadme = () => readFile(readmePath, 'utf8');
