/**
 * The regulation gate under every allowed setting. Settings are folded into the checked model
 * with the values in force, so `vot check` proves the duties for the defaults only; a host may
 * choose any value in a setting's range (`loadPolicies({ settings })`). This runs the gate for
 * every combination of the settings' values: every value of a boolean or enum setting, and an
 * integer setting at both ends of its range (its default too). Integer values inside the range
 * are not all tried: a rule comparing a number with a setting changes its answer at that
 * setting's value, so the ends are the extreme cases, but this is a check, not a proof.
 */
import { checkPolicyFolder, renderDiagnostics, type FactValue, type SettingModel } from '@vot/engine';
import { runGate } from '@vot/engine/tools';
import { bundledPolicyDir } from '@vot/policies';
import { describe, expect, it } from 'vitest';

function valuesOf(setting: SettingModel): FactValue[] {
  if (setting.type === 'boolean') return [false, true];
  if (setting.type === 'enum') return [...setting.values!];
  return [...new Set([setting.min!, setting.default as number, setting.max!])];
}

function* product(settings: readonly SettingModel[]): Generator<Record<string, FactValue>> {
  if (settings.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = settings;
  for (const value of valuesOf(first!)) for (const others of product(rest)) yield { [first!.id]: value, ...others };
}

describe('regulation gate under every allowed setting', () => {
  it('holds every duty whatever values a host chooses for the settings', async () => {
    const dir = bundledPolicyDir();
    const defaults = await checkPolicyFolder(dir);
    expect(defaults.model, renderDiagnostics(defaults.diagnostics)).toBeDefined();
    const settings = defaults.model!.settings;
    expect(settings.length).toBeGreaterThan(0);
    const broken: string[] = [];
    let combinations = 0;
    for (const chosen of product(settings)) {
      combinations++;
      const checked = await checkPolicyFolder(dir, { settings: chosen });
      if (!checked.model) {
        broken.push(`${JSON.stringify(chosen)}: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
        continue;
      }
      const report = runGate(checked.model);
      for (const duty of report.duties.filter((d) => !d.ok)) broken.push(`${JSON.stringify(chosen)}: duty \`${duty.id}\` broken`);
    }
    expect(broken).toEqual([]);
    expect(combinations).toBe(settings.reduce((n, s) => n * valuesOf(s).length, 1));
    // The whole gate, every period, once per combination: over a minute on a loaded two-core machine.
  }, 300_000);
});
