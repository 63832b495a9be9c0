import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemaFiles } from '@vot/engine';
import { writeFileAtomic } from '../write.js';
import { CommandFailed, exitCodes, type CliIo } from '../io.js';
import { policyDirFor } from '../policy-dir.js';

export interface SchemaOptions {
  write: boolean;
  check: boolean;
  dir?: string;
}

/** `vot schema`: print, write (`--write`) or verify (`--check`) the JSON Schema files in `<policies>/schema/`. */
export async function runSchema(io: CliIo, options: SchemaOptions): Promise<void> {
  const files = jsonSchemaFiles();
  const target = join(policyDirFor(io.cwd, options.dir), 'schema');
  if (options.check) {
    const stale: string[] = [];
    for (const [name, content] of files) {
      const current = await readFile(join(target, name), 'utf8').catch(() => undefined);
      if (current !== content) stale.push(name);
    }
    if (stale.length > 0) {
      io.err(`error[stale-schema]: ${stale.map((s) => `\`${s}\``).join(', ')} in ${target} differ from the zod schema\n  = help: run \`pnpm vot schema --write\` and commit the result`);
      throw new CommandFailed(exitCodes.badInput);
    }
    io.out(`ok: ${files.size} schema files in ${target} are up to date`);
    return;
  }
  if (options.write) {
    await mkdir(target, { recursive: true });
    for (const [name, content] of files) await writeFileAtomic(join(target, name), content);
    io.out(`wrote ${files.size} schema files to ${target}`);
    return;
  }
  io.out(JSON.stringify(Object.fromEntries([...files].map(([name, content]) => [name, JSON.parse(content) as unknown])), null, 2));
}
