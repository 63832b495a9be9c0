import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Decision, Lang, PolicySet, Text } from '@vot/engine';
import { capitalize, textIn, windowText, wordsFor } from '@vot/engine/browser';
import { parseStrictJson, PolicyError, statuses } from '@vot/engine/runtime';
import { diagnostic, didYouMean, fileErrorReason, terminalLine, terminalProse } from '@vot/engine/terminal';
import { CommandFailed, exitCodes, readStandardInput, refuse, reportDiagnostics, type CliIo } from '../io.js';
import { loadPoliciesFor } from '../policy-dir.js';
import { alternativeLines } from './explain.js';

export interface EvalOptions {
  point?: string;
  /** Show only this outcome of each decision. */
  outcome?: string;
  /** The date to decide for when the facts give none (`decide(…, { date })`). */
  date?: string;
  lang: Lang;
  format: 'text' | 'json';
  policies?: string;
  /** Also say, under each outcome, the smallest changes of the facts that would change it. */
  explain?: boolean;
}

interface IncidentFile {
  title?: Text;
  description?: Text;
  facts: Record<string, unknown>;
}

/** Largest incident file read, in bytes. */
const maxIncidentBytes = 1024 * 1024;

/** Reads an incident: `{ title?, description?, facts }`, or a bare fact record. */
async function readIncident(io: CliIo, file: string): Promise<IncidentFile> {
  const path = resolve(io.cwd, file);
  let text: string;
  if (file === '-') {
    text = await readStandardInput(io);
    const size = Buffer.byteLength(text);
    if (size > maxIncidentBytes) refuse(io, { code: 'file-too-large', file, args: { size, limit: maxIncidentBytes } });
  } else
    try {
      // Sized before it is read: an incident is a few hundred bytes, a wrong path may be anything.
      const size = (await stat(path)).size;
      if (size > maxIncidentBytes) {
        reportDiagnostics(io, [diagnostic({ code: 'file-too-large', file, args: { size, limit: maxIncidentBytes } })]);
        throw new CommandFailed(exitCodes.badInput);
      }
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof CommandFailed) throw error;
      reportDiagnostics(io, [diagnostic({ code: 'file-unreadable', file, args: { file, reason: fileErrorReason(error) } })]);
      throw new CommandFailed(exitCodes.badInput);
    }
  // Strictly: a duplicate key or a number JSON.parse would round is refused, not decided on.
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    const { message, line, column, path: at } = parsed.error;
    refuse(io, {
      code: 'invalid-json',
      args: { file, detail: at === '$' ? message : `${message} (at \`${at}\`)` },
      file,
      start: { line, column },
      ...(at === '$' ? {} : { path: at }),
    });
  }
  const data: unknown = parsed.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    refuse(io, { code: 'invalid-incident', args: { file, problem: 'not-an-object' } });
  }
  const record = data as Record<string, unknown>;
  if ('facts' in record) {
    const extra = Object.keys(record).filter((key) => !['title', 'description', 'facts'].includes(key));
    if (extra.length > 0) {
      refuse(io, {
        code: 'invalid-incident',
        // JSON-escaped: a key is the incident's text, and may hold control characters.
        args: { file, problem: 'unknown-key', key: JSON.stringify(extra[0]).slice(1, -1) },
        expected: '`title`, `description` and `facts`',
      });
    }
    const facts = record.facts;
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
      // Refused here, not in decide(): the point selection below reads the facts' keys.
      refuse(io, {
        code: 'invalid-incident',
        args: { file, problem: 'facts-not-an-object' },
        received: Array.isArray(facts) ? 'a list' : JSON.stringify(facts),
      });
    }
    return record as unknown as IncidentFile;
  }
  return { facts: record };
}

/** An outcome's limits by their vocabulary titles: "Longest duration (weeks): 12". */
function limitsText(policies: PolicySet, limits: Record<string, number>, lang: Lang): string {
  const titles = new Map(policies.model.limits.map((limit) => [limit.id, limit.title]));
  return Object.entries(limits)
    .map(([name, value]) => `${textIn(titles.get(name), lang) || name}: ${value}`)
    .join('; ');
}

