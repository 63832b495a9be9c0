/**
 * Two instances of the decision service writing to one PostgreSQL database at once (started by
 * this test in a temporary folder, on a free loopback port) keep one unbroken chain: N decisions
 * give N records, one per decision id given out, and `vot audit verify` passes.
 */
import { openPostgresStore } from '@vot/audit';
import { loadPolicies } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';
import { startPostgres, type PostgresCluster } from './postgres-cluster.js';
import { decide, reactionFacts, startTestService, testTokens, type TestService } from './service-harness.js';

let cluster: PostgresCluster;
const services: TestService[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map((service) => service.dispose()));
  await cluster?.stop();
});

describe('two service instances on one PostgreSQL trail', () => {
  it('keep one unbroken chain: N decisions at once give N records and verify passes', async () => {
    const url = await cluster.database('shared_trail');
    const policies = await loadPolicies();
    for (let i = 0; i < 2; i++) services.push(await startTestService({ policies, audit: () => openPostgresStore(url, 'shared') }));
    const [first, second] = services as [TestService, TestService];
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
    const perInstance = 60;
    const responses = await Promise.all(
      Array.from({ length: perInstance * 2 }, (_, i) => {
        const service = i % 2 === 0 ? first : second;
        const token = i % 4 < 2 ? testTokens['case-system'] : testTokens['contact-centre'];
        return decide(service.url, 'reaction', { ...reactionFacts, priorIncidents: i % 5 }, token);
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const given = await Promise.all(responses.map(async (r) => ((await r.json()) as { decisionId: string }).decisionId));

    const rows = JSON.parse(
      await cluster.sql('shared_trail', 'SELECT count(*)::int AS n, max(seq)::int AS head FROM vot_audit_chain'),
    ) as Array<{ n: number; head: number }>;
    expect(rows).toEqual([{ n: perInstance * 2, head: perInstance * 2 }]);
    const ids = JSON.parse(await cluster.sql('shared_trail', 'SELECT decision_id FROM vot_audit_chain ORDER BY seq')) as Array<{
      decision_id: string;
    }>;
    expect(ids.map((row) => row.decision_id).sort()).toEqual([...given].sort());

    const verify = await runVot(['audit', 'verify', url]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`${perInstance * 2} records checked, the chain is unbroken`);
    const replay = await runVot(['replay', url, '--format', 'json']);
    expect(JSON.parse(replay.stdout)).toMatchObject({ total: perInstance * 2, unchanged: perInstance * 2 });
  });
});
