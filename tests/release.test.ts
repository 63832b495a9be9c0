/**
 * Releases: the version in every decision is the @vot/policies package version, and a change
 * to the policies since the last release cannot go out without a changeset.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadPolicies } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { changesetsNaming, withPolicySetVersion, type ReleasedPolicies } from '../packages/policies/scripts/policy-version.js';
import { packageDir } from '../packages/policies/scripts/paths.js';

const repo = resolve(import.meta.dirname, '..');

describe('releases', () => {
  it('decide with the version of the @vot/policies package', async () => {
    const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const policies = await loadPolicies();
    expect(policies.policy.version, 'run `pnpm version-packages` (it syncs policies/policy-set.yaml)').toBe(version);
    const decision = await policies.decide('follow-up', { organisation: 'nav-office', employeeEmployer: 'state' });
    expect(decision.policy.version).toBe(version);
  });

  it('have a pending changeset for @vot/policies whenever the policies changed since the last release', async () => {
    const released = JSON.parse(await readFile(join(packageDir, 'released.json'), 'utf8')) as ReleasedPolicies;
    const { hash } = (await loadPolicies()).policy;
    if (hash === released.hash) return;
    const naming = await changesetsNaming(join(repo, '.changeset'), '@vot/policies');
    expect(naming, `the policies changed since ${released.version ?? 'the start'} (hash ${hash}); add one with \`pnpm changeset\``).not.toEqual([]);
  });

  it('set the policy-set version on its own line and nothing else', () => {
    const text = '# comment with version: 9\nkind: policy-set\nname: x\nversion: 0.1.0\ntitle: { en: "version: in a title" }\n';
    expect(withPolicySetVersion(text, '1.2.0')).toBe(text.replace('version: 0.1.0', 'version: 1.2.0'));
    expect(() => withPolicySetVersion('kind: policy-set\n', '1.0.0')).toThrow(/exactly one/);
  });

  it('find changesets by the packages named in their front matter only', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'vot-changesets-'));
    try {
      await writeFile(join(dir, 'README.md'), "---\n'@vot/policies': major\n---\n");
      await writeFile(join(dir, 'engine-only.md'), "---\n'@vot/engine': patch\n---\n\nMentions @vot/policies: minor in the text only.\n");
      expect(await changesetsNaming(dir, '@vot/policies')).toEqual([]);
      await writeFile(join(dir, 'policies.md'), '---\n"@vot/engine": patch\n"@vot/policies": minor\n---\n\nStricter exclusion.\n');
      expect(await changesetsNaming(dir, '@vot/policies')).toEqual(['policies.md']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
