/**
 * Regenerates src/generated/facts.ts from the repository's `policies/` vocabulary and points.
 * Run `pnpm --filter @vot/policies generate` after changing the vocabulary; a test fails while
 * the committed file is stale.
 */
import { factTypesSource, writeFileAtomic } from '@vot/engine/tools';
import { checkedRepositoryPolicies } from './checked-policies.js';
import { factTypesCommand, generatedFactsFile } from './paths.js';

const model = await checkedRepositoryPolicies('generate-facts');
await writeFileAtomic(generatedFactsFile, factTypesSource(model, { command: factTypesCommand }));
process.stdout.write(`wrote ${generatedFactsFile}\n`);
