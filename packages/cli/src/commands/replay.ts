/**
 * `vot replay <records>`: impact analysis on real history. Each line (or row) is a stored
 * decision: an audit record from `toAuditRecord`, or a record of the service's decision trail,
 * from a JSON Lines file or a `postgres://` URL. Each is decided again under the given policies,
 * for the date it was made for (a record written before dates were stored: the date of its
 * timestamp), and every decision that would now come out differently is reported, outcome by
 * outcome.
 * Records are read with the strict JSON reader and a bounded line length; lines that are not
 * records are reported with file:line and left out; the rest still replay.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonlReader, parseStoredDecision, type AuditReader } from '@vot/audit';
import {
  compareOutcomes,
  PolicyError,
  type AuditOutcome,
  type AuditRecord,
  type Diagnostic,
  type Lang,
  type OutcomeChange,
  type PolicySet,
} from '@vot/engine';
import { auditOutcomes, diagnostic, locationText, recordDate, terminalLine, wordsFor, type Words } from '@vot/engine/tools';
import { CommandFailed, exitCodes, readStandardInput, reportDiagnostics, type CliIo } from '../io.js';
import { loadPoliciesFor } from '../policy-dir.js';
import { withTrail } from './audit.js';

export interface ReplayOptions {
  policies?: string;
  format: 'text' | 'json';
  lang: Lang;
  /** Exit 1 when any stored decision would change (for CI gates on a policy change). */
  failOnChange?: boolean;
}

interface ChangedDecision {
  line: number;
  at: string;
  /** The date it was decided for again: the record's own, else the date of `at`. */
  date: string;
  point: string;
  recordedPolicy: AuditRecord['policy'];
  changes: OutcomeChange[];
}

interface RefusedDecision {
  line: number;
  at: string;
  date: string;
  point: string;
  diagnostics: Diagnostic[];
}

export interface ReplayReport {
  records: string;
  policy: { name: string; version: string; hash: string };
  total: number;
  unchanged: number;
  changed: ChangedDecision[];
  refused: RefusedDecision[];
  invalidLines: number;
  /** Policy versions (and hashes) the records were decided under, with how many records each. */
  recordedUnder: Array<{ version: string; hash: string; records: number }>;
}

async function replayRecords(policies: PolicySet, reader: AuditReader): Promise<{ report: ReplayReport; diagnostics: Diagnostic[] }> {
  const display = reader.display;
  const diagnostics: Diagnostic[] = [];
  const report: ReplayReport = {
    records: display,
    policy: policies.policy,
    total: 0,
    unchanged: 0,
    changed: [],
    refused: [],
    invalidLines: 0,
    recordedUnder: [],
  };
  const recordedUnder = new Map<string, { version: string; hash: string; records: number }>();
  for await (const stored of reader.records()) {
    const number = stored.position;
    if (!stored.problem && stored.text.trim() === '') continue;
    const read = stored.problem ? { problem: stored.problem } : parseStoredDecision(stored.text);
    if ('problem' in read) {
      diagnostics.push(
        diagnostic({ code: 'record-invalid', file: display, start: { line: number, column: 1 }, args: { reason: read.problem } }),
      );
      report.invalidLines++;
      continue;
    }
    const { record } = read;
    report.total++;
    const under = `${record.policy.version} ${record.policy.hash}`;
    const seen = recordedUnder.get(under) ?? { version: record.policy.version, hash: record.policy.hash, records: 0 };
    seen.records++;
    recordedUnder.set(under, seen);
    // Each record at its own date: the law as it stood then (the incident's date in its facts wins, as when it was decided).
    const date = recordDate(record);
    let now: AuditOutcome[];
    try {
      now = auditOutcomes(await policies.decide(record.point, record.facts, { explain: false, date }));
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      report.refused.push({ line: number, at: record.at, date, point: record.point, diagnostics: [...error.diagnostics] });
      continue;
    }
    const changes = compareOutcomes(record.outcomes, now);
    if (changes.length === 0) report.unchanged++;
    else report.changed.push({ line: number, at: record.at, date, point: record.point, recordedPolicy: record.policy, changes });
  }
  report.recordedUnder = [...recordedUnder.values()];
  return { report, diagnostics };
}

