/**
 * Reviewer scenario tests: `{ name, facts, expect, source }` beside the policies. A scenario
 * passes when every expected outcome has the expected status (`absent`: not in the decision),
 * every listed requirement is among the outcome's requires, and every listed limit matches.
 */
import { PolicyError } from '../diagnostics.js';
import { locationText } from '../location.js';
import type { PolicySet } from '../decide/policy-set.js';
import type { Decision } from '../decide/decision.js';
import type { ScenarioModel } from '../model.js';

export interface ScenarioMismatch {
  outcome: string;
  expected: string;
  decided: string;
}

export interface ScenarioResult {
  name: string;
  point: string;
  /** `file:line` of the scenario. */
  at: string;
  passed: boolean;
  mismatches: ScenarioMismatch[];
  /** Set when the facts were refused: the scenario fails with the refusal. */
  error?: string;
  decision?: Decision;
  /** The rules that decided, by key: for coverage. */
  rules: string[];
}

const describeOutcome = (outcome: Decision['outcomes'][number] | undefined): string => {
  if (!outcome) return 'absent';
  const parts: string[] = [outcome.status];
  if (outcome.requires?.length) parts.push(`requires [${outcome.requires.join(', ')}]`);
  if (outcome.limits)
    parts.push(
      `limits {${Object.entries(outcome.limits)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}}`,
    );
  return parts.join(', ');
};

export function compareScenario(scenario: ScenarioModel, decision: Decision): ScenarioMismatch[] {
  const mismatches: ScenarioMismatch[] = [];
  for (const [id, expected] of Object.entries(scenario.expect)) {
    const outcome = decision.outcomes.find((o) => o.id === id);
    const status = outcome?.status ?? 'absent';
    const missingRequires = (expected.requires ?? []).filter((r) => !(outcome?.requires ?? []).includes(r));
    const wrongLimits = Object.entries(expected.limits ?? {}).filter(([name, value]) => outcome?.limits?.[name] !== value);
    if (status !== expected.status || missingRequires.length > 0 || wrongLimits.length > 0) {
      const parts: string[] = [expected.status];
      if (expected.requires?.length) parts.push(`requires [${expected.requires.join(', ')}]`);
      if (expected.limits)
        parts.push(
          `limits {${Object.entries(expected.limits)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')}}`,
        );
      mismatches.push({ outcome: id, expected: parts.join(', '), decided: describeOutcome(outcome) });
    }
  }
  return mismatches;
}

export interface RunScenariosOptions {
  /** Only scenarios whose name (or point) contains this text, case-insensitive. */
  filter?: string;
}

export async function runScenarios(set: PolicySet, options: RunScenariosOptions = {}): Promise<ScenarioResult[]> {
  const needle = options.filter?.toLowerCase();
  const selected = set.model.scenarios.filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.point.includes(needle));
  const results: ScenarioResult[] = [];
  for (const scenario of selected) {
    const at = locationText({ file: scenario.at.file, line: scenario.at.line });
    try {
      const decision = await set.decide(scenario.point, scenario.facts);
      const mismatches = compareScenario(scenario, decision);
      results.push({
        name: scenario.name,
        point: scenario.point,
        at,
        passed: mismatches.length === 0,
        mismatches,
        decision,
        rules: decision.trace.steps.map((s) => s.rule),
      });
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      const detail = error.diagnostics.map((d) => d.message).join('; ') || error.message;
      results.push({ name: scenario.name, point: scenario.point, at, passed: false, mismatches: [], error: detail, rules: [] });
    }
  }
  return results;
}
