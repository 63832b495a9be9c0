/**
 * Load on the decision service over loopback: N decisions from C concurrent callers, each
 * recorded in the trail before it is answered (JSON Lines with fsync, or PostgreSQL), then the
 * trail verified. Prints throughput and latency percentiles. Not part of `pnpm test`.
 *
 *   pnpm tsx --conditions=@vot/source bench/service-load.ts [--requests 3000] [--concurrency 32] [--postgres <url>]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonlReader, openJsonlStore, openPostgresStore, postgresReader, verifyChain } from '@vot/audit';
import { loadPolicies } from '@vot/policies';
import { buildService, loadAuthenticator, tokenDigest } from '@vot/service';
import { reactionFacts } from '../tests/nav-reaction-facts.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '3000' }, concurrency: { type: 'string', default: '32' }, postgres: { type: 'string' } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const folder = await mkdtemp(join(tmpdir(), 'vot-load-'));
const token = 'load-test-token';
await writeFile(join(folder, 'tokens.txt'), `load:${tokenDigest(token)}\n`);
const trail = join(folder, 'audit.jsonl');
const audit = values.postgres ? await openPostgresStore(values.postgres, 'postgres') : await openJsonlStore(trail);
const service = await buildService({
  policies: await loadPolicies(),
  audit,
  authenticator: await loadAuthenticator({ tokensFile: join(folder, 'tokens.txt') }),
  logLevel: 'warn',
  rateLimit: { max: 1_000_000 },
});
await service.app.listen({ host: '127.0.0.1', port: 0 });
const { port } = service.app.server.address() as { port: number };
// Each request sets its own number of earlier incidents.
const facts = reactionFacts;

const latencies: number[] = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      const i = next++;
      const begin = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/v1/decide/reaction`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...facts, priorIncidents: i % 4 }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`request ${i}: ${response.status}`);
      latencies.push(performance.now() - begin);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await service.close();
const reader = values.postgres ? await postgresReader(values.postgres, 'postgres') : jsonlReader(trail);
const verified = await verifyChain(reader.records());
await reader.close();
await rm(folder, { recursive: true, force: true });
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
console.log(
  JSON.stringify({
    store: values.postgres ? 'postgres' : 'jsonl+fsync',
    requests,
    concurrency,
    decisionsPerSecond: Math.round(requests / seconds),
    p50ms: at(0.5),
    p99ms: at(0.99),
    trail: { ok: verified.ok, checked: verified.checked },
  }),
);
