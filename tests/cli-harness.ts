/** Runs `vot` in-process with captured output, and makes throw-away copies of the bundled policies. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@vot/cli';
import { bundledPolicyDir } from '@vot/policies';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runVot(args: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
  });
  return { code, stdout, stderr };
}

/** A copy of the bundled policy folder in a fresh temporary directory, as `<tmp>/policies`. */
export async function copyPolicies(): Promise<{ root: string; policies: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'vot-test-'));
  const policies = join(root, 'policies');
  await cp(bundledPolicyDir(), policies, { recursive: true });
  return { root, policies, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** Runs `work` on a fresh copy of the bundled policies and removes the copy afterwards, whatever happens. */
export async function withPolicyCopy<T>(work: (copy: { root: string; policies: string }) => Promise<T>): Promise<T> {
  const copy = await copyPolicies();
  try {
    return await work(copy);
  } finally {
    await copy.dispose();
  }
}

/** Replaces one exact piece of text in a file; fails loudly when it is not there exactly once. */
export async function editFile(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected \`${from}\` once in ${path}, found it ${count} times`);
  await writeFile(path, text.replace(from, to));
}
