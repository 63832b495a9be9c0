/**
 * One point of the scale series, in a fresh process (run with --expose-gc): a policy folder
 * loaded (read, parsed, validated), checked and passed through the regulation gate, each stage
 * timed; the heap the checked model holds after a full collection, and the process's peak
 * resident memory; then decide() on the reaction point with facts of the first NAV office, so
 * the series shows whether a decision slows down as organisations are added. Prints one JSON
 * line.
 *
 *   node --expose-gc --import tsx --conditions=@vot/source bench/scale/measure.ts <policy folder>
 */
import { cpuUsage, memoryUsage, resourceUsage } from 'node:process';
import { PolicySet } from '@vot/engine';
import { checkPolicySet, loadPolicyTexts, policyHash, readPolicyFolder, runGate } from '@vot/engine/tools';
import { reactionFacts } from '../../tests/nav-reaction-facts.js';

export interface ScalePoint {
  files: number;
  bytes: number;
  organisations: number;
  /**
   * CPU seconds of this process per stage (user and system), and of the three together; the
   * machine is shared, so CPU time is what the series compares. Wall time beside it.
   */
  loadSeconds: number;
  checkSeconds: number;
  gateSeconds: number;
  totalSeconds: number;
  wallSeconds: number;
  gateCombinations: number;
  gateOk: boolean;
  /** Heap in use after a full collection with the checked model held, less the heap before loading. */
  modelHeapMB: number;
  peakRssMB: number;
  /** Median CPU µs of one reaction decision (validation and trace included), over batches. */
  decideMicros: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heapMB = () => {
  gc();
  gc();
  return memoryUsage().heapUsed / 1024 / 1024;
};

const dir = process.argv[2];
if (!dir) throw new Error('usage: measure.ts <policy folder>');
const heapBefore = heapMB();
const wallStarted = performance.now();
/** CPU seconds since `since` (a `cpuUsage()` reading). */
const seconds = (since: NodeJS.CpuUsage) => {
  const used = cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

let started = cpuUsage();
// A folder past the default limits declares its own (the generator writes them), as a real one would.
const read = await readPolicyFolder(dir);
const loaded = loadPolicyTexts(read.files, read.base);
const loadSeconds = seconds(started);

started = cpuUsage();
const checked = checkPolicySet(loaded, { hash: policyHash(loaded.texts, read.base) });
const checkSeconds = seconds(started);
const errors = [...read.diagnostics, ...loaded.diagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error');
if (errors.length > 0 || !checked.model) throw new Error(`${dir} does not check: ${errors[0]?.message ?? 'no model'}`);
const model = checked.model;

started = cpuUsage();
const gate = runGate(model);
const gateSeconds = seconds(started);
const wallSeconds = (performance.now() - wallStarted) / 1000;
const modelHeapMB = heapMB() - heapBefore;

const policies = new PolicySet(model);
const facts = reactionFacts;
const batch = 2_000;
const batches: number[] = [];
for (let round = 0; round < 15; round++) {
  const begin = cpuUsage();
  for (let i = 0; i < batch; i++) policies.decideSync('reaction', facts);
  batches.push((seconds(begin) * 1e6) / batch);
}
// The first rounds warm the code up; the median of the rest.
const steady = batches.slice(5).sort((x, y) => x - y);

function organisationCount(): number {
  const fact = model.facts.find((f) => f.id === 'organisation');
  return fact?.type === 'enum' ? fact.values.length : 0;
}

const point: ScalePoint = {
  files: read.files.size,
  bytes: [...read.files.values()].reduce((sum, bytes) => sum + bytes.length, 0),
  organisations: organisationCount(),
  loadSeconds,
  checkSeconds,
  gateSeconds,
  totalSeconds: loadSeconds + checkSeconds + gateSeconds,
  wallSeconds,
  gateCombinations: gate.combinations,
  gateOk: gate.ok,
  modelHeapMB,
  peakRssMB: resourceUsage().maxRSS / 1024,
  decideMicros: steady[Math.floor(steady.length / 2)]!,
};
console.log(JSON.stringify(point));
