/**
 * After `changeset version`: sets `version:` in policies/policy-set.yaml to the new
 * @vot/policies version and records the policy hash being released in released.json.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPolicyFolder } from '@vot/engine';
import { writeFileAtomic } from '@vot/engine/tools';
import { withPolicySetVersion, type ReleasedPolicies } from './policy-version.js';
import { packageDir, repositoryPolicyDir } from './paths.js';

const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
const setFile = join(repositoryPolicyDir, 'policy-set.yaml');
await writeFileAtomic(setFile, withPolicySetVersion(await readFile(setFile, 'utf8'), version));
const checked = await checkPolicyFolder(repositoryPolicyDir);
if (!checked.model) {
  process.stderr.write('sync-version: the policies have errors; released.json not written\n');
  process.exit(1);
}
const released: ReleasedPolicies = { version, hash: checked.model.hash };
await writeFileAtomic(join(packageDir, 'released.json'), `${JSON.stringify(released, null, 2)}\n`);
process.stdout.write(`policy-set.yaml version ${version}; released hash ${checked.model.hash}\n`);
