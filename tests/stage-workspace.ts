/**
 * A private copy of the workspace's build and release inputs in a temporary folder, so a test
 * can build, pack or version packages without touching the working tree (other test runs may
 * read it at the same time). Dependencies are shared: the root `node_modules` is linked, and
 * each package's `node_modules` keeps its relative links into it.
 */
import { cp, mkdir, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '..');
export const publishedPackages = ['engine', 'policies', 'audit', 'cli', 'service'] as const;

export async function stageWorkspace(stage: string, extra: readonly string[] = []): Promise<void> {
  await mkdir(join(stage, 'packages'), { recursive: true });
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'tsconfig.json', 'tsconfig.base.json', '.npmrc'])
    await cp(join(repo, file), join(stage, file));
  for (const dir of ['build', 'policies', ...extra]) await cp(join(repo, dir), join(stage, dir), { recursive: true });
  for (const name of publishedPackages) {
    const from = join(repo, 'packages', name);
    await cp(from, join(stage, 'packages', name), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !source.startsWith(join(from, 'dist')),
    });
  }
  await symlink(join(repo, 'node_modules'), join(stage, 'node_modules'), 'dir');
}
