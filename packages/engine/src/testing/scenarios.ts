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
import type { ExpectedStatus } from '../status.js';
import { wordsFor, type ScenarioReportWords } from '../words/index.js';

/** An expected outcome that was decided otherwise, both sides in the English report words. */
export interface ScenarioMismatch {
  outcome: string;
  expected: string;
  decided: string;
}

/** What a scenario expects of an outcome, or what was decided for it. */
export interface ReportedOutcome {
  status: ExpectedStatus;
  requires?: readonly string[];
  limits?: Readonly<Record<string, number>>;
}

export interface ScenarioResult {
  name: string;
  point: string;
  /** `file:line` of the scenario. */
  at: string;
  passed: boolean;
  mismatches: ScenarioMismatch[];
  /** The scenario's expectations, by outcome id: a report in another language says them from here. */
  expect: ScenarioModel['expect'];
  /** Set when the facts were refused: the scenario fails with the refusal. */
  error?: string;
  decision?: Decision;
  /** The rules that decided, by key: for coverage. */
  rules: string[];
}

/** "permitted, requires [a, b], limits {maxWeeks: 12}", in a report's words. */
export function outcomeStateText(state: ReportedOutcome, words: ScenarioReportWords): string {
  const parts: string[] = [words.statuses[state.status]];
  if (state.requires?.length) parts.push(`${words.requires} [${state.requires.join(', ')}]`);
  if (state.limits)
    parts.push(
      `${words.limits} {${Object.entries(state.limits)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}}`,
    );
  return parts.join(', ');
}

/** The state of an outcome in a decision, `absent` when the decision leaves it out. */
export function decidedState(decision: Decision | undefined, outcome: string): ReportedOutcome {
  return decision?.outcomes.find((o) => o.id === outcome) ?? { status: 'absent' };
}

/** Mismatches are data for machines (`vot test --format json`): they keep the English words. */
const mismatchWords = wordsFor('en').scenarios;

export function compareScenario(scenario: ScenarioModel, decision: Decision): ScenarioMismatch[] {
  const mismatches: ScenarioMismatch[] = [];
  for (const [id, expected] of Object.entries(scenario.expect)) {
    const outcome = decision.outcomes.find((o) => o.id === id);
    const status = outcome?.status ?? 'absent';
    const missingRequires = (expected.requires ?? []).filter((r) => !(outcome?.requires ?? []).includes(r));
    const wrongLimits = Object.entries(expected.limits ?? {}).filter(([name, value]) => outcome?.limits?.[name] !== value);
    if (status !== expected.status || missingRequires.length > 0 || wrongLimits.length > 0)
      mismatches.push({
        outcome: id,
        expected: outcomeStateText(expected, mismatchWords),
        decided: outcomeStateText(decidedState(decision, id), mismatchWords),
      });
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
        expect: scenario.expect,
        decision,
        rules: decision.trace.steps.map((s) => s.rule),
      });
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      const detail = error.diagnostics.map((d) => d.message).join('; ') || error.message;
      results.push({
        name: scenario.name,
        point: scenario.point,
        at,
        passed: false,
        mismatches: [],
        expect: scenario.expect,
        error: detail,
        rules: [],
      });
    }
  }
  return results;
}
