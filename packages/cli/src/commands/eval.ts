import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
// Light entries only: with the bundled policies or a cached model, `vot eval` loads no yaml or zod.
import { capitalize, textIn, wordsFor } from '@vot/engine/browser';
import {
  diagnostic,
  parseStrictJson,
  PolicyError,
  renderDiagnostics,
  type Decision,
  type Lang,
  type PolicySet,
  type Text,
} from '@vot/engine/runtime';
import { CommandFailed, exitCodes, refuse, type CliIo } from '../io.js';
import { loadPoliciesFor } from '../policy-dir.js';

export interface EvalOptions {
  point?: string;
  lang: Lang;
  format: 'text' | 'json';
  policies?: string;
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
  try {
    // Sized before it is read: an incident is a few hundred bytes, a wrong path may be anything.
    const size = (await stat(path)).size;
    if (size > maxIncidentBytes) {
      io.err(renderDiagnostics([diagnostic({ code: 'file-too-large', file, args: { size, limit: maxIncidentBytes } })]));
      throw new CommandFailed(exitCodes.badInput);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CommandFailed) throw error;
    const { fileErrorReason } = await import('@vot/engine/tools');
    io.err(renderDiagnostics([diagnostic({ code: 'file-unreadable', file, args: { file, reason: fileErrorReason(error) } })]));
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

export function renderDecision(policies: PolicySet, decision: Decision, lang: Lang): string {
  const model = policies.model;
  const w = wordsFor(lang);
  const point = model.points.find((p) => p.id === decision.point)!;
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const lines = [`${capitalize(w.labels.decisionPoint)}: ${decision.point} — ${textIn(point.title, lang)}`];
  lines.push(`${capitalize(w.labels.policy)}: ${decision.policy.name} ${decision.policy.version} (${decision.policy.hash.slice(0, 19)}…)`);
  if (decision.outcomes.length === 0) lines.push('', `  ${w.noRuleApplies}`);
  decision.outcomes.forEach((outcome, index) => {
    const step = decision.trace.steps.find((s) => s.outcome === outcome.id);
    lines.push('');
    lines.push(
      `  ${index + 1}. ${outcome.id}: ${w.statuses[outcome.status].toUpperCase()} — ${textIn(outcomeTitles.get(outcome.id), lang)}`,
    );
    lines.push(`     ${capitalize(w.labels.why)}: ${textIn(outcome.reason, lang)}`);
    if (outcome.requires?.length) lines.push(`     ${capitalize(w.labels.requires)}: ${outcome.requires.join(', ')}`);
    if (outcome.limits)
      lines.push(
        `     ${capitalize(w.labels.limits)}: ${Object.entries(outcome.limits)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`,
      );
    for (const source of outcome.basis) {
      const flags = source.verified ? '' : ` [${w.labels.notVerified}]`;
      lines.push(`     ${capitalize(w.labels.basis)}: ${source.citation}${source.url ? ` <${source.url}>` : ''}${flags}`);
    }
    if (step) lines.push(`     ${capitalize(w.labels.rule)}: ${step.rule} (${step.at})`);
  });
  return lines.join('\n');
}

/** `vot eval <facts.json>`: the decision at one point, or at every point the facts suffice for. */
export async function runEval(io: CliIo, file: string, options: EvalOptions): Promise<void> {
  const incident = await readIncident(io, file);
  const policies = await loadPoliciesFor(io, options.policies);
  const points = options.point ? [options.point] : policies.points;
  const decisions: Decision[] = [];
  const skipped: Array<{ point: string; missing: string[] }> = [];
  for (const point of points) {
    const model = policies.model.points.find((p) => p.id === point);
    const missing = model ? model.requiredFacts.filter((fact) => !(fact in incident.facts)) : [];
    if (!options.point && missing.length > 0) {
      skipped.push({ point, missing });
      continue;
    }
    try {
      decisions.push(await policies.decide(point, incident.facts));
    } catch (error) {
      if (error instanceof PolicyError) {
        io.err(`${renderDiagnostics(error.diagnostics.map((d) => ({ ...d, file: d.file ?? file })))}`);
        throw new CommandFailed(exitCodes.badInput);
      }
      throw error;
    }
  }
  if (options.format === 'json') {
    io.out(JSON.stringify(options.point ? decisions[0] : { decisions, skipped }, null, 2));
    return;
  }
  const blocks: string[] = [];
  if (incident.title)
    blocks.push(
      `# ${textIn(incident.title, options.lang)}${incident.description ? `\n${textIn(incident.description, options.lang)}` : ''}`,
    );
  for (const decision of decisions) blocks.push(renderDecision(policies, decision, options.lang));
  for (const skip of skipped)
    blocks.push(`${skip.point}: ${wordsFor(options.lang).eval.skipped} ${skip.missing.map((m) => `\`${m}\``).join(', ')}`);
  if (decisions.length === 0 && !options.point) {
    io.out(blocks.join('\n\n'));
    refuse(io, { code: 'no-decision' });
  }
  io.out(blocks.join('\n\n'));
}
