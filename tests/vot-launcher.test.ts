/**
 * `pnpm vot` (build/vot.mjs) runs the built packages only when they were built from exactly the
 * sources in the checkout: the stamp's input and output hashes must both match.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInputsHash, buildOutputsHash } from '../build/build-inputs.mjs';
import { repo } from './stage-workspace.js';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vot-launch-'));
  scratch.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const base: Record<string, string> = {
  'package.json': '{}',
  'pnpm-lock.yaml': 'lockfileVersion: 9\n',
  'build/tsup-preset.ts': 'export {};',
  'policies/policy-set.yaml': 'kind: policy-set\n',
  'packages/engine/package.json': '{"name":"@vot/engine"}',
  'packages/engine/tsup.config.ts': 'export {};',
  'packages/engine/src/index.ts': 'export const a = 1;',
  'packages/policies/scripts/build-bundle.ts': 'export {};',
  'packages/engine/dist/index.js': 'export const a = 1;',
};
// Paths whose content is an input of the build, and paths that are not.
const inputs = Object.keys(base).filter((path) => !path.includes('/dist/'));
const notInputs = ['packages/engine/dist/index.js', 'packages/engine/node_modules/x/index.js', 'policies/.editorconfig', 'README.md'];

describe('the build stamp hashes', () => {
  it('change with every input of the build and with nothing else', async () => {
    const before = buildInputsHash(await workspace(base));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...inputs, ...notInputs), async (path) => {
        const after = buildInputsHash(await workspace({ ...base, [path]: `${base[path] ?? ''}// edited\n` }));
        expect(after === before).toBe(notInputs.includes(path));
      }),
      { numRuns: 20 },
    );
  });

  it('see every file the build wrote', async () => {
    const before = buildOutputsHash(await workspace(base));
    expect(buildOutputsHash(await workspace({ ...base, 'packages/engine/dist/index.js': 'export const a = 2;' }))).not.toBe(before);
    expect(buildOutputsHash(await workspace({ ...base, 'packages/engine/dist/more.js': '' }))).not.toBe(before);
    expect(buildOutputsHash(await workspace({ ...base, 'packages/engine/src/index.ts': 'edited' }))).toBe(before);
  });
});

describe('pnpm vot', () => {
  const which = (stampDir: string, env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [join(repo, 'build', 'vot.mjs'), '--which'], {
      encoding: 'utf8',
      env: { ...process.env, VOT_SOURCES: '', VOT_BUILD_STAMP_DIR: stampDir, ...env },
    }).trim();
  const built = existsSync(join(repo, 'packages', 'cli', 'dist', 'bin.js'));

  it('runs the sources without a stamp, with a stamp of other sources or other output, and when asked to', async () => {
    const stampDir = await workspace({});
    expect(which(stampDir)).toBe('sources');
    const inputs = buildInputsHash(repo);
    const outputs = buildOutputsHash(repo);
    for (const stamp of [{ inputs: 'sha256:other', outputs }, { inputs, outputs: 'sha256:other' }, { inputs }]) {
      await writeFile(join(stampDir, 'build-stamp.json'), JSON.stringify(stamp));
      expect(which(stampDir), JSON.stringify(stamp)).toBe('sources');
    }
    await writeFile(join(stampDir, 'build-stamp.json'), JSON.stringify({ inputs, outputs }));
    expect(which(stampDir, { VOT_SOURCES: '1' })).toBe('sources');
  });

  it('runs the built packages when the stamp matches the sources and the build output', async () => {
    const stampDir = await workspace({});
    await writeFile(join(stampDir, 'build-stamp.json'), JSON.stringify({ inputs: buildInputsHash(repo), outputs: buildOutputsHash(repo) }));
    // In a clone that was never built there is nothing to run but the sources.
    expect(which(stampDir)).toBe(built ? 'built' : 'sources');
  });

  it('stamps a build only when the sources did not change while it ran', async () => {
    const stampDir = await workspace({});
    const run = (flag: string) =>
      execFileSync(process.execPath, [join(repo, 'build', 'vot.mjs'), flag], { env: { ...process.env, VOT_BUILD_STAMP_DIR: stampDir } });
    run('--build-begin');
    // A begin noted under other sources: the end must not stamp.
    await writeFile(join(stampDir, 'build-stamp.pending.json'), JSON.stringify({ inputs: 'sha256:before-an-edit' }));
    run('--build-end');
    expect(existsSync(join(stampDir, 'build-stamp.json'))).toBe(false);
    run('--build-begin');
    run('--build-end');
    expect(existsSync(join(stampDir, 'build-stamp.json'))).toBe(true);
    expect(which(stampDir)).toBe(built ? 'built' : 'sources');
  });
});
