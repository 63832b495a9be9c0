/** `vot check --max-files / --max-megabytes`: the folder limits by a flag, checked like every option. */
import { describe, expect, it } from 'vitest';
import { runVot, withPolicyCopy } from './cli-harness.js';

describe('vot check with folder limits', () => {
  it('refuses a folder past --max-files with the diagnostic, and checks it within the limit', async () => {
    await withPolicyCopy(async ({ root, policies }) => {
      const small = await runVot(['check', policies, '--no-gate', '--max-files', '3'], root);
      expect(small.code).toBe(1);
      expect(small.stderr).toContain('error[folder-too-large]: policy folder holds more than 3 policy files');
      expect(small.stderr).toContain('limits: { files, megabytes }');
      const enough = await runVot(['check', policies, '--no-gate', '--max-files', '5000', '--max-megabytes', '64'], root);
      expect(enough.stderr).toBe('');
      expect(enough.code).toBe(0);
    });
  });

  it('takes only whole numbers of at least 1', async () => {
    for (const value of ['0', '-1', '2.5', 'many']) {
      const run = await runVot(['check', '--max-files', value]);
      expect(run.code, value).toBe(2);
      expect(run.stderr, value).toContain('expected a whole number of at least 1');
    }
  });
});
