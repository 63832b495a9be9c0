/**
 * `.vscode/tasks.json`: the problem matchers of the `vot check` and `vot test` tasks, applied the
 * way VS Code applies a multi-line matcher (each pattern on the next line of output), to what
 * `vot check` and `vot test` really print for broken policy folders. Every problem must land on
 * the file, line and column the diagnostic names, with its severity, code and message.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editFile, runVot, withPolicyCopy } from './cli-harness.js';

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
}
interface Matcher {
  owner: string;
  fileLocation: [string, string];
  severity?: string;
  pattern: Pattern | Pattern[];
}
interface Task {
  label: string;
  command: string;
  problemMatcher: Matcher | Matcher[];
}
interface Problem {
  file: string;
  line: number;
  column?: number;
  severity: string;
  code?: string;
  message: string;
}

const repo = resolve(import.meta.dirname, '..');
const tasks = async (): Promise<Task[]> =>
  (JSON.parse(await readFile(join(repo, '.vscode', 'tasks.json'), 'utf8')) as { tasks: Task[] }).tasks;
const task = async (label: string) => {
  const found = (await tasks()).find((t) => t.label === label);
  if (!found) throw new Error(`no task \`${label}\` in .vscode/tasks.json`);
  return found;
};

/** VS Code's reading of a terminal's output: each matcher's patterns on consecutive lines; files relative to the workspace folder. */
function problems(output: string, matchers: Matcher[], workspaceFolder: string): Problem[] {
  const lines = output.split('\n');
  const found: Problem[] = [];
  for (const matcher of matchers) {
    const patterns = Array.isArray(matcher.pattern) ? matcher.pattern : [matcher.pattern];
    // autoDetect: a path relative to the workspace folder (`vot check`) or absolute (`vot check /abs/policies`).
    expect(matcher.fileLocation).toEqual(['autoDetect', '${workspaceFolder}']);
    for (let start = 0; start + patterns.length <= lines.length; start++) {
      const matches = patterns.map((p, i) => new RegExp(p.regexp).exec(lines[start + i]!));
      if (matches.some((m) => !m)) continue;
      const field = (name: keyof Omit<Pattern, 'regexp'>) => {
        const at = patterns.findIndex((p) => p[name] !== undefined);
        return at < 0 ? undefined : matches[at]![patterns[at]![name]!];
      };
      const column = field('column');
      const code = field('code');
      found.push({
        file: resolve(workspaceFolder, field('file')!),
        line: Number(field('line')),
        ...(column ? { column: Number(column) } : {}),
        severity: field('severity') ?? matcher.severity ?? 'error',
        ...(code ? { code } : {}),
        message: field('message')!,
      });
    }
  }
  return found;
}

const matchersOf = (t: Task) => (Array.isArray(t.problemMatcher) ? t.problemMatcher : [t.problemMatcher]);
const lineOf = async (file: string, line: number) => (await readFile(file, 'utf8')).split('\n')[line - 1]!;

describe('.vscode/tasks.json', () => {
  it('runs the README pnpm and the vot commands', async () => {
    expect((await task('vot check')).command).toBe('npx -y pnpm@10.34.9 vot check');
    expect((await task('vot test')).command).toBe('npx -y pnpm@10.34.9 vot test');
  });

  it('marks each diagnostic of `vot check` on its file, line and column, with its severity and code', async () => {
    const check = await task('vot check');
    await withPolicyCopy(async ({ root, policies }) => {
      const ladder = join(policies, 'reaction', 'ladder.yaml');
      await editFile(
        ladder,
        '        - { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
        '        - { fact: priorIncident, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
      );
      await editFile(
        ladder,
        '  - id: talk-with-user\n    track: ladder\n    basis: [nav-2023-s5-2]',
        '  - id: talk-with-user\n    track: ladder\n    basis: [nav-2023-s5-9]',
      );
      const run = await runVot(['check'], root);
      expect(run.code).toBe(1);
      const found = problems(`${run.stdout}${run.stderr}`, matchersOf(check), root);
      expect(found.length).toBeGreaterThanOrEqual(2);
      expect(found.find((p) => p.code === 'unknown-source')).toMatchObject({ file: ladder, severity: 'error' });
      const unknownFact = found.find((p) => p.code === 'unknown-fact');
      expect(unknownFact).toMatchObject({ file: ladder, severity: 'error', message: expect.stringContaining('`priorIncident`') });
      expect((await lineOf(ladder, unknownFact!.line)).slice(unknownFact!.column! - 1)).toMatch(/^priorIncident\b/);
      for (const problem of found) {
        expect(['error', 'warning']).toContain(problem.severity);
        expect(problem.line).toBeGreaterThan(0);
        expect(await lineOf(problem.file, problem.line)).toBeDefined();
      }
      // Every diagnostic the run printed is one problem: none is lost to the matcher.
      expect(found.length).toBe((`${run.stdout}${run.stderr}`.match(/^(error|warning)\[/gm) ?? []).length);
    });
  });

  it('marks a broken duty of the regulation gate on the duty', async () => {
    const check = await task('vot check');
    await withPolicyCopy(async ({ root, policies }) => {
      await editFile(
        join(policies, 'reaction', 'ladder.yaml'),
        '        - { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
        '        - { fact: priorIncidents, atLeast: 0 }\n        - { fact: writtenWarningGiven, is: true }',
      );
      const run = await runVot(['check'], root);
      expect(run.code).toBe(1);
      const found = problems(`${run.stdout}${run.stderr}`, matchersOf(check), root);
      const duty = found.find((p) => p.message.includes('exclusion-only-grave-or-warned-repeat'));
      expect(duty).toMatchObject({ file: join(policies, 'duties', 'nav.yaml'), severity: 'error' });
      expect(await lineOf(duty!.file, duty!.line)).toMatch(/exclusion-only-grave-or-warned-repeat/);
    });
  });

  it('marks a failing scenario of `vot test` on its line', async () => {
    const test = await task('vot test');
    await withPolicyCopy(async ({ root, policies }) => {
      await editFile(
        join(policies, 'reaction', 'ladder.yaml'),
        '        - { fact: priorIncidents, atLeast: 1 }\n        - { fact: writtenWarningGiven, is: true }',
        '        - { fact: priorIncidents, atLeast: 2 }\n        - { fact: writtenWarningGiven, is: true }',
      );
      const run = await runVot(['test'], root);
      expect(run.code).toBe(1);
      const found = problems(`${run.stdout}${run.stderr}`, matchersOf(test), root);
      expect(found.length).toBeGreaterThan(0);
      for (const problem of found) {
        expect(problem.file).toMatch(/\.scenarios\.yaml$/);
        expect(await lineOf(problem.file, problem.line)).toContain(`name: "${problem.message}"`);
      }
    });
  });
});
