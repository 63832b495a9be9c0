import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: the content goes to a new temporary file beside it, is flushed to
 * disk, and only then renamed over the target. A failure at any step (disk full, a crash, a
 * kill) leaves the old file whole and removes the temporary one; a reader never sees a
 * truncated or half-written file.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // `wx`: never reuse or follow an existing file at the temporary name.
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      // Without the flush, a crash right after the rename can leave an empty file on disk.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
