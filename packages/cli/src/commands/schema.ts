import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { editorVocabulary, jsonSchemaFiles, terminalLine, writeFileAtomic } from '@vot/engine/tools';
import { refuse, reportDiagnostics, type CliIo } from '../io.js';
import { checkFolder, policyDirFor } from '../policy-dir.js';

export interface SchemaOptions {
  write: boolean;
  check: boolean;
  dir?: string;
  format?: 'text' | 'json';
}

/**
 * `vot schema`: print, write (`--write`) or verify (`--check`) the JSON Schema files in
 * `<policies>/schema/`. The files carry the folder's own fact names, outcome ids, sources,
 * settings and points for editors, so they are built from the checked folder: a folder with
 * errors gets no new schema (the committed one keeps working in the editor meanwhile).
 */
export async function runSchema(io: CliIo, options: SchemaOptions): Promise<void> {
  const folder = policyDirFor(io.cwd, options.dir);
  const checked = await checkFolder(io, folder);
  if (!checked.model) {
    reportDiagnostics(io, checked.diagnostics, checked.texts);
    refuse(io, { code: 'policies-not-checked', args: { command: 'schema' } });
  }
  const files = jsonSchemaFiles(editorVocabulary(checked.model));
  const target = join(folder, 'schema');
  if (options.check) {
    const stale: string[] = [];
    for (const [name, content] of files) {
      const current = await readFile(join(target, name), 'utf8').catch(() => undefined);
      if (current !== content) stale.push(name);
    }
    if (stale.length > 0) refuse(io, { code: 'stale-schema', args: { files: stale, folder: target } });
    io.out(
      options.format === 'json'
        ? JSON.stringify({ ok: true, folder: target, files: [...files.keys()] }, null, 2)
        : `ok: ${files.size} schema files in ${terminalLine(target)} are up to date`,
    );
    return;
  }
  if (options.write) {
    await mkdir(target, { recursive: true });
    for (const [name, content] of files) await writeFileAtomic(join(target, name), content);
    io.out(
      options.format === 'json'
        ? JSON.stringify({ ok: true, folder: target, written: [...files.keys()] }, null, 2)
        : `wrote ${files.size} schema files to ${terminalLine(target)}`,
    );
    return;
  }
  io.out(JSON.stringify(Object.fromEntries([...files].map(([name, content]) => [name, JSON.parse(content) as unknown])), null, 2));
}
