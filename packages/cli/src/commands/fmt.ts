import { lstat, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '@vot/engine';
import { diagnostic, formatPolicyText, loadLimits, schemaFileNames, terminalLine, writeFileAtomic } from '@vot/engine/tools';
import { CommandFailed, exitCodes, refuse, report, reportDiagnostics, type CliIo } from '../io.js';
import { isInside, policyScope } from '../policy-dir.js';

export interface FmtOptions {
  /** Only report the files that would change; exit 1 when there are any. */
  check: boolean;
  format?: 'text' | 'json';
}

/**
 * Every `.yaml` file under `dir`, sorted, and the symbolic links met on the way; dot-files and
 * `schema/` are skipped. A link is never followed or written: writing through it would change
 * its target, and replacing it would turn it into a copy.
 */
async function policyFiles(dir: string, root: string): Promise<{ files: string[]; links: string[] }> {
  const files: string[] = [];
  const links: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.name.startsWith('.')) continue;
      if ((await lstat(path)).isSymbolicLink()) {
        if (entry.name.endsWith('.yaml') || !entry.name.includes('.')) links.push(path);
      } else if (entry.isDirectory() && path !== join(root, 'schema')) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.yaml')) files.push(path);
    }
  };
  const info = await lstat(dir);
  if (info.isSymbolicLink()) links.push(dir);
  else if (info.isDirectory()) await walk(dir);
  else if (dir.endsWith('.yaml')) files.push(dir);
  return { files, links };
}

/** `vot fmt [dir] [--check]`: normalise the layout of policy files, keeping every comment and the order of what was written. */
export async function runFmt(io: CliIo, dir: string | undefined, options: FmtOptions): Promise<void> {
  const { root, only } = policyScope(io.cwd, dir);
  const { files, links } = await policyFiles(only ?? root, root).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'no such file or folder' : (error.code ?? error.message);
    return refuse(io, { code: 'file-unreadable', args: { file: dir ?? root, reason } });
  });
  if (files.length === 0 && links.length === 0) refuse(io, { code: 'no-policy-files', args: { path: dir ?? root } });
  // A file's name is text from outside: shown on its line, with any control character visible.
  const shown = (file: string) => {
    const path = relative(io.cwd, file);
    return terminalLine(path && !path.startsWith('..') ? path.split(sep).join('/') : file);
  };
  const schemaFor = (file: string) => (kind: string) => {
    const name = (schemaFileNames as Record<string, string>)[kind];
    if (!name) return undefined;
    const path = relative(dirname(file), join(root, 'schema', name))
      .split(sep)
      .join('/');
    return path.startsWith('.') ? path : `./${path}`;
  };

  const changed: string[] = [];
  const changedFiles: Array<{ file: string; changes: string[] }> = [];
  const refused: Diagnostic[] = [];
  for (const file of files) {
    if (!isInside(file, root)) continue;
    // Sized before it is read, as the loader does: a policy file is at most 1 MiB.
    const size = (await lstat(file)).size;
    if (size > loadLimits.maxFileBytes) {
      refused.push(
        diagnostic({
          code: 'fmt-refused',
          args: { file: shown(file), reason: `it is ${size} bytes, more than ${loadLimits.maxFileBytes}` },
        }),
      );
      continue;
    }
    const text = await readFile(file, 'utf8');
    const result = formatPolicyText(text, { schemaFor: schemaFor(file) });
    if (result.refused) {
      refused.push(diagnostic({ code: 'fmt-refused', args: { file: shown(file), reason: result.refused } }));
    } else if (result.text !== text) {
      changed.push(`${shown(file)}: ${result.changes.join(', ')}`);
      changedFiles.push({ file: shown(file), changes: result.changes });
      if (!options.check) await writeFileAtomic(file, result.text);
    }
  }

  // Said, not done silently: a link is left as it is, and its target is formatted where it lives.
  if (options.format !== 'json')
    for (const link of links) io.err(`${shown(link)}: a symbolic link, left alone (format the file it points to where it lives)`);
  reportDiagnostics(io, refused);
  const failed = refused.length > 0 || (options.check && changed.length > 0);
  if (options.format === 'json') {
    io.out(
      JSON.stringify(
        { ok: !failed, files: files.length, [options.check ? 'wouldChange' : 'changed']: changedFiles, symbolicLinks: links.map(shown) },
        null,
        2,
      ),
    );
    if (options.check && changed.length > 0) report(io, { code: 'not-formatted', args: { changed: changed.length, total: files.length } });
  } else if (options.check) {
    if (changed.length > 0) {
      io.out(changed.join('\n'));
      report(io, { code: 'not-formatted', args: { changed: changed.length, total: files.length } });
    } else if (refused.length === 0) {
      io.out(`ok: ${files.length} policy files are formatted`);
    }
  } else {
    if (changed.length > 0) io.out(changed.map((line) => `formatted ${line}`).join('\n'));
    io.out(`${changed.length} of ${files.length} policy files changed`);
  }
  if (failed) throw new CommandFailed(exitCodes.badInput);
}
