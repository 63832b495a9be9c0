/**
 * `pnpm bench`: how fast the bundled policies decide, against baselines measured in the same
 * run, printed as a table and written to bench/results/latest.json. Not part of `pnpm test`
 * (timings depend on the machine; no test asserts on them).
 *
 * Per point: `decide()` on the compiled path (fact validation and trace included), `decide()`
 * on the json-rules-engine path, and raw json-rules-engine running the same compiled rules
 * with one Engine reused; `decide()` with `explain: true` (why not: each outcome's alternatives),
 * warm and on a fresh set that explains each sample for the first time. For the reaction point
 * also the compiled predicates alone (facts already validated) against a hand-written function
 * (bench/reaction-by-hand.ts). Then the cold `loadPolicies()`, the commands `vot eval` and
 * `vot check` as fresh processes (bench/commands.ts), the heap after load and after 1e6
 * decisions (each in child processes), the regulation gate over the whole fact domain, and the
 * decision service against a bare Fastify route (bench/service-ratio.ts, in a child with its own
 * server process).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicySet, type FactRecord } from '@vot/engine';
import { buildRulesEngine, runGate, writeFileAtomic } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import { Bench } from 'tinybench';
import { commandTimes } from './commands.js';
import { compiledPolicy, policyView } from './compiled-reaction.js';
import { enumerateAll } from './enumerate.js';
import { reactionByHand } from './reaction-by-hand.js';
import { hostSamples, sameDecisions } from './samples.js';
import { measureInChild, scaleSeries } from './scale/series.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const quick = process.argv.includes('--quick');
const taskTime = quick ? 200 : 600;
/** Compared tasks run in alternating rounds, so a change in the machine's load hits all of them. */
const rounds = quick ? 1 : 3;
/** Sub-microsecond functions are timed in batches, so the clock's own cost does not dominate. */
const batch = 1000;

interface Latency {
  p50: number;
  p99: number;
  mean: number;
  samples: number;
}

/** Latency in microseconds per call of the measured function (per item for batched tasks). */
async function measure(name: string, fn: () => unknown, perCall = 1): Promise<Latency> {
  const bench = new Bench({ time: taskTime, warmupTime: quick ? 50 : 300 });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (!result || result.error) throw result?.error ?? new Error(`no result for ${name}`);
  const toMicros = (ms: number | undefined) => ((ms ?? Number.NaN) * 1000) / perCall;
  return {
    p50: toMicros(result.latency.p50),
    p99: toMicros(result.latency.p99),
    mean: toMicros(result.latency.mean),
    samples: result.latency.samples.length,
  };
}

/**
 * Each task measured `rounds` times, the tasks taking turns; per task the round with the median
 * p50 is kept.
 */
async function measureInRounds(tasks: Array<[string, () => unknown]>, perCall = 1): Promise<Latency[]> {
  const results: Latency[][] = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, [name, fn]] of tasks.entries()) results[index]!.push(await measure(name, fn, perCall));
  }
  return results.map((measured) => measured.sort((x, y) => x.p50 - y.p50)[Math.floor(measured.length / 2)]!);
}

/** Cycles through sample inputs so no single record is cached by the engine under test. */
function cycle<T>(items: readonly T[]): () => T {
  let index = 0;
  return () => {
    const item = items[index]!;
    index = index + 1 === items.length ? 0 : index + 1;
    return item;
  };
}

/**
 * Explained decisions on a fresh set (same model; its constructor not timed), each sample once:
 * what an explanation costs before the set has learnt which statuses each outcome can reach for
 * those parties (explain/alternatives.ts), with the code already compiled by the warm runs.
 */
function firstExplanations(compiled: PolicySet, point: string, samples: ReadonlyArray<Record<string, unknown>>): Latency {
  const fresh = new PolicySet(compiled.model);
  const times = samples.map((facts) => {
    const started = performance.now();
    fresh.decideSync(point, facts, { explain: true });
    return (performance.now() - started) * 1000;
  });
  const sorted = times.slice().sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: times.reduce((x, y) => x + y, 0) / times.length, samples: times.length };
}

/** Runs a child process and parses the JSON line it prints last. */
function child<T>(args: string[]): T {
  const output = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(output.trim().split('\n').pop()!) as T;
}

const tsxImport = ['--import', 'tsx', '--conditions=@vot/source'];
const ladderPolicy = 'reaction-ladder-nav';