/**
 * A decision for a person: a summary first (what is required, recommended, permitted and not
 * permitted, by title), then each outcome with its reason, its requirements and limits by
 * title, its sources with their links, and the rule that decided; one line says what "not
 * verified" means when a source is marked so.
 */
export function renderDecision(policies: PolicySet, decision: Decision, lang: Lang): string {
  const model = policies.model;
  const w = wordsFor(lang);
  const point = model.points.find((p) => p.id === decision.point)!;
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  // Policy texts on their own line each: a reason cannot add a line of its own (the terminal
  // output module shows any control character).
  const prose = (text: Parameters<typeof textIn>[0]) => terminalProse(textIn(text, lang));
  const titleOf = (id: string) => prose(outcomeTitles.get(id)) || id;
  const lines = [`${capitalize(w.labels.decisionPoint)}: ${decision.point} — ${prose(point.title)}`];
  lines.push(
    `${capitalize(w.labels.policy)}: ${terminalLine(`${decision.policy.name} ${decision.policy.version}`)} (${decision.policy.hash.slice(0, 19)}…)`,
  );
  lines.push(`${capitalize(w.time.decidedFor)}: ${decision.date}`);
  if (decision.outcomes.length === 0) lines.push('', `  ${w.noRuleApplies}`);
  else {
    // The voices first, strongest first, so a recommendation is never read as a duty.
    lines.push('', `${w.eval.summary}:`);
    for (const status of statuses) {
      const titles = decision.outcomes
        .filter((outcome) => outcome.status === status)
        .map((outcome) => `${titleOf(outcome.id)}${outcome.limits ? ` (${limitsText(policies, outcome.limits, lang)})` : ''}`);
      lines.push(`  ${capitalize(w.statuses[status])}: ${titles.length ? titles.join('; ') : w.eval.none}`);
    }
  }
  decision.outcomes.forEach((outcome, index) => {
    const step = decision.trace.steps.find((s) => s.outcome === outcome.id);
    lines.push('');
    lines.push(`  ${index + 1}. ${outcome.id}: ${w.statuses[outcome.status].toUpperCase()} — ${titleOf(outcome.id)}`);
    lines.push(`     ${capitalize(w.labels.why)}: ${prose(outcome.reason)}`);
    if (outcome.requires?.length) lines.push(`     ${capitalize(w.labels.requires)}: ${outcome.requires.map(titleOf).join('; ')}`);
    if (outcome.limits) lines.push(`     ${capitalize(w.labels.limits)}: ${limitsText(policies, outcome.limits, lang)}`);
    for (const source of outcome.basis) {
      const flags = source.verified ? '' : ` [${w.labels.notVerified}]`;
      const window = source.inForce ? ` (${windowText(source.inForce, lang)})` : '';
      lines.push(
        `     ${capitalize(w.labels.basis)}: ${terminalProse(source.citation)}${source.url ? ` <${terminalLine(source.url)}>` : ''}${flags}${window}`,
      );
    }
    if (step) lines.push(`     ${capitalize(w.labels.rule)}: ${step.rule} (${terminalLine(step.at)})`);
    lines.push(...alternativeLines(policies, outcome, lang, '     '));
  });
  const notInForce = decision.trace.omitted.filter((o) => o.because === 'not-in-force').map((o) => o.outcome);
  if (notInForce.length > 0) lines.push('', `  ${capitalize(w.time.notInForce)} (${decision.date}): ${notInForce.join(', ')}`);
  if (decision.outcomes.some((outcome) => outcome.basis.some((source) => !source.verified))) lines.push('', w.book.notVerifiedMeans);
  return lines.join('\n');
}

