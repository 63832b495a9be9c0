/**
 * The folder `vot render` writes the book into. It writes only into a folder that is empty or
 * that it wrote before (it leaves a marker file), so `--out` pointed at another site by mistake
 * overwrites nothing; and never through a symbolic link: not the folder itself, and not any
 * folder it creates on the way, each checked after it is made.
 */
import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { refuse, type CliIo } from '../io.js';

/** The file that marks a folder as one `vot render` wrote. */
export const bookMarker = '.vot-book';

const markerText = 'This folder was written by `vot render`; it may write here again and overwrite what it wrote.\n';

async function lstatOrNothing(path: string) {
  return lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** A folder that must be a real folder (made when missing), never a link to one. */
async function realFolder(io: CliIo, path: string, shown: string): Promise<void> {
  let info = await lstatOrNothing(path);
  if (!info) {
    // The folders above first, one at a time, each checked after it is made.
    const parent = dirname(path);
    if (parent !== path && !(await lstatOrNothing(parent))) await realFolder(io, parent, parent);
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    info = await lstat(path);
  }
  if (info.isSymbolicLink()) refuse(io, { code: 'output-refused', args: { path: shown, problem: 'symlink' } });
  if (!info.isDirectory()) refuse(io, { code: 'output-refused', args: { path: shown, problem: 'not-a-folder' } });
}

/**
 * Makes `out` ready for the book: a real folder, empty or marked as a book, with a real
 * `assets/` folder; leaves the marker in it. `shown` is how the folder is named in messages.
 */
export async function prepareBookFolder(io: CliIo, out: string, shown: string): Promise<void> {
  const existed = (await lstatOrNothing(out)) !== undefined;
  await realFolder(io, out, shown);
  if (existed) {
    const entries = await readdir(out);
    if (entries.length > 0 && !entries.includes(bookMarker))
      refuse(io, { code: 'output-refused', args: { path: shown, problem: 'not-empty' } });
  }
  await realFolder(io, join(out, 'assets'), `${shown}/assets`);
  const marker = join(out, bookMarker);
  const markerInfo = await lstatOrNothing(marker);
  if (markerInfo?.isSymbolicLink()) refuse(io, { code: 'output-refused', args: { path: `${shown}/${bookMarker}`, problem: 'symlink' } });
  // `wx` fails rather than follow a link made since.
  if (!markerInfo) await writeFile(marker, markerText, { flag: 'wx' });
}
