/**
 * The test scripts a newcomer and CI run: `.ci/run` runs exactly the README's second quick-start
 * command (`pnpm test`), which runs every vitest project; `pnpm test:fast` and `pnpm test:slow`
 * split them for the edit-test loop; and every test file of the repository is in exactly one of
 * the two projects, so no suite is forgotten when a file is added.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** The lines of the first ```sh block after `## Quick start`. */
async function quickStart(): Promise<string[]> {
  const readme = await readFile(join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no ```sh block in the README quick start');
  return block[1]!.trim().split('\n');
}

async function testFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !['node_modules', 'dist', '.git', 'corpus'].includes(entry.name)) found.push(...(await testFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(relative(repo, path));
  }
  return found;
}

describe('the test scripts', () => {
  it('.ci/run runs exactly the README second quick-start command, and nothing after it', async () => {
    const [, testCommand] = await quickStart();
    expect(testCommand).toBe('npx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 test');
    const ci = (await readFile(join(repo, '.ci', 'run'), 'utf8')).split('\n');
    const at = ci.indexOf(testCommand!);
    expect(at, '.ci/run must hold the README command as one line').toBeGreaterThan(0);
    expect(ci.slice(at + 1).filter((line) => line.trim() && !line.startsWith('#'))).toEqual([]);
  });

  it('pnpm test runs every project, pnpm test:fast the fast one and pnpm test:slow the slow one', async () => {
    const { scripts } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.test).toContain('vitest run &&');
    expect(scripts.test).not.toContain('--project');
    expect(scripts['test:fast']).toBe(scripts.test!.replace('vitest run &&', 'vitest run --project fast &&'));
    expect(scripts['test:slow']).toBe('vitest run --project slow');
  });

  it('puts every test file in exactly one of the two projects', async () => {
    const { stdout } = await run(process.execPath, [join(repo, 'node_modules', 'vitest', 'vitest.mjs'), 'list', '--filesOnly', '--json'], {
      cwd: repo,
      maxBuffer: 16 << 20,
    });
    const listed = JSON.parse(stdout) as Array<{ file: string; projectName: string }>;
    const projectsOf = new Map<string, string[]>();
    for (const { file, projectName } of listed)
      projectsOf.set(relative(repo, file), [...(projectsOf.get(relative(repo, file)) ?? []), projectName]);
    const files = [...(await testFiles(join(repo, 'tests'))), ...(await testFiles(join(repo, 'packages')))].sort();
    expect([...projectsOf.keys()].sort()).toEqual(files);
    for (const [file, projects] of projectsOf) expect(projects.length, file).toBe(1);
    expect(projectsOf.get('tests/consumer.test.ts')).toEqual(['slow']);
    expect(projectsOf.get('tests/test-scripts.test.ts')).toEqual(['fast']);
  }, 120_000);
});
