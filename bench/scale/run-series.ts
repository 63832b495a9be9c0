/**
 * The scale series alone, without the rest of `pnpm bench` (which ends with it):
 *
 *   pnpm tsx --conditions=@vot/source bench/scale/run-series.ts [copies …]   (default 13 25 50 125)
 *
 * Prints each size's figures and the growth per doubling as JSON lines, for when only the
 * analysis changed and the decision benchmarks need not run again.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInChild, scaleSeries } from './series.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const given = process.argv.slice(2).map(Number);
if (given.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('usage: run-series.ts [copies …] (whole numbers, 1 or more)');
const copies = given.length > 0 ? given.sort((x, y) => x - y) : [13, 25, 50, 125];
const loadAtStart = loadavg()[0]!;
const series = await scaleSeries(
  join(root, 'policies'),
  join(root, '.vot-tmp', 'bench-scale-series'),
  copies,
  measureInChild(root, ['--import', 'tsx', '--conditions=@vot/source']),
);
for (const point of series.points) console.log(JSON.stringify(point));
for (const step of series.steps) console.log(JSON.stringify(step));
console.log(
  JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! } }),
);
