/**
 * The scale series of `pnpm bench`: the bundled organisations multiplied into policy folders of
 * growing size (bench/scale/multiply.ts), each loaded, checked and passed through the regulation
 * gate in a fresh process (bench/scale/measure.ts), and the growth from one size to the next
 * expressed per doubling of the organisations, so sizes that are not exact doublings compare.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { multiplyPolicies } from './multiply.js';
import type { ScalePoint } from './measure.js';

export interface SeriesPoint extends ScalePoint {
  copies: number;
}

export interface SeriesStep {
  from: number;
  to: number;
  /** Growth of CPU time (load, check and gate) per doubling of the organisations. */
  timePerDoubling: number;
  /** Growth of the model's heap per doubling. */
  heapPerDoubling: number;
  /** Growth of one decision's time per doubling (1 = flat). */
  decidePerDoubling: number;
}

export interface Series {
  points: SeriesPoint[];
  steps: SeriesStep[];
}

/** `after / before` scaled to one doubling of `size`: 2 means linear, 4 quadratic, 1 flat. */
export function perDoubling(before: number, after: number, sizeBefore: number, sizeAfter: number): number {
  return (after / before) ** (1 / Math.log2(sizeAfter / sizeBefore));
}

/**
 * Measures the bundled set multiplied by each of `copies` (ascending), in `work` (emptied
 * first, removed after). `node` runs measure.ts with the given arguments and returns its JSON.
 */
export async function scaleSeries(
  bundled: string,
  work: string,
  copies: readonly number[],
  measure: (folder: string) => ScalePoint,
): Promise<Series> {
  const points: SeriesPoint[] = [];
  await rm(work, { recursive: true, force: true });
  try {
    for (const count of copies) {
      const folder = join(work, `copies-${count}`);
      await mkdir(folder, { recursive: true });
      await multiplyPolicies(bundled, folder, count);
      points.push({ copies: count, ...measure(folder) });
      // The folders grow to megabytes: each goes once measured.
      await rm(folder, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const steps = points.slice(1).map((after, index): SeriesStep => {
    const before = points[index]!;
    const growth = (x: number, y: number) => perDoubling(x, y, before.organisations, after.organisations);
    return {
      from: before.organisations,
      to: after.organisations,
      timePerDoubling: growth(before.totalSeconds, after.totalSeconds),
      heapPerDoubling: growth(before.modelHeapMB, after.modelHeapMB),
      decidePerDoubling: growth(before.decideMicros, after.decideMicros),
    };
  });
  return { points, steps };
}

/** Runs bench/scale/measure.ts in a fresh process with --expose-gc. */
export function measureInChild(root: string, nodeArgs: readonly string[]): (folder: string) => ScalePoint {
  return (folder) => {
    const output = execFileSync(process.execPath, ['--expose-gc', ...nodeArgs, join(root, 'bench', 'scale', 'measure.ts'), folder], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(output.trim().split('\n').pop()!) as ScalePoint;
  };
}