const shortHash = (hash: string): string => `${hash.slice(0, 19)}…`;

function outcomeText(outcome: AuditOutcome | undefined, w: Words): string {
  if (!outcome) return `(${w.absent})`;
  const parts: string[] = [w.replay.statuses[outcome.status]];
  if (outcome.requires?.length) parts.push(`${w.labels.requires} ${outcome.requires.join(', ')}`);
  if (outcome.limits)
    parts.push(
      Object.entries(outcome.limits)
        .map(([key, value]) => `${key} ${value}`)
        .join(', '),
    );
  // A stored record's ids are the record's text: each stays on its line.
  return terminalLine(parts.join('; '));
}

export function renderReplay(report: ReplayReport, lang: Lang): string {
  const w = wordsFor(lang);
  const r = w.replay;
  // Where the records are and what they hold are text from outside: each stays on its line.
  const place = (line: number) => terminalLine(locationText({ file: report.records, line }));
  const lines = [
    `${report.total} ${r.storedDecisions} (${terminalLine(report.records)}) ${r.replayedUnder} ${report.policy.name} ${report.policy.version} (${shortHash(report.policy.hash)})`,
    `  ${r.unchanged} ${report.unchanged} · ${r.changed} ${report.changed.length} · ${r.refused} ${report.refused.length}` +
      (report.invalidLines > 0 ? ` · ${r.invalidLines} ${report.invalidLines}` : ''),
  ];
  for (const under of report.recordedUnder)
    lines.push(`  ${r.recordedUnder} ${terminalLine(under.version)} (${terminalLine(shortHash(under.hash))}): ${under.records}`);
  for (const changed of report.changed) {
    lines.push(
      '',
      `${place(changed.line)}  ${terminalLine(`${changed.at}  ${changed.point}  ${w.time.decidedFor} ${changed.date}  (${changed.recordedPolicy.version} ${shortHash(changed.recordedPolicy.hash)})`)}`,
    );
    for (const change of changed.changes)
      lines.push(`  ${terminalLine(change.outcome)}: ${outcomeText(change.before, w)} → ${outcomeText(change.after, w)}`);
  }
  for (const refused of report.refused) {
    lines.push(
      '',
      `${place(refused.line)}  ${terminalLine(`${refused.at}  ${refused.point}  ${w.time.decidedFor} ${refused.date}`)}: ${r.refusedNow}`,
    );
    for (const d of refused.diagnostics) lines.push(`  ${d.code}: ${terminalLine(d.message)}`);
  }
  return lines.join('\n');
}

/** Runs `work` over the records read from standard input (`-`), kept in a temporary file meanwhile. */
async function withStandardInput<T>(io: CliIo, work: (trail: { reader: AuditReader }) => Promise<T>): Promise<T> {
  const text = await readStandardInput(io);
  const dir = await mkdtemp(join(tmpdir(), 'vot-replay-'));
  try {
    const path = join(dir, 'stdin.jsonl');
    await writeFile(path, text);
    const reader = jsonlReader(path, '-');
    try {
      return await work({ reader });
    } finally {
      await reader.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runReplay(io: CliIo, source: string, options: ReplayOptions): Promise<void> {
  const replay = async ({ reader }: { reader: AuditReader }) => replayRecords(await loadPoliciesFor(io, options.policies), reader);
  const { report, diagnostics } = source === '-' ? await withStandardInput(io, replay) : await withTrail(io, source, replay);
  // Under --format json the lines that are not records are part of the one JSON answer.
  if (options.format === 'json') io.out(JSON.stringify({ ...report, diagnostics }, null, 2));
  else {
    reportDiagnostics(io, diagnostics);
    io.out(renderReplay(report, options.lang));
  }
  if (diagnostics.length > 0 || (options.failOnChange && (report.changed.length > 0 || report.refused.length > 0)))
    throw new CommandFailed(exitCodes.badInput);
}
