/**
 * Where an audit trail lives: `jsonl:<path>` (or a bare path, on the command line) for a JSON
 * Lines file, `postgres://…` or `postgresql://…` for a PostgreSQL database.
 */
import { resolve } from 'node:path';

export type AuditTarget = { kind: 'jsonl'; path: string; display: string } | { kind: 'postgres'; url: string; display: string };

export class AuditTargetError extends Error {}

/** A connection URL as it may be shown: the password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * Reads a target. `bare` allows a plain path (the command line); the service's `VOT_AUDIT`
 * needs the scheme, so a typo is not taken for a file name.
 */
export function parseAuditTarget(spec: string, options: { cwd?: string; bare?: boolean } = {}): AuditTarget {
  const cwd = options.cwd ?? process.cwd();
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    try {
      new URL(spec);
    } catch {
      throw new AuditTargetError(`\`${redactUrl(spec)}\` is not a valid PostgreSQL URL`);
    }
    return { kind: 'postgres', url: spec, display: redactUrl(spec) };
  }
  if (spec.startsWith('jsonl:')) {
    const path = spec.slice('jsonl:'.length);
    if (path === '') throw new AuditTargetError('`jsonl:` needs a file path, e.g. `jsonl:/var/lib/vot/audit.jsonl`');
    return { kind: 'jsonl', path: resolve(cwd, path), display: path };
  }
  if (options.bare && spec !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(spec))
    return { kind: 'jsonl', path: resolve(cwd, spec), display: spec };
  throw new AuditTargetError(
    `\`${redactUrl(spec)}\` is not an audit store: expected \`jsonl:<path>\` or \`postgres://user@host/database\``,
  );
}
