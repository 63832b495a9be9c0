/**
 * `vot audit verify <store>` checks a decision trail's hash chain and names the first broken
 * record; `vot audit export <store>` prints the trail as JSON Lines (from PostgreSQL too), in
 * chain order. A store is a JSON Lines file or a `postgres://` URL.
 */
import { stat } from 'node:fs/promises';
import {
  AuditStoreError,
  AuditTargetError,
  openAuditReader,
  parseAuditTarget,
  verifyChain,
  type AuditReader,
  type AuditTarget,
  type ChainVerification,
} from '@vot/audit';
import { diagnostic, fileErrorReason, terminalLine } from '@vot/engine/tools';
import { CommandFailed, exitCodes, reportDiagnostics, UsageError, type CliIo } from '../io.js';

/** The store named on the command line, opened for reading; a missing file or a bad URL is bad input. */
export async function openTrail(io: CliIo, spec: string): Promise<{ target: AuditTarget; reader: AuditReader }> {
  let target: AuditTarget;
  try {
    target = parseAuditTarget(spec, { cwd: io.cwd, bare: true });
  } catch (error) {
    if (error instanceof AuditTargetError) throw new UsageError(error.message);
    throw error;
  }
  if (target.kind === 'jsonl') {
    const info = await stat(target.path).catch((error: unknown) => error as Error);
    if (info instanceof Error || !info.isFile()) {
      const reason = info instanceof Error ? fileErrorReason(info) : 'not a file';
      reportDiagnostics(io, [diagnostic({ code: 'file-unreadable', file: target.display, args: { file: target.display, reason } })]);
      throw new CommandFailed(exitCodes.badInput);
    }
  }
  return { target, reader: await openAuditReader(target) };
}

/** Runs `work` over an open trail; a store that cannot be read is reported as bad input, and the trail is always closed. */
export async function withTrail<T>(
  io: CliIo,
  spec: string,
  work: (trail: { target: AuditTarget; reader: AuditReader }) => Promise<T>,
): Promise<T> {
  const trail = await openTrail(io, spec);
  try {
    return await work(trail);
  } catch (error) {
    // A store's own refusal, a file-system error or a database error (each has a `code`), not a bug.
    const code = (error as { code?: unknown }).code;
    if (error instanceof AuditStoreError || typeof code === 'string') {
      io.err(`error[audit-unreadable]: cannot read ${terminalLine(`${trail.target.display}: ${(error as Error).message || code}`)}`);
      throw new CommandFailed(exitCodes.badInput);
    }
    throw error;
  } finally {
    await trail.reader.close();
  }
}

export interface AuditVerifyOptions {
  format: 'text' | 'json';
  /** A head hash published earlier: the trail must still hold it. */
  anchor?: string;
}

function renderVerification(shownDisplay: string, result: ChainVerification, anchor: string | undefined): { out: string; err: string } {
  // The trail's name and what a record says of itself are text from outside: each on its line.
  const display = terminalLine(shownDisplay);
  const headLine =
    result.head.seq === 0
      ? 'head: none (the trail is empty)'
      : `head: record ${result.head.seq}${result.head.at ? `, ${terminalLine(result.head.at)}` : ''}`;
  if (result.broken) {
    const intact =
      result.checked === 0
        ? 'no record before it'
        : `${result.checked} ${result.checked === 1 ? 'record before it is' : 'records before it are'} intact (up to ${result.head.hash})`;
    return {
      out: '',
      err: `error[audit-chain-broken]: ${terminalLine(result.broken.message)}\n  --> ${display} (${result.broken.place})\n  = checked: ${intact}\n  = help: compare with a copy or a published head hash; the records after the break cannot be trusted`,
    };
  }
  const lines = [
    `${display}: ${result.checked} ${result.checked === 1 ? 'record' : 'records'} checked, the chain is unbroken`,
    headLine,
    `  ${result.head.hash}`,
    '  publish this hash (or store it apart from the trail) to anchor the chain; `vot audit verify --anchor <hash>` checks it is still there',
  ];
  if (anchor !== undefined && result.anchorFound === false)
    return {
      out: lines.join('\n'),
      err: `error[audit-anchor-missing]: no record in ${display} has the anchored hash ${anchor}\n  = help: the trail was rewritten or cut after that hash was published`,
    };
  if (anchor !== undefined) lines.push(`anchor ${anchor}: found in the chain`);
  return { out: lines.join('\n'), err: '' };
}

export async function runAuditVerify(io: CliIo, spec: string, options: AuditVerifyOptions): Promise<void> {
  if (options.anchor !== undefined && !/^sha256:[0-9a-f]{64}$/.test(options.anchor))
    throw new UsageError('--anchor takes a record hash: `sha256:` and 64 hexadecimal digits');
  const { display, result } = await withTrail(io, spec, async ({ target, reader }) => ({
    display: target.display,
    result: await verifyChain(reader.records(), options.anchor === undefined ? {} : { anchor: options.anchor }),
  }));
  const failed = !result.ok || (options.anchor !== undefined && result.anchorFound === false);
  if (options.format === 'json') io.out(JSON.stringify({ trail: display, ...result }, null, 2));
  else {
    const { out, err } = renderVerification(display, result, options.anchor);
    if (out) io.out(out);
    if (err) io.err(err);
  }
  if (failed) throw new CommandFailed(exitCodes.badInput);
}

/** Prints every stored record, in chain order, one a line, as stored (verify the output like any trail). */
export async function runAuditExport(io: CliIo, spec: string): Promise<void> {
  await withTrail(io, spec, async ({ reader }) => {
    let batch: string[] = [];
    for await (const stored of reader.records()) {
      if (stored.problem) {
        if (batch.length > 0) io.out(batch.join('\n'));
        io.err(`error[audit-unreadable]: ${terminalLine(`${stored.place}: ${stored.problem}`)}; export stopped there`);
        throw new CommandFailed(exitCodes.badInput);
      }
      batch.push(stored.text);
      if (batch.length >= 1000) {
        io.out(batch.join('\n'));
        batch = [];
      }
    }
    if (batch.length > 0) io.out(batch.join('\n'));
  });
}
