/**
 * `vot fmt` from the command line: `--check` for CI, atomic writes, refusals. The formatting
 * itself is property-tested in packages/engine/src/format/format.test.ts.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editFile, runVot, withPolicyCopy } from './cli-harness.js';

describe('vot fmt', () => {
  it('--check passes on the bundled policies', async () => {
    const run = await runVot(['fmt', '--check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok: \d+ policy files are formatted/);
  });

  it('--check lists the files that would change and changes nothing; fmt then restores them atomically', async () => {
    await withPolicyCopy(async (copy) => {
      const ladder = join(copy.policies, 'reaction', 'ladder.yaml');
      const settings = join(copy.policies, 'settings.yaml');
      const before = { ladder: await readFile(ladder, 'utf8'), settings: await readFile(settings, 'utf8') };
      await writeFile(ladder, before.ladder.replace(/\n/g, '\r\n'));
      await editFile(settings, 'kind: settings\n', 'kind: settings \t\n');
      await writeFile(settings, `${await readFile(settings, 'utf8')}\n\n`);
      const noisy = await readFile(ladder, 'utf8');

      const check = await runVot(['fmt', '--check'], copy.root);
      expect(check.code).toBe(1);
      expect(check.stdout.trim().split('\n')).toEqual([
        'policies/reaction/ladder.yaml: line endings',
        'policies/settings.yaml: trailing spaces on 1 line, extra blank lines',
      ]);
      expect(check.stderr).toContain('error[not-formatted]: 2 of');
      expect(await readFile(ladder, 'utf8')).toBe(noisy);

      const fmt = await runVot(['fmt'], copy.root);
      expect(fmt.code).toBe(0);
      expect(await readFile(ladder, 'utf8')).toBe(before.ladder);
      expect(await readFile(settings, 'utf8')).toBe(before.settings);
      const leftovers = (await readdir(copy.policies, { recursive: true })).filter((name) => name.endsWith('.tmp'));
      expect(leftovers).toEqual([]);
      expect((await runVot(['fmt', '--check'], copy.root)).code).toBe(0);
    });
  });

  it('refuses a file that does not parse, names it, and leaves it as it is', async () => {
    await withPolicyCopy(async (copy) => {
      const file = join(copy.policies, 'policy-set.yaml');
      await editFile(file, 'kind: policy-set\n', 'kind: policy-set\nkind: again   \n');
      const broken = await readFile(file, 'utf8');
      const run = await runVot(['fmt', 'policies/policy-set.yaml'], copy.root);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/error\[fmt-refused\]: `policies\/policy-set\.yaml` was not formatted: it does not parse/);
      expect(await readFile(file, 'utf8')).toBe(broken);
    });
  });

  it('fails with a clear message on a path that is missing or holds no policy file', async () => {
    const missing = await runVot(['fmt', 'no-such-folder']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error[file-unreadable]: cannot read `no-such-folder`: no such file or folder');
    const empty = await runVot(['fmt', '--check', 'README.md']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('error[no-policy-files]');
  });
});
