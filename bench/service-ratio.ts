/**
 * The decision service against a bare Fastify route (issue 18: at least 0.8×), over loopback on
 * this machine. A child process serves three things on 127.0.0.1:
 *
 *   - the service (`buildService`: authentication by token, rate limit, metrics, security
 *     headers, logs at `warn`) with an audit store that keeps nothing: the service's own work;
 *   - the same service with the JSON Lines store (hash chain, fsync per batch): what a
 *     deployment pays;
 *   - a bare Fastify route that parses the JSON body and answers with the service's bytes for
 *     the same facts (the same response size), nothing else.
 *
 * This process is the client (node:http, keep-alive, the same concurrency for each) and runs
 * them in alternating rounds, so a change in the machine's load hits all three. Prints one JSON
 * line: requests per second of each, the ratios, and the response sizes with and without
 * `?trace=1`. Not part of `pnpm test`; `bench/run.ts` runs it as a child.
 *
 *   pnpm tsx --conditions=@vot/source bench/service-ratio.ts [--seconds 3] [--rounds 3] [--concurrency 16]
 *     [--service <path to another @vot/service entry, e.g. an earlier commit's src/index.ts>]
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openJsonlStore, type AuditEntry, type AuditStore, type ChainRecord } from '@vot/audit';
import { loadPolicies } from '@vot/policies';
import * as currentService from '@vot/service';
import Fastify from 'fastify';
import { reactionFacts } from '../tests/nav-reaction-facts.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    serve: { type: 'boolean', default: false },
    service: { type: 'string' },
  },
});

const token = 'ratio-bench-token';
const path = '/v1/decide/reaction';
// The facts the service tests decide on: the NAV reaction ladder, a repeated threat after a written warning.
const facts = JSON.stringify(reactionFacts);

type Target = 'memory' | 'jsonl' | 'bare';

/** An audit store that keeps nothing but a count: what is left is the service's own work (the JSON Lines figure adds the chain's hashing and fsync). */
function memoryStore(): AuditStore {
  let seq = 0;
  return {
    display: 'memory',
    async append(entry: AuditEntry): Promise<ChainRecord> {
      seq++;
      return { ...entry, format: 'vot-audit@1', seq, prev: '', hash: '' };
    },
    async check() {},
    async close() {},
  };
}

async function serve(): Promise<void> {
  // `--service <module>`: another build of @vot/service to measure the same way (e.g. an earlier commit's sources).
  const { buildService, loadAuthenticator, tokenDigest } = (
    values.service ? await import(resolve(values.service)) : currentService
  ) as typeof currentService;
  const folder = await mkdtemp(join(tmpdir(), 'vot-ratio-'));
  await writeFile(join(folder, 'tokens.txt'), `bench:${tokenDigest(token)}\n`);
  const policies = await loadPolicies();
  const authenticator = await loadAuthenticator({ tokensFile: join(folder, 'tokens.txt') });
  const start = async (audit: AuditStore) => {
    const service = await buildService({ policies, audit, authenticator, logLevel: 'warn', rateLimit: { max: 1_000_000_000 } });
    await service.app.listen({ host: '127.0.0.1', port: 0 });
    return service;
  };
  const memory = await start(memoryStore());
  const jsonl = await start(await openJsonlStore(join(folder, 'audit.jsonl')));
  // The bytes the bare route answers with: the service's own answer to the same facts.
  const sized = async (query: string) =>
    (
      await memory.app.inject({
        method: 'POST',
        url: `${path}${query}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: facts,
      })
    ).rawPayload;
  const answer = await sized('');
  const bare = Fastify({ logger: false });
  bare.post(path, async (_request, reply) => reply.type('application/json; charset=utf-8').send(answer));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const port = (app: { server: { address(): unknown } }) => (app.server.address() as { port: number }).port;
  process.send!({
    ports: { memory: port(memory.app), jsonl: port(jsonl.app), bare: port(bare) },
    bytes: { plain: answer.length, trace: (await sized('?trace=1')).length, traceExplain: (await sized('?trace=1&explain=1')).length },
  });
  // The parent asks for this process's CPU time around each load, so the comparison holds on a
  // machine shared with other work, where requests per second move with the neighbours' load.
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
  process.once('disconnect', () => {
    void Promise.all([memory.close(), jsonl.close(), bare.close()]).then(() => rm(folder, { recursive: true, force: true }));
  });
}

/** Requests per second against one port: `concurrency` keep-alive connections, each sending the next request on its answer. */
async function load(port: number, seconds: number, concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(facts) };
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`port ${port}: ${res.statusCode}`));
        res.on('data', () => {});
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(facts);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await one();
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return done / elapsed;
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const concurrency = Number(values.concurrency);
  const server = fork(fileURLToPath(import.meta.url), ['--serve', ...(values.service ? ['--service', values.service] : [])], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ ports: Record<Target, number>; bytes: Record<string, number> }>((resolve, reject) => {
    server.once('message', (message) => resolve(message as never));
    server.once('exit', (code) => reject(new Error(`the server process exited with ${code}`)));
  });
  const serverCpu = () =>
    new Promise<number>((resolve) => {
      server.once('message', (message) => {
        const { user, system } = (message as { cpu: NodeJS.CpuUsage }).cpu;
        resolve(user + system);
      });
      server.send('cpu');
    });
  const targets: Target[] = ['memory', 'bare', 'jsonl'];
  // Warm-up: the serialisers are compiled and the code optimised before anything counts.
  for (const target of targets) await load(ready.ports[target], Math.min(2, seconds), concurrency);
  const rates: Record<Target, number[]> = { memory: [], jsonl: [], bare: [] };
  const cpuMicros: Record<Target, number[]> = { memory: [], jsonl: [], bare: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternating, and in a different order each round.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const before = await serverCpu();
      const started = performance.now();
      const rate = await load(ready.ports[target], seconds, concurrency);
      const requests = (rate * (performance.now() - started)) / 1000;
      rates[target].push(rate);
      cpuMicros[target].push(((await serverCpu()) - before) / requests);
    }
  }
  server.disconnect();
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const rate = (target: Target) => mean(rates[target]);
  const cpu = (target: Target) => mean(cpuMicros[target]);
  console.log(
    JSON.stringify({
      what: `POST ${path} over loopback, ${concurrency} keep-alive connections, ${rounds} alternating rounds of ${seconds} s`,
      concurrency,
      rounds,
      seconds,
      requestsPerSecond: { serviceMemoryAudit: rate('memory'), serviceJsonlFsync: rate('jsonl'), bareFastify: rate('bare') },
      serverCpuMicrosPerRequest: { serviceMemoryAudit: cpu('memory'), serviceJsonlFsync: cpu('jsonl'), bareFastify: cpu('bare') },
      perRound: { requestsPerSecond: rates, serverCpuMicrosPerRequest: cpuMicros },
      // The goal's figure: requests per second, service over bare. Beside it the same from the
      // server's CPU time per request, which the neighbours' load moves less.
      ratio: rate('memory') / rate('bare'),
      ratioJsonl: rate('jsonl') / rate('bare'),
      cpuRatio: cpu('bare') / cpu('memory'),
      cpuRatioJsonl: cpu('bare') / cpu('jsonl'),
      responseBytes: ready.bytes,
    }),
  );
}

if (values.serve) await serve();
else await main();
