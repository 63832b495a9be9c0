/**
 * Run with --expose-gc: the heap after loading the policies, and after N more decisions on the
 * compiled path (the argument), each after a full collection. Prints one JSON line.
 */
import type { PolicySet } from '@vot/engine';
import { loadPolicies } from '@vot/policies';
import { hostSamples } from './samples.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const decisions = Number(process.argv[2] ?? 1_000_000);
const megabytes = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const policies = (await loadPolicies()) as unknown as PolicySet;
const work = policies.model.points.map((point) => ({ point: point.id, samples: hostSamples(policies, point, 64) }));
// One warm-up round so lazily built state is counted with the load, not as growth.
for (const { point, samples } of work) for (const facts of samples) await policies.decide(point, facts);
const afterLoadMB = megabytes();
for (let i = 0; i < decisions; i++) {
  const { point, samples } = work[i % work.length]!;
  await policies.decide(point, samples[(i >>> 3) % samples.length]!);
}
const afterDecisionsMB = megabytes();
console.log(JSON.stringify({ afterLoadMB, afterDecisionsMB, decisions }));
