/**
 * Build step of @vot/policies after tsup: loads and checks the repository's `policies/` with
 * the engine and writes `dist/bundle.json` (the checked model with its hashes), and copies
 * the YAML to `dist/policies/` (for `settings`, reviewers and `vot check` on an install).
 * Refuses to build from policies with errors.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeBundle, writeFileAtomic } from '@vot/engine/tools';
import { checkedRepositoryPolicies } from './checked-policies.js';
import { distDir, repositoryPolicyDir } from './paths.js';

const model = await checkedRepositoryPolicies('build-bundle');
await mkdir(distDir, { recursive: true });
await writeFileAtomic(join(distDir, 'bundle.json'), serializeBundle(model));
await rm(join(distDir, 'policies'), { recursive: true, force: true });
await cp(repositoryPolicyDir, join(distDir, 'policies'), { recursive: true });
process.stdout.write(`build-bundle: ${model.name} ${model.version} ${model.hash}\n`);
