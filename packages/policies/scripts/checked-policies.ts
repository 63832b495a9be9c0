/** The repository's policies, loaded and checked; exits 1 with the diagnostics when they have errors. */
import { checkPolicyFolder, renderDiagnostics, type PolicySetModel } from '@vot/engine';
import { repositoryPolicyDir } from './paths.js';

export async function checkedRepositoryPolicies(script: string): Promise<PolicySetModel> {
  const checked = await checkPolicyFolder(repositoryPolicyDir);
  if (!checked.model) {
    process.stderr.write(`${renderDiagnostics(checked.diagnostics, { sources: checked.texts })}\n`);
    process.stderr.write(`${script}: the policies have errors; nothing written\n`);
    process.exit(1);
  }
  return checked.model;
}
