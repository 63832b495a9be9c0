/**
 * How long the `vot` commands people run every day take, as fresh processes (issue 18,
 * "Commands"): the built binary deciding an example incident from the checked bundle (what an
 * installed package does: run from a folder without `policies/`), the built binary checking the
 * bundled set when nothing has changed (the model and gate come from the content-keyed cache),
 * and `node build/vot.mjs` (what `pnpm vot` runs) doing the same in the checkout. The baseline,
 * measured in the same rounds, is a bare `node -e 0`: the part of every figure that is Node's
 * own start-up. Needs a current `pnpm build` (the bench builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommandTime {
  what: string;
  /** Medians over the runs: wall time and the child's CPU time (user + system), in seconds. */
  wallSeconds: number;
  cpuSeconds: number;
  /** Wall time over the bare node start measured in the same rounds. */
  overBareNode: number;
  goalSeconds?: number;
}

/** `/usr/bin/time` reports a child's CPU time; without it only wall time is measured. */
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One fresh process: wall and CPU seconds (NaN without /usr/bin/time); throws when it fails. */
function timed(args: readonly string[], cwd: string): { wall: number; cpu: number } {
  const [command, commandArgs] = timeBinary
    ? [timeBinary, ['-f', 'vot-bench %U %S', process.execPath, ...args]]
    : [process.execPath, [...args]];
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const reported = /vot-bench ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wall, cpu: reported ? Number(reported[1]) + Number(reported[2]) : Number.NaN };
}

const median = (values: number[]) => values.slice().sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/** Runs each command `runs` times in alternating rounds (so a change in the machine's load hits all). */
export function commandTimes(root: string, runs: number): CommandTime[] {
  const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
  const incidents = join(root, 'examples', 'incidents');
  const incident = join(
    incidents,
    readdirSync(incidents)
      .filter((name) => name.endsWith('.json'))
      .sort()[0]!,
  );
  const elsewhere = mkdtempSync(join(tmpdir(), 'vot-bench-commands-'));
  const tasks: Array<{ what: string; args: string[]; cwd: string; goalSeconds?: number }> = [
    { what: 'bare node start (node -e 0): baseline', args: ['-e', '0'], cwd: elsewhere },
    { what: 'built binary: vot eval <example> from the bundle', args: [bin, 'eval', incident], cwd: elsewhere, goalSeconds: 0.3 },
    { what: 'built binary: vot check, unchanged since the last check', args: [bin, 'check'], cwd: root, goalSeconds: 1 },
    {
      what: 'node build/vot.mjs eval <example> (pnpm vot, built and unchanged)',
      args: [join(root, 'build', 'vot.mjs'), 'eval', incident],
      cwd: root,
    },
    { what: 'node build/vot.mjs check (pnpm vot, built and unchanged)', args: [join(root, 'build', 'vot.mjs'), 'check'], cwd: root },
  ];
  try {
    // Warm the cache once: the figures are for a set checked before.
    for (const task of tasks) timed(task.args, task.cwd);
    const times = tasks.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
    for (let round = 0; round < runs; round++) {
      tasks.forEach((task, index) => {
        const { wall, cpu } = timed(task.args, task.cwd);
        times[index]!.wall.push(wall);
        times[index]!.cpu.push(cpu);
      });
    }
    const bare = median(times[0]!.wall);
    return tasks.map((task, index) => ({
      what: task.what,
      wallSeconds: median(times[index]!.wall),
      cpuSeconds: median(times[index]!.cpu),
      overBareNode: median(times[index]!.wall) / bare,
      ...(task.goalSeconds ? { goalSeconds: task.goalSeconds } : {}),
    }));
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
}
