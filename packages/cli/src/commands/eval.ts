import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  fileErrorReason,
  diagnostic,
  parseStrictJson,
  PolicyError,
  renderDiagnostics,
  type Decision,
  type Lang,
  type PolicySet,
  type Text,
} from '@vot/engine';
import { CommandFailed, exitCodes, type CliIo } from '../io.js';
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
    io.err(renderDiagnostics([diagnostic({ code: 'file-unreadable', file, args: { file, reason: fileErrorReason(error) } })]));
    throw new CommandFailed(exitCodes.badInput);
  }
  // Strictly: a duplicate key or a number JSON.parse would round is refused, not decided on.
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    const { message, line, column, path: at } = parsed.error;
    io.err(
      `error[invalid-json]: \`${file}\` is not accepted as JSON: ${message}\n  --> ${file}:${line}:${column}${at === '$' ? '' : `\n  = path: ${at}`}\n  = help: an incident file is a JSON object: { "facts": { ... } }`,
    );
    throw new CommandFailed(exitCodes.badInput);
  }
  const data: unknown = parsed.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    io.err(`error[invalid-incident]: \`${file}\` must hold a JSON object: { "facts": { ... } }`);
    throw new CommandFailed(exitCodes.badInput);
  }
  const record = data as Record<string, unknown>;
  if ('facts' in record) {
    const extra = Object.keys(record).filter((key) => !['title', 'description', 'facts'].includes(key));
    if (extra.length > 0) {
      io.err(`error[invalid-incident]: unknown key \`${extra[0]}\` in \`${file}\`\n  = expected: \`title\`, \`description\` and \`facts\``);
      throw new CommandFailed(exitCodes.badInput);
    }
    const facts = record.facts;
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
      // Refused here, not in decide(): the point selection below reads the facts' keys.
      io.err(
        `error[invalid-incident]: \`facts\` in \`${file}\` must be a JSON object of fact names and values\n  = received: ${Array.isArray(facts) ? 'a list' : JSON.stringify(facts)}`,
      );
      throw new CommandFailed(exitCodes.badInput);
    }
    return record as unknown as IncidentFile;
  }
  return { facts: record };
}

const pick = (text: Text | undefined, lang: Lang): string => text?.[lang] ?? text?.en ?? text?.nb ?? '';

const statusText: Record<string, Record<Lang, string>> = {
  required: { nb: 'påkrevd', en: 'required', da: 'påkrævet' },
  permitted: { nb: 'tillatt', en: 'permitted', da: 'tilladt' },
  'not-permitted': { nb: 'ikke tillatt', en: 'not permitted', da: 'ikke tilladt' },
};

const labels: Record<string, Record<Lang, string>> = {
  decision: { nb: 'Beslutningspunkt', en: 'Decision point', da: 'Beslutningspunkt' },
  policy: { nb: 'Regelverk', en: 'Policy', da: 'Regelsæt' },
  why: { nb: 'Hvorfor', en: 'Why', da: 'Hvorfor' },
  basis: { nb: 'Grunnlag', en: 'Basis', da: 'Grundlag' },
  requires: { nb: 'Krever', en: 'Requires', da: 'Kræver' },
  limits: { nb: 'Grenser', en: 'Limits', da: 'Grænser' },
  unverified: { nb: 'ikke verifisert', en: 'not verified', da: 'ikke verificeret' },
  rule: { nb: 'Regel', en: 'Rule', da: 'Regel' },
  none: {
    nb: 'Ingen regel i dette punktet gjelder for disse faktaene.',
    en: 'No rule of this point applies to these facts.',
    da: 'Ingen regel i dette punkt gælder for disse fakta.',
  },
  skipped: { nb: 'Hoppet over: mangler', en: 'Skipped: missing', da: 'Sprunget over: mangler' },
};

export function renderDecision(policies: PolicySet, decision: Decision, lang: Lang): string {
  const model = policies.model;
  const point = model.points.find((p) => p.id === decision.point)!;
  const outcomeTitles = new Map(model.outcomes.map((o) => [o.id, o.title]));
  const lines = [`${labels.decision![lang]}: ${decision.point} — ${pick(point.title, lang)}`];
  lines.push(`${labels.policy![lang]}: ${decision.policy.name} ${decision.policy.version} (${decision.policy.hash.slice(0, 19)}…)`);
  if (decision.outcomes.length === 0) lines.push('', `  ${labels.none![lang]}`);
  decision.outcomes.forEach((outcome, index) => {
    const step = decision.trace.steps.find((s) => s.outcome === outcome.id);
    lines.push('');
    lines.push(
      `  ${index + 1}. ${outcome.id}: ${statusText[outcome.status]![lang].toUpperCase()} — ${pick(outcomeTitles.get(outcome.id), lang)}`,
    );
    lines.push(`     ${labels.why![lang]}: ${pick(outcome.reason, lang)}`);
    if (outcome.requires?.length) lines.push(`     ${labels.requires![lang]}: ${outcome.requires.join(', ')}`);
    if (outcome.limits)
      lines.push(
        `     ${labels.limits![lang]}: ${Object.entries(outcome.limits)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`,
      );
    for (const source of outcome.basis) {
      const flags = source.verified ? '' : ` [${labels.unverified![lang]}]`;
      lines.push(`     ${labels.basis![lang]}: ${source.citation}${source.url ? ` <${source.url}>` : ''}${flags}`);
    }
    if (step) lines.push(`     ${labels.rule![lang]}: ${step.rule} (${step.at})`);
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
    blocks.push(`# ${pick(incident.title, options.lang)}${incident.description ? `\n${pick(incident.description, options.lang)}` : ''}`);
  for (const decision of decisions) blocks.push(renderDecision(policies, decision, options.lang));
  for (const skip of skipped)
    blocks.push(`${skip.point}: ${labels.skipped![options.lang]} ${skip.missing.map((m) => `\`${m}\``).join(', ')}`);
  if (decisions.length === 0 && !options.point) {
    io.err(
      'error[no-decision]: the facts are not enough for any decision point\n  = help: add the missing facts listed above, or name a point with --point',
    );
    io.out(blocks.join('\n\n'));
    throw new CommandFailed(exitCodes.badInput);
  }
  io.out(blocks.join('\n\n'));
}
