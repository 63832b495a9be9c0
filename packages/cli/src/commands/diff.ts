/**
 * `vot diff <base> [<head>]`: the semantic diff of two policy folders, each given as a folder or
 * a git ref. A git ref's policy folder is read with `git archive` into a temporary folder; the
 * working tree is never touched. Without `<head>`, the working policy folder is the head. With
 * `--at <date> --at <date>`, one version (`<base>`, else the working folder) is compared with
 * itself at two dates: what changed in the law between them.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Lang, PolicySetModel } from '@vot/engine';
import { diffAtDates, diffPolicySets, isIsoDate } from '@vot/engine/tools';
import { refuse, reportDiagnostics, UsageError, type CliIo } from '../io.js';
import { checkFolder, policyDirFor } from '../policy-dir.js';
import { diffContext, diffMarkdown, diffText } from '../render/diff-report.js';

const run = promisify(execFile);

export interface DiffOptions {
  format: 'text' | 'markdown' | 'json';
  lang: Lang;
  /** The working policy folder (default ./policies): the head, and the path read at a git ref. */
  policies?: string;
  /** Two dates (`--at` twice): one version compared at the first and at the second. */
  at?: string[];
}

interface Side {
  label: string;
  dir: string;
  /** Temporary folder to remove afterwards, for a git ref. */
  cleanup?: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** A folder as given, else the working policy folder as it was at a git ref. */
async function resolveSide(io: CliIo, given: string, workingDir: string): Promise<Side> {
  const path = resolve(io.cwd, given);
  if (existsSync(path) && statSync(path).isDirectory()) {
    const nested = join(path, 'policies');
    const dir = existsSync(join(path, 'policy-set.yaml')) || !existsSync(join(nested, 'policy-set.yaml')) ? path : nested;
    return { label: given, dir };
  }
  let root: string;
  try {
    root = await git(io.cwd, ['rev-parse', '--show-toplevel']);
    await git(io.cwd, ['rev-parse', '--verify', '--quiet', `${given}^{commit}`]);
  } catch {
    refuse(io, { code: 'unknown-ref', args: { ref: given, problem: 'not-a-ref' } });
  }
  const inRepo = relative(root, workingDir).split(sep).join('/');
  if (inRepo.startsWith('..')) refuse(io, { code: 'unknown-ref', args: { ref: given, problem: 'outside-repository', folder: workingDir } });
  const temporary = await mkdtemp(join(tmpdir(), 'vot-diff-'));
  const archive = join(temporary, 'policies.tar');
  try {
    await git(root, ['archive', '--format=tar', '-o', archive, `${given}^{commit}`, '--', inRepo || '.']);
    await run('tar', ['-xf', archive, '-C', temporary]);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    refuse(io, {
      code: 'unknown-ref',
      args: { ref: given, problem: 'unreadable', path: inRepo, reason: (error as Error).message.split('\n')[0]! },
    });
  }
  return { label: given, dir: join(temporary, inRepo), cleanup: temporary };
}

async function modelOf(io: CliIo, side: Side): Promise<PolicySetModel> {
  const checked = await checkFolder(io, side.dir);
  if (!checked.model) {
    reportDiagnostics(io, checked.diagnostics, checked.texts);
    refuse(io, { code: 'policies-not-checked', args: { command: 'diff', at: side.label } });
  }
  return checked.model;
}

/** Shows a temporary folder's file paths as `<ref>:<path>`, so locations point at something real. */
const relabel = (text: string, side: Side): string =>
  side.cleanup ? text.split(`${side.cleanup.split(sep).join('/')}/`).join(`${side.label}:`) : text;

/** `--at <date> --at <date>`: the two dates, checked. */
function datesOf(at: readonly string[], headArg: string | undefined): [string, string] {
  if (at.length !== 2)
    throw new UsageError(
      `\`--at\` is given ${at.length} time${at.length === 1 ? '' : 's'}`,
      'give `--at <date>` twice: the date to compare from and the date to compare with',
    );
  if (headArg !== undefined)
    throw new UsageError(
      '`--at` compares one policy version at two dates, but two versions were given',
      'give one version (or none, for the working policies) with `--at`',
    );
  for (const date of at)
    if (!isIsoDate(date)) throw new UsageError(`\`${date}\` is not a date`, 'write a real day as `YYYY-MM-DD`, e.g. `2021-07-01`');
  return [at[0]!, at[1]!];
}

export async function runDiff(io: CliIo, baseArg: string | undefined, headArg: string | undefined, options: DiffOptions): Promise<void> {
  const workingDir = policyDirFor(io.cwd, options.policies);
  const sides: Side[] = [];
  try {
    if (options.at !== undefined) {
      const [from, to] = datesOf(options.at, headArg);
      const side = baseArg ? await resolveSide(io, baseArg, workingDir) : { label: 'working tree', dir: workingDir };
      sides.push(side);
      const model = await modelOf(io, side);
      const diff = diffAtDates(model, from, to);
      const context = diffContext(model, model);
      if (options.format === 'json') io.out(JSON.stringify(diff, null, 2));
      else if (options.format === 'markdown') io.out(diffMarkdown(diff, context, options.lang));
      else io.out(diffText(diff, context, options.lang));
      return;
    }
    if (baseArg === undefined)
      throw new UsageError('missing the base to compare with', 'give a policy folder or a git ref, or `--at <date> --at <date>`');
    sides.push(await resolveSide(io, baseArg, workingDir));
    sides.push(headArg ? await resolveSide(io, headArg, workingDir) : { label: 'working tree', dir: workingDir });
    const [base, head] = [await modelOf(io, sides[0]!), await modelOf(io, sides[1]!)];
    const diff = diffPolicySets(base, head);
    for (const reason of diff.reasons) if (reason.at) reason.at = relabel(reason.at, sides[1]!);
    const context = diffContext(base, head);
    if (options.format === 'json') io.out(JSON.stringify(diff, null, 2));
    else if (options.format === 'markdown') io.out(diffMarkdown(diff, context, options.lang));
    else io.out(diffText(diff, context, options.lang));
  } finally {
    for (const side of sides) if (side.cleanup) await rm(side.cleanup, { recursive: true, force: true });
  }
}
