/**
 * Reading a policy folder when the file system does not cooperate: a named pipe where a policy
 * file should be (reading it would block forever), a file that cannot be read, a file that
 * disappears between listing and reading, and an oversize file that must not be read at all.
 * Each is a diagnostic with the file and a reason in words; nothing throws, nothing hangs.
 * The read failures are injected into node:fs/promises for this file only (tests run as root
 * in CI, where permissions cannot make a file unreadable).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const failing = vi.hoisted(() => new Map<string, { code: string; message: string; on: 'readFile' | 'lstat' }>());
const reads = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (path: unknown, on: 'readFile' | 'lstat') => {
    const failure = failing.get(String(path));
    if (failure?.on === on)
      throw Object.assign(new Error(`${failure.code}: ${failure.message}, ${on} '${String(path)}'`), { code: failure.code });
  };
  return {
    ...actual,
    readFile: async (...args: Parameters<typeof actual.readFile>) => {
      reads.push(String(args[0]));
      fail(args[0], 'readFile');
      return actual.readFile(...args);
    },
    lstat: async (...args: Parameters<typeof actual.lstat>) => {
      fail(args[0], 'lstat');
      return actual.lstat(...args);
    },
  };
});

const { readPolicyFolder, loadLimits } = await import('@vot/engine/tools');

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vot-folder-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

const summary = (read: Awaited<ReturnType<typeof readPolicyFolder>>, dir: string) =>
  read.diagnostics.map((d) => `${d.code} ${d.file?.replace(dir, '<dir>')}: ${d.message.replace(dir, '<dir>')}`);

describe('reading a policy folder', () => {
  it('refuses a named pipe instead of blocking on it', async () => {
    const dir = await folder({ 'ok.yaml': 'kind: sources\n' });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const read = await readPolicyFolder(dir);
    expect([...read.files.keys()]).toEqual(['ok.yaml']);
    expect(summary(read, dir)).toEqual(['file-unreadable <dir>/pipe.yaml: cannot read `pipe.yaml`: not a regular file']);
  });

  it('names a permission error and a file that vanished, and reads the others', async () => {
    const dir = await folder({ 'a.yaml': 'kind: sources\n', 'b.yaml': 'kind: sources\n', 'c.yaml': 'kind: sources\n' });
    failing.set(join(dir, 'a.yaml'), { code: 'EACCES', message: 'permission denied', on: 'readFile' });
    failing.set(join(dir, 'b.yaml'), { code: 'ENOENT', message: 'no such file or directory', on: 'lstat' });
    const read = await readPolicyFolder(dir);
    expect([...read.files.keys()]).toEqual(['c.yaml']);
    expect(summary(read, dir)).toEqual([
      'file-unreadable <dir>/a.yaml: cannot read `a.yaml`: permission denied',
      'file-unreadable <dir>/b.yaml: cannot read `b.yaml`: no such file or folder',
    ]);
  });

  it('does not read an oversize file at all: its size comes from the file system', async () => {
    const dir = await folder({ 'big.yaml': ' '.repeat(loadLimits.maxFileBytes + 1), 'small.yaml': 'kind: sources\n' });
    reads.length = 0;
    const read = await readPolicyFolder(dir);
    expect(reads.map((path) => path.replace(dir, '<dir>'))).toEqual(['<dir>/small.yaml']);
    expect(summary(read, dir)).toEqual([
      `file-too-large <dir>/big.yaml: file is ${loadLimits.maxFileBytes + 1} bytes, more than the limit of ${loadLimits.maxFileBytes}`,
    ]);
  });
});
