/**
 * The policy-set version and the package version are one: `version:` in policy-set.yaml (what
 * every `decision.policy.version` says) is set from @vot/policies' package.json when packages
 * are versioned. `released.json` records the policy hash of the last release, so a test can ask
 * for a changeset whenever the policies changed since.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReleasedPolicies {
  /** The @vot/policies version last released, or null before the first release. */
  version: string | null;
  /** The policy hash that release shipped, or null before the first release. */
  hash: string | null;
}

const versionLine = /^version:[ \t]*\S.*$/m;

/** policy-set.yaml's text with its top-level `version:` set; everything else unchanged. */
export function withPolicySetVersion(text: string, version: string): string {
  const matches = text.match(new RegExp(versionLine.source, 'gm')) ?? [];
  if (matches.length !== 1) throw new Error(`policy-set.yaml must have exactly one top-level \`version:\` line, found ${matches.length}`);
  return text.replace(versionLine, `version: ${version}`);
}

/** Pending changesets (in `.changeset/`) that name this package. */
export async function changesetsNaming(changesetDir: string, packageName: string): Promise<string[]> {
  const files = (await readdir(changesetDir)).filter((file) => file.endsWith('.md') && file !== 'README.md');
  const naming: string[] = [];
  for (const file of files) {
    const text = await readFile(join(changesetDir, file), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    const named = front
      .split(/\r?\n/)
      .some((line) => new RegExp(`^\\s*['"]?${packageName.replace(/[/@]/g, '\\$&')}['"]?\\s*:\\s*(patch|minor|major)\\s*$`).test(line));
    if (named) naming.push(file);
  }
  return naming;
}
