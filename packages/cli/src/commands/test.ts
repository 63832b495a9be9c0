import { resolve } from 'node:path';
import { hasErrors, PolicySet, textIn, type Lang } from '@vot/engine';
import {
  decidedState,
  outcomeStateText,
  runScenarios,
  terminalLine,
  terminalProse,
  wordsFor,
  type ScenarioResult,
} from '@vot/engine/tools';
import { CommandFailed, exitCodes, refuse, reportDiagnostics, type CliIo } from '../io.js';
import { placeOf, renderAnnotations, type AnnotationFormat } from '../output/annotations.js';
import { cliVersion } from '../version.js';
import { checkFolder, isInside, policyScope } from '../policy-dir.js';

export interface TestOptions {
  filter?: string;
  format: 'text' | 'json' | AnnotationFormat;
  /** Language of the decided reason shown under a failure. */
  lang: Lang;
}

/** The scenario file of a result, as an absolute path (results carry display paths). */
const absoluteFile = (at: string): string => resolve(process.cwd(), at.slice(0, at.lastIndexOf(':')));

/** The failure block a reviewer reads: where, what was expected, what was decided and by which rule. */
export function renderFailure(result: ScenarioResult, lang: Lang): string {
  const w = wordsFor(lang).scenarios;
  // The values line up after the longest label: "expected: ", "decided:  ".
  const width = Math.max(w.expected.length, w.decided.length, w.byRule.length, w.reason.length) + 2;
  const label = (word: string) => `${word}:`.padEnd(width);
  // The scenario's name, place and reason each stay on their line.
  const lines = [`${terminalLine(result.at)}: ${terminalProse(result.name)}`];
  if (result.error) lines.push(`  ${w.refused}: ${terminalLine(result.error)}`);
  for (const mismatch of result.mismatches) {
    const expected = result.expect[mismatch.outcome];
    lines.push(
      `  ${mismatch.outcome}:`,
      `    ${label(w.expected)}${expected ? outcomeStateText(expected, w) : mismatch.expected}`,
      `    ${label(w.decided)}${outcomeStateText(decidedState(result.decision, mismatch.outcome), w)}`,
    );
    const step = result.decision?.trace.steps.find((s) => s.outcome === mismatch.outcome);
    if (step) lines.push(`    ${label(w.byRule)}${step.rule} (${terminalLine(step.at)})`);
    const reason = terminalProse(textIn(result.decision?.outcomes.find((o) => o.id === mismatch.outcome)?.reason, lang));
    if (reason) lines.push(`    ${label(w.reason)}${reason}`);
  }
  return lines.join('\n');
}

/** `vot test [dir]`: run the reviewer scenarios beside the policies; exit 1 on any failure. */
export async function runTest(io: CliIo, dir: string | undefined, options: TestOptions): Promise<void> {
  const { root, only } = policyScope(io.cwd, dir);
  const checked = await checkFolder(io, root);
  if (!checked.model || hasErrors(checked.diagnostics)) {
    reportDiagnostics(io, checked.diagnostics, checked.texts);
    refuse(io, { code: 'policies-not-checked', args: { command: 'test' } });
  }
  const all = await runScenarios(new PolicySet(checked.model), { filter: options.filter });
  const results = only ? all.filter((r) => isInside(absoluteFile(r.at), only)) : all;
  const failures = results.filter((r) => !r.passed);
  // No scenario to run is an error on its own, not a `PASS: 0/0` first.
  if (results.length === 0) refuse(io, { code: 'no-scenarios', args: { filter: options.filter, folder: only ? dir : undefined } });
  if (options.format === 'sarif' || options.format === 'github') {
    const annotations = failures.map((failure) => {
      const block = renderFailure(failure, options.lang).split('\n');
      return {
        rule: 'scenario-failed',
        severity: 'error' as const,
        message: block[0]!.slice(failure.at.length + 2),
        ...placeOf(failure.at),
        help: block.slice(1).join('\n'),
      };
    });
    io.out(renderAnnotations(options.format, annotations, io.cwd, cliVersion));
  } else if (options.format === 'json') {
    const entries = results.map(({ name, point, at, passed, mismatches, error, rules }) => ({
      name,
      point,
      at,
      passed,
      mismatches,
      ...(error ? { error } : {}),
      rules,
    }));
    io.out(
      JSON.stringify(
        {
          ok: failures.length === 0 && results.length > 0,
          total: results.length,
          passed: results.length - failures.length,
          failed: failures.length,
          results: entries,
        },
        null,
        2,
      ),
    );
  } else {
    if (failures.length > 0) io.out(`${failures.map((f) => renderFailure(f, options.lang)).join('\n\n')}\n\n`);
    io.out(
      `PASS: ${results.length - failures.length}/${results.length}${failures.length > 0 ? `\nFAIL: ${failures.length}/${results.length}` : ''}`,
    );
  }
  if (failures.length > 0) throw new CommandFailed(exitCodes.badInput);
}
