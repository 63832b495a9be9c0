/** File-system errors in words, with no dependency: the command line names them before it loads the engine. */

/** A file-system error as a reviewer reads it, without the absolute path Node puts in the message. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    ENOTDIR: 'not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  return (code && reasons[code]) ?? (error as Error | undefined)?.message ?? String(error);
}
