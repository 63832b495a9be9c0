// A tool's TypeScript file using every entry of @vot/engine, type-checked in a fresh project
// under --strict --module nodenext against the installed packages (see tests/consumer.test.ts).
// A policy set made by one entry is the type another entry's functions take. Not part of the
// workspace build.
import { checkPolicyFolder, PolicySet, renderDiagnostics, type Decision } from '@vot/engine';
import { PolicySet as BrowserPolicySet, describeContext, describeWhen } from '@vot/engine/browser';
import { parseBundle, type PolicySet as RuntimePolicySet } from '@vot/engine/runtime';
import { runScenarios, serializeBundle } from '@vot/engine/tools';
import { bundledPolicyDir, loadPolicies, type PolicySet as HostPolicySet } from '@vot/policies';

export async function run(
  pointId: string,
  facts: Record<string, string | number | boolean>,
): Promise<{ passed: number; total: number; same: boolean; sentence: string }> {
  const checked = await checkPolicyFolder(bundledPolicyDir());
  if (!checked.model) throw new Error(renderDiagnostics(checked.diagnostics, { sources: checked.texts }));
  const set = new PolicySet(checked.model);
  const results = await runScenarios(set);
  const fromBundle: RuntimePolicySet = new PolicySet(parseBundle(serializeBundle(checked.model)));
  const host: HostPolicySet = await loadPolicies();
  const inBrowser = new BrowserPolicySet(checked.model);
  const point = checked.model.points.find((p) => p.id === pointId)!;
  const [a, b]: Decision[] = await Promise.all([fromBundle.decide(pointId, facts), inBrowser.decide(pointId, facts)]);
  const rule = point.outcomes[0]!.rules[0]!;
  return {
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    same: JSON.stringify(a) === JSON.stringify(b) && host.policy.hash === set.policy.hash,
    sentence: describeWhen(rule.when, describeContext(checked.model, point), 'en'),
  };
}
