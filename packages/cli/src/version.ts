/** The version of @vot/cli, read from its package.json (one folder above `src/` and `dist/` alike). */
import { readFileSync } from 'node:fs';

export const cliVersion: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
