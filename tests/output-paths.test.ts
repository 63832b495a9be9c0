/**
 * Where commands write. `vot render` writes only into a new or empty folder or one it wrote
 * before (its marker file), and never through a symbolic link: another site's files are never
 * overwritten and a link cannot lead the book out of the folder. `vot fmt` leaves a symbolic
 * link alone and says so, instead of replacing it with a formatted copy of its target.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVot, withPolicyCopy } from './cli-harness.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'vot-out-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('vot render --out', () => {
  it('writes a new folder, leaves its marker, and writes there again; refuses a folder with other files and leaves them', async () => {
    const out = join(scratch, 'new', 'book');
    expect((await runVot(['render', '--out', out])).code).toBe(0);
    expect(await readdir(out)).toContain('.vot-book');
    expect((await runVot(['render', '--out', out])).code).toBe(0);
    const site = join(scratch, 'site');
    await mkdir(site);
    await writeFile(join(site, 'index.html'), 'another site');
    const refused = await runVot(['render', '--out', site]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error[output-refused]');
    expect(await readdir(site)).toEqual(['index.html']);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe('another site');
  });

  it('writes nothing through a symbolic link: not the folder itself, not its assets folder', async () => {
    const outside = join(scratch, 'outside');
    await mkdir(outside);
    await symlink(outside, join(scratch, 'linked'));
    expect((await runVot(['render', '--out', join(scratch, 'linked')])).code).toBe(1);
    // A folder the book wrote before, whose assets folder has since become a link out of it.
    const marked = join(scratch, 'marked');
    expect((await runVot(['render', '--out', marked])).code).toBe(0);
    await rm(join(marked, 'assets'), { recursive: true });
    await symlink(outside, join(marked, 'assets'));
    const run = await runVot(['render', '--out', marked]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is a symbolic link');
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('vot fmt and symbolic links', () => {
  it('leaves a linked policy file as a link, its target unchanged, and says so', async () => {
    await withPolicyCopy(async ({ policies, root }) => {
      const target = join(root, 'shared.yaml');
      const text = 'kind: sources\nsources: []   \n\n\n';
      await writeFile(target, text);
      await symlink(target, join(policies, 'sources', 'shared.yaml'));
      const run = await runVot(['fmt', policies]);
      expect(run.stderr).toMatch(/shared\.yaml: a symbolic link, left alone/);
      expect((await lstat(join(policies, 'sources', 'shared.yaml'))).isSymbolicLink()).toBe(true);
      expect(await readFile(target, 'utf8')).toBe(text);
      const direct = await runVot(['fmt', join(policies, 'sources', 'shared.yaml')]);
      expect(direct.stderr).toMatch(/a symbolic link, left alone/);
      expect((await lstat(join(policies, 'sources', 'shared.yaml'))).isSymbolicLink()).toBe(true);
      expect(await readFile(target, 'utf8')).toBe(text);
    });
  });
});