async function main(): Promise<void> {
  // Other work on the machine slows every measure; the load average says how much there was.
  const loadAtStart = loadavg()[0]!;
  const compiled = (await loadPolicies()) as unknown as PolicySet;
  const reference = (await loadPolicies({ evaluator: 'json-rules-engine' })) as unknown as PolicySet;
  const points: Record<string, unknown> = {};
  const rows: string[][] = [];

  for (const point of compiled.model.points) {
    const samples = hostSamples(compiled, point, 256);
    const validated = samples.map((facts) => compiled.validateFacts(point.id, facts));
    const engine = await buildRulesEngine(compiled.model, point);
    // The paths must agree on the samples before their speed means anything.
    for (const facts of samples.slice(0, 32))
      sameDecisions(await compiled.decide(point.id, facts), await reference.decide(point.id, facts));

    const nextHost = cycle(samples);
    const nextRecord = cycle(validated);
    const [decideCompiled, decideReference, rawEngine, decideExplained] = (await measureInRounds([
      [`${point.id} decide compiled`, () => compiled.decide(point.id, nextHost())],
      [`${point.id} decide json-rules-engine`, () => reference.decide(point.id, nextHost())],
      [`${point.id} raw json-rules-engine`, () => engine.run(nextRecord())],
      [`${point.id} decide explained`, () => compiled.decide(point.id, nextHost(), { explain: true })],
    ])) as [Latency, Latency, Latency, Latency];
    const decideExplainedFirst = firstExplanations(compiled, point.id, samples);
    const entry = {
      decideCompiled,
      decideJsonRulesEngine: decideReference,
      rawJsonRulesEngine: rawEngine,
      speedupOverRawJsonRulesEngine: rawEngine.p50 / decideCompiled.p50,
      jsonRulesEnginePathOverRaw: decideReference.p50 / rawEngine.p50,
      decideExplained,
      decideExplainedFirst,
      explainedOverUnexplained: decideExplained.p50 / decideCompiled.p50,
    };
    points[point.id] = entry;
    rows.push([
      point.id,
      'decide() compiled',
      fmt(decideCompiled.p50),
      fmt(decideCompiled.p99),
      `${entry.speedupOverRawJsonRulesEngine.toFixed(1)}× faster than raw JRE`,
    ]);
    rows.push([
      point.id,
      'decide() json-rules-engine',
      fmt(decideReference.p50),
      fmt(decideReference.p99),
      `${entry.jsonRulesEnginePathOverRaw.toFixed(2)}× raw JRE`,
    ]);
    rows.push([point.id, 'raw json-rules-engine', fmt(rawEngine.p50), fmt(rawEngine.p99), '']);
    rows.push([
      point.id,
      'decide() explained (why not)',
      fmt(decideExplained.p50),
      fmt(decideExplained.p99),
      `${entry.explainedOverUnexplained.toFixed(0)}× decide() compiled (goal: p99 < 5 ms)`,
    ]);
    rows.push([
      point.id,
      'decide() explained, first time',
      fmt(decideExplainedFirst.p50),
      fmt(decideExplainedFirst.p99),
      `a fresh set explaining each of ${decideExplainedFirst.samples} samples once`,
    ]);
  }

  // Compiled predicates alone against the hand-written function, on the NAV reaction ladder
  // (the reaction point's ~40-rule policy; the point's other policy is a Danish pack).
  const reactionPoint = compiled.model.points.find((p) => p.id === 'reaction')!;
  const predicatesOnly = compiledPolicy(reactionPoint, ladderPolicy);
  const checked = enumerateAll(compiled, reactionPoint, (record) => {
    const byHand = JSON.stringify(reactionByHand(record));
    if (
      byHand !== JSON.stringify(predicatesOnly(record)) ||
      byHand !== JSON.stringify(policyView(compiled.decideValidated('reaction', record, { explain: false }), ladderPolicy))
    ) {
      throw new Error(`hand-written baseline disagrees with the policies for ${JSON.stringify(record)}`);
    }
  });
  const reactionRecords = hostSamples(compiled, reactionPoint, 256).map((facts) => compiled.validateFacts('reaction', facts));
  const runBatch = (fn: (facts: FactRecord) => unknown) => {
    const next = cycle(reactionRecords);
    return () => {
      for (let i = 0; i < batch; i++) fn(next());
    };
  };
  const [predicates, byHand] = (await measureInRounds(
    [
      ['reaction compiled predicates', runBatch(predicatesOnly)],
      ['reaction hand-written', runBatch(reactionByHand)],
    ],
    batch,
  )) as [Latency, Latency];
  const predicatesOverHand = predicates.p50 / byHand.p50;
  rows.push([
    'reaction',
    'ladder: compiled predicates alone',
    fmt(predicates.p50),
    fmt(predicates.p99),
    `${predicatesOverHand.toFixed(1)}× hand-written (batches of ${batch})`,
  ]);
  rows.push(['reaction', 'ladder: hand-written function', fmt(byHand.p50), fmt(byHand.p99), `agrees on all ${checked} combinations`]);
  // The goal of issue 18: the whole decision (validation and trace included) within 5× the hand-written function.
  const reactionDecide = (points.reaction as { decideCompiled: Latency }).decideCompiled;
  const decideOverHand = reactionDecide.p50 / byHand.p50;
  rows.push([
    'reaction',
    'decide() compiled over hand-written',
    `${decideOverHand.toFixed(1)}×`,
    '',
    'validation and trace included',
    goal(decideOverHand <= 5, '≤ 5×'),
  ]);

  // Cold load in a fresh process: from the built package when there is a usable one.
  // The commands in fresh processes, from the same build, under the same lock.
  const [coldLoad, commands] = await withBuildLock(
    () => [coldLoadTimes(quick ? 3 : 9, !process.argv.includes('--no-build')), commandTimes(root, quick ? 3 : 7)] as const,
  );
  rows.push([
    'all',
    'loadPolicies() cold',
    `${coldLoad.medianMs.toFixed(1)} ms`,
    '',
    `median of ${coldLoad.runs.length} (CPU ${coldLoad.medianCpuMs.toFixed(1)} ms), from ${coldLoad.from}`,
  ]);

  for (const command of commands) {
    const seconds = (value: number) => `${value.toFixed(2)} s`;
    rows.push([
      'all',
      command.what,
      seconds(command.wallSeconds),
      '',
      `CPU ${seconds(command.cpuSeconds)}, ${command.overBareNode.toFixed(1)}× a bare node start`,
      command.goalSeconds === undefined ? '' : goal(command.wallSeconds <= command.goalSeconds, `≤ ${command.goalSeconds} s`),
    ]);
  }

  // The regulation gate: every duty checked over the whole (sliced, reduced) fact domain.
  const started = performance.now();
  const report = runGate(compiled.model);
  const gateSeconds = (performance.now() - started) / 1000;
  const gate = {
    what: 'runGate(model): every duty of every catalogue over its whole reduced domain',
    ok: report.ok,
    combinations: report.combinations,
    seconds: gateSeconds,
    perSecond: report.combinations / gateSeconds,
  };
  rows.push([
    'all',
    'regulation gate (runGate)',
    `${gateSeconds.toFixed(2)} s`,
    '',
    `${report.combinations} combinations, ${Math.round(gate.perSecond)}/s`,
  ]);

  // Heap after load and after a million decisions, in a child with --expose-gc.
  const decisions = quick ? 100_000 : 1_000_000;
  const heap = child<{ afterLoadMB: number; afterDecisionsMB: number; decisions: number }>([
    '--expose-gc',
    ...tsxImport,
    join(here, 'heap.ts'),
    String(decisions),
  ]);
  rows.push(['all', 'heap after load', `${heap.afterLoadMB.toFixed(1)} MB`, '', '']);
  rows.push([
    'all',
    `heap after ${decisions} decisions`,
    `${heap.afterDecisionsMB.toFixed(1)} MB`,
    '',
    `growth ${(heap.afterDecisionsMB - heap.afterLoadMB).toFixed(2)} MB`,
  ]);

  // The decision service against a bare Fastify route answering the same bytes (bench/service-ratio.ts).
  const service = child<ServiceRatio>([
    ...tsxImport,
    join(here, 'service-ratio.ts'),
    '--seconds',
    quick ? '2' : '5',
    '--rounds',
    String(rounds),
  ]);
  const perSecond = service.requestsPerSecond;
  rows.push([
    'reaction',
    'service / bare Fastify (HTTP)',
    `${service.ratio.toFixed(2)}×`,
    '',
    `${Math.round(perSecond.serviceMemoryAudit)} / ${Math.round(perSecond.bareFastify)} req/s, audit in memory; server CPU ${service.cpuRatio.toFixed(2)}×; ${service.responseBytes.plain} B`,
    goal(service.ratio >= 0.8, '≥ 0.8×'),
  ]);
  rows.push([
    'reaction',
    'service, JSON Lines + fsync / bare',
    `${service.ratioJsonl.toFixed(2)}×`,
    '',
    `${Math.round(perSecond.serviceJsonlFsync)} req/s; ${service.responseBytes.trace} B with ?trace=1`,
  ]);

  // The scale series: the bundled organisations multiplied, each size in a fresh process.
  const copies = quick ? [1, 2, 4] : [13, 25, 50, 125];
  const series = await scaleSeries(join(root, 'policies'), join(root, '.vot-tmp', 'bench-scale'), copies, measureInChild(root, tsxImport));
  const largest = series.points[series.points.length - 1]!;
  const worst = (key: 'timePerDoubling' | 'heapPerDoubling' | 'decidePerDoubling') => Math.max(...series.steps.map((step) => step[key]));
  const scaleGoals = {
    largestOrganisations: largest.organisations,
    largestCpuSeconds: largest.totalSeconds,
    largestWallSeconds: largest.wallSeconds,
    worstTimePerDoubling: worst('timePerDoubling'),
    worstHeapPerDoubling: worst('heapPerDoubling'),
    worstDecidePerDoubling: worst('decidePerDoubling'),
    // Over the whole series (ten times the organisations), so the machine's noise between two
    // neighbouring sizes does not decide: a decision that scanned every organisation would grow ~10×.
    decideLargestOverSmallest: largest.decideMicros / series.points[0]!.decideMicros,
  };

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
  };
  const results = {
    date: new Date().toISOString(),
    command: quick ? 'pnpm bench --quick' : 'pnpm bench',
    machine,
    policy: compiled.policy,
    unit: 'microseconds per decision unless named otherwise; ratios from p50',
    points,
    reaction: {
      policy: ladderPolicy,
      compiledPredicates: predicates,
      handWritten: byHand,
      predicatesOverHandWritten: predicatesOverHand,
      batch,
      combinationsChecked: checked,
    },
    coldLoad,
    commands,
    gate,
    heap: { ...heap, growthMB: heap.afterDecisionsMB - heap.afterLoadMB },
    service,
    scale: { ...series, goals: scaleGoals },
  };
  printTable(['point', 'measure', 'p50', 'p99', 'note', 'goal'], rows);
  printScaleSeries(series, scaleGoals);
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${loadAtStart.toFixed(1)} at start, ${machine.loadAverage.atEnd.toFixed(1)} at end`,
  );
  const out = join(here, 'results', quick ? 'quick.json' : 'latest.json');
  await writeFileAtomic(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${out.slice(root.length + 1)}`);
}

