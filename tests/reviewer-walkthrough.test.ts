/**
 * The README's "For legal reviewers" walk-through, done on a copy of the policies: change a
 * condition and a reason, see `vot test` name the scenario the change breaks, add the
 * scenario printed in the README, see `vot diff` name the changed decisions and reasons, and
 * render the book. The scenario is taken from the README itself, so the README cannot drift
 * from what works.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledPolicyDir } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicies, runVot } from './cli-harness.js';
import { fixScenarios, reviewersBlock, tightenExclusion } from './readme-states.js';

let copy: Awaited<ReturnType<typeof copyPolicies>>;
let readme: string;

beforeAll(async () => {
  readme = await readFile(join(bundledPolicyDir(), '..', 'README.md'), 'utf8');
  copy = await copyPolicies();
});
afterAll(() => copy.dispose());

const readmeBlock = (language: string, marker: string) => reviewersBlock(readme, language, marker);

describe('the README walk-through for legal reviewers', () => {
  it('edit, test, fix the scenarios, diff and render, as the README shows', async () => {
    const ladder = join(copy.policies, 'reaction', 'ladder.yaml');

    // 1. The condition and the reason, as in the README's diff.
    expect(readmeBlock('diff', 'atLeast: 2')).toContain('+        - { fact: priorIncidents, atLeast: 2 }');
    await tightenExclusion(copy.policies);
    expect(await readFile(ladder, 'utf8')).toContain('the user repeated the behaviour at least twice after a written warning. The head');
    expect(readmeBlock('diff', 'atLeast: 2')).toContain('the user repeated the behaviour at least twice after a written warning. The head');
    const check = await runVot(['check'], copy.root);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect((await runVot(['fmt', '--check'], copy.root)).code).toBe(0);

    // 2. The scenario that expected exclusion after one incident now fails, as the README says.
    const failing = await runVot(['test', '--lang', 'en'], copy.root);
    expect(failing.code).toBe(1);
    const failedName = 'repeated verbal sexual harassment by phone after a written warning permits exclusion from phone contact';
    expect(readmeBlock('', failedName)).toContain(failedName);
    expect(failing.stdout).toMatch(
      new RegExp(
        `ladder\\.scenarios\\.yaml:\\d+: ${failedName}\\n  exclusion-phone:\\n    expected: permitted, [^\\n]*\\n    decided:  not-permitted\\n`,
      ),
    );
    expect(failing.stdout).toMatch(/\nFAIL: 1\/\d+\n?$/);

    // Fix it and add the README's new scenario at the end of the file.
    await fixScenarios(copy.policies, readme);
    const filtered = await runVot(['test', '--filter', 'written warning'], copy.root);
    expect(filtered.code).toBe(0);
    expect(filtered.stdout.trim()).toMatch(/^PASS: (\d+)\/\1$/);
    const passing = await runVot(['test'], copy.root);
    expect(passing.stdout.trim()).toMatch(/^PASS: (\d+)\/\1$/);
    expect(passing.code).toBe(0);

    // 3. The diff against the bundled policies names the changed decisions and the reason.
    const diff = await runVot(['diff', bundledPolicyDir(), copy.policies, '--lang', 'en'], copy.root);
    expect(diff.code).toBe(0);
    const changedLines = readmeBlock('', 'Changed decisions:')
      .split('\n')
      .filter((l) => l.includes(' goes from '));
    expect(changedLines.length).toBe(2);
    for (const line of changedLines) expect(diff.stdout).toContain(line.trim());
    expect(diff.stdout).toContain('the user repeated the behaviour at least twice after a written warning. The head');

    // 4. The book.
    const render = await runVot(['render', '--out', join(copy.root, 'book')], copy.root);
    expect(render.code).toBe(0);
    expect(existsSync(join(copy.root, 'book', 'index.html'))).toBe(true);
  });
});
