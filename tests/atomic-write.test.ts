/**
 * writeFileAtomic, which every command that writes (fmt, render, schema --write, the generated
 * files) goes through: a failure at any step leaves the original file whole and no temporary
 * file behind. The failures are injected into node:fs/promises for this file only.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const failures = vi.hoisted(() => ({ rename: false, write: false, sync: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (...args: Parameters<typeof actual.rename>) => {
      if (failures.rename) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      return actual.rename(...args);
    },
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      if (failures.write) {
        // Half the content reaches the disk, then the disk is full.
        const writeHalf = async (data: string) => {
          await handle.write(data.slice(0, Math.floor(data.length / 2)));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        };
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: writeHalf,
          sync: handle.sync.bind(handle),
          close: handle.close.bind(handle),
          write: handle.write.bind(handle),
        });
      }
      if (failures.sync) {
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: handle.writeFile.bind(handle),
          sync: async () => {
            throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          },
          close: handle.close.bind(handle),
        });
      }
      return handle;
    },
  };
});

const { writeFileAtomic } = await import('@vot/engine/tools');

const original = 'kind: settings\nsettings: []\n# a reviewer wrote this\n';
const replacement = `kind: settings\nsettings: []\n${'# new text\n'.repeat(5000)}`;

async function fileWithOriginal(): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'vot-atomic-'));
  const path = join(dir, 'settings.yaml');
  await writeFile(path, original);
  return { dir, path };
}

beforeEach(() => {
  failures.rename = false;
  failures.write = false;
  failures.sync = false;
});

describe('writeFileAtomic', () => {
  for (const step of ['write', 'sync', 'rename'] as const) {
    it(`keeps the original whole and leaves no temporary file when ${step} fails`, async () => {
      const { dir, path } = await fileWithOriginal();
      failures[step] = true;
      await expect(writeFileAtomic(path, replacement)).rejects.toThrow();
      expect(await readFile(path, 'utf8')).toBe(original);
      expect(await readdir(dir)).toEqual(['settings.yaml']);
    });
  }

  it('replaces the content when nothing fails, and leaves no temporary file', async () => {
    const { dir, path } = await fileWithOriginal();
    await writeFileAtomic(path, replacement);
    expect(await readFile(path, 'utf8')).toBe(replacement);
    expect(await readdir(dir)).toEqual(['settings.yaml']);
  });

  it('creates nothing when the folder does not exist', async () => {
    const { dir } = await fileWithOriginal();
    await expect(writeFileAtomic(join(dir, 'missing', 'x.yaml'), replacement)).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(['settings.yaml']);
  });

  it('two writers at once: the file ends as one of the two contents, whole', async () => {
    const { path } = await fileWithOriginal();
    const other = replacement.replace(/new text/g, 'other text');
    await Promise.all([writeFileAtomic(path, replacement), writeFileAtomic(path, other)]);
    expect([replacement, other]).toContain(await readFile(path, 'utf8'));
  });
});