/** What bench/service-ratio.ts prints. */
interface ServiceRatio {
  requestsPerSecond: { serviceMemoryAudit: number; serviceJsonlFsync: number; bareFastify: number };
  ratio: number;
  ratioJsonl: number;
  cpuRatio: number;
  responseBytes: { plain: number; trace: number; traceExplain: number };
}

interface ColdLoad {
  from: string;
  medianMs: number;
  medianCpuMs: number;
  runs: Array<{ ms: number; cpuMs: number }>;
  note?: string;
}

/**
 * The build lock tests/consumer.test.ts takes: a build rewrites the packages' dist folders, so
 * the bench builds and times the built package only while it holds the lock.
 */
async function withBuildLock<T>(task: () => T): Promise<T> {
  const lock = join(root, '.vot-tmp', 'package-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (attempt > 600) throw new Error(`${lock} held for more than five minutes`);
      await new Promise((done) => setTimeout(done, 500));
    }
  }
  try {
    return task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Times from import to a loaded policy set, in fresh processes: the built package, else the sources. */
function coldLoadTimes(runs: number, build: boolean): ColdLoad {
  const built = join(root, 'packages', 'policies', 'dist', 'index.js');
  const script = join(here, 'cold-load.mjs');
  let note: string | undefined;
  if (build) {
    try {
      // `pnpm build` stamps the build, so `node build/vot.mjs` (pnpm vot) runs it too.
      execFileSync('npx', ['-y', 'pnpm@10.34.9', 'build'], { cwd: root, stdio: 'ignore' });
    } catch (error) {
      note = `build failed: ${String(error).split('\n')[0]}`;
    }
  }
  const attempts: Array<{ from: string; args: string[] }> = [];
  if (existsSync(built)) attempts.push({ from: 'packages/policies/dist (built package and its policy bundle)', args: [script, built] });
  attempts.push({ from: 'TypeScript sources through tsx (transpiling included)', args: [...tsxImport, script, '@vot/policies'] });
  const median = (values: number[]) => values.slice().sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  for (const attempt of attempts) {
    try {
      const times = Array.from({ length: runs }, () => child<{ ms: number; cpuMs: number }>(attempt.args));
      return {
        from: attempt.from,
        medianMs: median(times.map((t) => t.ms)),
        medianCpuMs: median(times.map((t) => t.cpuMs)),
        runs: times,
        ...(note ? { note } : {}),
      };
    } catch (error) {
      note = `${attempt.from} failed: ${String(error).split('\n')[0]}`;
      console.error(`cold load: ${note}; trying the next way`);
    }
  }
  throw new Error(`cold load failed: ${note}`);
}

/** A goal and whether this run met it. */
const goal = (met: boolean, text: string): string => `${text}: ${met ? 'met' : 'MISSED'}`;

function printScaleSeries(series: Awaited<ReturnType<typeof scaleSeries>>, goals: Record<string, number>): void {
  console.log('\nscale series: the bundled organisations multiplied (CPU seconds of one process; wall time under the machine load)');
  printTable(
    [
      'organisations',
      'files',
      'MB',
      'load s',
      'check s',
      'gate s',
      'total s',
      'wall s',
      'gate combinations',
      'model heap MB',
      'peak RSS MB',
      'decide µs',
    ],
    series.points.map((p) => [
      String(p.organisations),
      String(p.files),
      (p.bytes / 1024 / 1024).toFixed(1),
      p.loadSeconds.toFixed(2),
      p.checkSeconds.toFixed(2),
      p.gateSeconds.toFixed(2),
      p.totalSeconds.toFixed(2),
      p.wallSeconds.toFixed(1),
      `${p.gateCombinations}${p.gateOk ? '' : ' (gate failed)'}`,
      p.modelHeapMB.toFixed(1),
      p.peakRssMB.toFixed(0),
      p.decideMicros.toFixed(1),
    ]),
  );
  console.log('\ngrowth per doubling of the organisations (2 = linear, 1 = flat)');
  printTable(
    ['step', 'time', 'model heap', 'decide'],
    series.steps.map((step) => [
      `${step.from} → ${step.to}`,
      step.timePerDoubling.toFixed(2),
      step.heapPerDoubling.toFixed(2),
      step.decidePerDoubling.toFixed(2),
    ]),
  );
  const atLargest = `${goals.largestOrganisations} organisations`;
  console.log('');
  printTable(
    ['goal', 'measured', 'result'],
    [
      [
        `${atLargest}: load + check + gate ≤ 60 s`,
        `${goals.largestCpuSeconds!.toFixed(1)} s CPU, ${goals.largestWallSeconds!.toFixed(1)} s wall`,
        goals.largestCpuSeconds! <= 60 ? 'met (CPU)' : 'MISSED',
      ],
      [
        'each doubling at most doubles the time',
        `worst ${goals.worstTimePerDoubling!.toFixed(2)}×`,
        goals.worstTimePerDoubling! <= 2 ? 'met' : 'MISSED',
      ],
      [
        'memory grows linearly (≤ 2× per doubling)',
        `worst ${goals.worstHeapPerDoubling!.toFixed(2)}×`,
        goals.worstHeapPerDoubling! <= 2 ? 'met' : 'MISSED',
      ],
      [
        'a decision does not slow down (largest / smallest size ≤ 1.25×)',
        `${goals.decideLargestOverSmallest!.toFixed(2)}× (worst step ${goals.worstDecidePerDoubling!.toFixed(2)}× per doubling)`,
        goals.decideLargestOverSmallest! <= 1.25 ? 'met' : 'MISSED',
      ],
    ],
  );
}

const fmt = (micros: number): string => (micros < 1 ? `${(micros * 1000).toFixed(0)} ns` : `${micros.toFixed(2)} µs`);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, column) => Math.max(h.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (cell ?? '').padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(header.map((_, column) => row[column] ?? '')));
}

await main();