/** The decision with only the outcome asked for; a line saying why when the decision leaves it out. */
function onlyOutcome(decision: Decision, outcome: string, lang: Lang): { decision: Decision; leftOut?: string } {
  const kept = { ...decision, outcomes: decision.outcomes.filter((o) => o.id === outcome) };
  if (kept.outcomes.length > 0) return { decision: kept };
  const w = wordsFor(lang).eval;
  const omitted = decision.trace.omitted.find((o) => o.outcome === outcome);
  return { decision: kept, leftOut: `${outcome}: ${w.leftOut}${omitted ? ` (${w.leftOutBecause[omitted.because]})` : ''}` };
}

/** `vot eval <facts.json>`: the decision at one point, or at every point the facts suffice for. */
export async function runEval(io: CliIo, file: string, options: EvalOptions): Promise<void> {
  const incident = await readIncident(io, file);
  const policies = await loadPoliciesFor(io, options.policies);
  const outcomeIds = policies.model.outcomes.map((o) => o.id);
  if (options.outcome !== undefined && !outcomeIds.includes(options.outcome)) {
    refuse(io, {
      code: 'unknown-outcome',
      args: { id: options.outcome, where: 'the option `--outcome`' },
      help: didYouMean(options.outcome, outcomeIds) ?? 'name an outcome id of the vocabulary (docs/vocabulary.md)',
    });
  }
  const points = options.point ? [options.point] : policies.points;
  const decisions: Decision[] = [];
  const skipped: Array<{ point: string; missing: string[] }> = [];
  const notCovered: string[] = [];
  for (const point of points) {
    const model = policies.model.points.find((p) => p.id === point);
    const missing = model ? model.requiredFacts.filter((fact) => !(fact in incident.facts)) : [];
    if (!options.point && missing.length > 0) {
      skipped.push({ point, missing });
      continue;
    }
    try {
      decisions.push(
        await policies.decide(point, incident.facts, {
          ...(options.date === undefined ? {} : { date: options.date }),
          ...(options.explain ? { explain: true } : {}),
        }),
      );
    } catch (error) {
      // Without --point, a point that does not cover the date is skipped and said so, like one the facts do not suffice for.
      const outside = error instanceof PolicyError && /^date-(before|after)-point$/.test(error.diagnostics[0]?.code ?? '');
      if (outside && !options.point) {
        notCovered.push(error.diagnostics[0]!.message);
        continue;
      }
      if (error instanceof PolicyError) {
        reportDiagnostics(
          io,
          error.diagnostics.map((d) => ({ ...d, file: d.file ?? file })),
        );
        throw new CommandFailed(exitCodes.badInput);
      }
      throw error;
    }
  }
  const asked = options.outcome;
  const shown: Array<{ decision: Decision; leftOut?: string }> =
    asked === undefined ? decisions.map((decision) => ({ decision })) : decisions.map((d) => onlyOutcome(d, asked, options.lang));
  if (options.format === 'json') {
    const json = shown.map((s) => s.decision);
    io.out(JSON.stringify(options.point ? json[0] : { decisions: json, skipped, notCovered }, null, 2));
    return;
  }
  const blocks: string[] = [];
  if (incident.title)
    blocks.push(
      `# ${terminalProse(textIn(incident.title, options.lang))}${incident.description ? `\n${terminalProse(textIn(incident.description, options.lang))}` : ''}`,
    );
  for (const { decision, leftOut } of shown)
    blocks.push(`${renderDecision(policies, decision, options.lang)}${leftOut ? `\n\n  ${leftOut}` : ''}`);
  for (const skip of skipped)
    blocks.push(`${skip.point}: ${wordsFor(options.lang).eval.skipped} ${skip.missing.map((m) => `\`${m}\``).join(', ')}`);
  for (const message of notCovered) blocks.push(message);
  if (decisions.length === 0 && !options.point) {
    io.out(blocks.join('\n\n'));
    refuse(io, { code: 'no-decision' });
  }
  io.out(blocks.join('\n\n'));
}
