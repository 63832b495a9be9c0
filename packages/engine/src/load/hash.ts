import { createHash } from 'node:crypto';
import type { FactValue } from '../model.js';

/**
 * The policy hash: sha256 over every file's path (relative to the policy folder) and text, in
 * path order, and the settings in force. The same hash means the same policy text decided.
 */
export function policyHash(texts: ReadonlyMap<string, string>, base: string, settings: Readonly<Record<string, FactValue>> = {}): string {
  const hash = createHash('sha256');
  const prefix = base ? `${base}/` : '';
  const entries = [...texts.entries()]
    .map(([file, text]) => [file.startsWith(prefix) ? file.slice(prefix.length) : file, text] as const)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  for (const [file, text] of entries) {
    hash.update(file);
    hash.update('\u0000');
    hash.update(text);
    hash.update('\u0000');
  }
  const settingEntries = Object.entries(settings).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  hash.update(JSON.stringify(settingEntries));
  return `sha256:${hash.digest('hex')}`;
}
