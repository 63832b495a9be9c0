import { hasErrors, textIn, type Lang } from '@vot/engine';
import { renderGateReport, scenarioCoverage, terminalLine, type GateReport } from '@vot/engine/tools';
import { fromDiagnostic, placeOf, renderAnnotations, type Annotation, type AnnotationFormat } from '../output/annotations.js';
import { cliVersion } from '../version.js';
import { CommandFailed, exitCodes, type CliIo, reportDiagnostics } from '../io.js';
import { checkFolder, gateFor, policyDirFor } from '../policy-dir.js';

export interface CheckOptions {
  format: 'text' | 'json' | AnnotationFormat;
  /** Language of the regulation gate's report. */
  lang?: Lang;
  /** Run the regulation gate over the duty catalogues (default true). */
  gate?: boolean;
  /** Print the traceability matrix (duty → outcomes) after the gate's summary. */
  matrix?: boolean;
  /** Folder limits instead of the declared ones (`--max-files`, `--max-megabytes`). */
  maxFiles?: number;
  maxMegabytes?: number;
}

/** Each broken duty as an annotation on the duty, with its failing obligation's place. */
function brokenDuties(gate: GateReport, lang: Lang): Annotation[] {
  return gate.duties
    .filter((duty) => !duty.ok)
    .map((duty) => ({
      rule: 'broken-duty',
      severity: 'error',
      message: `${duty.id} (${duty.catalogue}): ${textIn(duty.title, lang)}`,
      ...placeOf(duty.at),
      help: `the obligation at ${duty.obligations.find((o) => !o.ok)?.at ?? duty.at} fails; \`vot check\` prints the smallest counterexample`,
    }));
}

/**
 * `vot check [dir]`: load and check a policy folder, then run the regulation gate: every duty of
 * `duties/` over every fact combination. Exit 1 with diagnostics on any error, or with the
 * counterexample of every broken duty.
 */
export async function runCheck(io: CliIo, dir: string | undefined, options: CheckOptions): Promise<void> {
  const folder = policyDirFor(io.cwd, dir);
  const checked = await checkFolder(io, folder, {
    maxFiles: options.maxFiles,
    maxTotalBytes: options.maxMegabytes === undefined ? undefined : options.maxMegabytes * 1024 * 1024,
  });
  const failed = hasErrors(checked.diagnostics);
  const gate = checked.model && !failed && options.gate !== false ? await gateFor(io, checked.model) : undefined;
  const coverage = gate && checked.model ? scenarioCoverage(checked.model) : undefined;
  if (options.format === 'sarif' || options.format === 'github') {
    const annotations = [...checked.diagnostics.map(fromDiagnostic), ...(gate ? brokenDuties(gate, options.lang ?? 'nb') : [])];
    io.out(renderAnnotations(options.format, annotations, io.cwd, cliVersion));
  } else if (options.format === 'json') {
    io.out(
      JSON.stringify(
        {
          ok: !failed && (gate?.ok ?? true),
          diagnostics: checked.diagnostics,
          model: checked.model ? { name: checked.model.name, version: checked.model.version, hash: checked.model.hash } : null,
          ...(gate ? { gate, scenarioCoverage: coverage } : {}),
        },
        null,
        2,
      ),
    );
  } else if (checked.diagnostics.length > 0) {
    reportDiagnostics(io, checked.diagnostics, checked.texts);
  }
  if (failed) throw new CommandFailed(exitCodes.badInput);
  if (options.format === 'text' && checked.model) {
    const model = checked.model;
    const rules = model.points.reduce((n, p) => n + p.outcomes.reduce((m, o) => m + o.rules.length + (o.otherwise ? 1 : 0), 0), 0);
    // `ok` only when the gate holds too: a broken duty fails the check like an error does.
    io.out(
      `${gate && !gate.ok ? 'checked' : 'ok'}: ${terminalLine(`${model.name} ${model.version}`)} (${model.hash.slice(0, 19)}…): ${model.points.length} decision points, ${rules} rules, ${model.facts.length} facts, ${model.sources.length} sources, ${model.settings.length} settings, ${model.scenarios.length} scenarios`,
    );
    if (gate) io.out(renderGateReport(gate, { lang: options.lang ?? 'en', coverage, matrix: options.matrix, model }));
  }
  if (gate && !gate.ok) {
    const broken = gate.duties.filter((d) => !d.ok).length;
    if (options.format === 'text') io.err(`error: ${broken} of ${gate.duties.length} legal duties broken (see above)`);
    throw new CommandFailed(exitCodes.badInput);
  }
}
