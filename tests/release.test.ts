/**
 * Releases: the version in every decision is the @vot/policies package version, and a change
 * to the policies since the last release cannot go out without a changeset.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkPolicyFolder } from '@vot/engine';
import { loadPolicies } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { changesetsNaming, withPolicySetVersion, type ReleasedPolicies } from '../packages/policies/scripts/policy-version.js';
import { packageDir } from '../packages/policies/scripts/paths.js';
import { repo, stageWorkspace } from './stage-workspace.js';

const run = promisify(execFile);
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

describe('releases', () => {
  it('decide with the version of the @vot/policies package', async () => {
    const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const policies = await loadPolicies();
    expect(policies.policy.version, 'run `pnpm version-packages` (it syncs policies/policy-set.yaml)').toBe(version);
    const decision = await policies.decide('follow-up', {
      organisation: 'nav-office',
      employeeEmployer: 'state',
      incidentType: 'threat-in-person',
    });
    expect(decision.policy.version).toBe(version);
  });

  it('have a pending changeset for @vot/policies whenever the policies changed since the last release', async () => {
    const released = JSON.parse(await readFile(join(packageDir, 'released.json'), 'utf8')) as ReleasedPolicies;
    const { hash } = (await loadPolicies()).policy;
    if (hash === released.hash) return;
    const naming = await changesetsNaming(join(repo, '.changeset'), '@vot/policies');
    expect(
      naming,
      `the policies changed since ${released.version ?? 'the start'} (hash ${hash}); add one with \`pnpm changeset\``,
    ).not.toEqual([]);
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

  it('version the packages with changesets, then give the policy set the new package version and record its hash', async () => {
    const stage = await mkdtemp(join(tmpdir(), 'vot-release-'));
    try {
      await stageWorkspace(stage, ['.changeset']);
      // The changesets config names the (ignored) example service, so it must exist in the workspace.
      await mkdir(join(stage, 'examples', 'decision-service'), { recursive: true });
      await cp(join(repo, 'examples', 'decision-service', 'package.json'), join(stage, 'examples', 'decision-service', 'package.json'));
      // One pending change of our own, so the flow runs whatever is pending in the tree.
      await writeFile(
        join(stage, '.changeset', 'zz-release-test.md'),
        "---\n'@vot/policies': patch\n---\n\nRelease test: a stricter rule.\n",
      );
      const before = (await readJson<{ version: string }>(join(stage, 'packages', 'policies', 'package.json'))).version;
      await run(process.execPath, [join(repo, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], { cwd: stage });
      await run(
        process.execPath,
        [join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=@vot/source', 'packages/policies/scripts/sync-version.ts'],
        { cwd: stage },
      );
      const after = (await readJson<{ version: string }>(join(stage, 'packages', 'policies', 'package.json'))).version;
      expect(after).not.toBe(before);
      // A higher version: numeric collation compares 0.10.0 above 0.9.0.
      expect(after.localeCompare(before, undefined, { numeric: true })).toBe(1);
      const checked = await checkPolicyFolder(join(stage, 'policies'));
      expect(checked.model?.version).toBe(after);
      expect(await readJson(join(stage, 'packages', 'policies', 'released.json'))).toEqual({ version: after, hash: checked.model?.hash });
      expect(await readFile(join(stage, 'packages', 'policies', 'CHANGELOG.md'), 'utf8')).toContain('Release test: a stricter rule.');
      expect(await readFile(join(stage, 'policies', 'policy-set.yaml'), 'utf8')).toMatch(
        new RegExp(`^version: ${after.replace(/\./g, '\\.')}$`, 'm'),
      );
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
  });
});
