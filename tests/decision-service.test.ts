/**
 * The example deployment of the decision service (examples/decision-service), end to end:
 * started on 127.0.0.1 with a free port, a tokens file and a JSON Lines trail; called over
 * HTTP with a token; deciding as the library does; refusing bad facts with 400 and the engine's
 * diagnostics; logging JSON lines with the decision id and the caller; recording every
 * decision in a trail that verifies; and stopped.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadPolicies, type Policies } from '@vot/policies';
import { tokenDigest, type RunningService } from '@vot/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDecisionService } from '../examples/decision-service/src/app.js';
import { runVot } from './cli-harness.js';
import { outcomesWithSources, reactionFacts, type ServiceAnswer } from './service-harness.js';

let policies: Policies;
let service: RunningService;
let dir: string;
const token = 'example-token-0123456789abcdef';
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  policies = await loadPolicies();
  dir = await mkdtemp(join(tmpdir(), 'vot-example-service-'));
  await writeFile(join(dir, 'tokens.txt'), `# callers of the example deployment\ncase-system:${tokenDigest(token)}\n`);
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  service = await startDecisionService(
    { PORT: '0', VOT_TOKENS_FILE: join(dir, 'tokens.txt'), VOT_AUDIT: `jsonl:${join(dir, 'audit.jsonl')}` },
    { logStream },
  );
});

afterAll(async () => {
  await service?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the example deployment of the decision service', () => {
  it('answers readiness and /v1/policy with the policy in force', async () => {
    const ready = (await (await fetch(`${service.url}/health/ready`)).json()) as { status: string; policy: { hash: string } };
    expect(ready).toEqual({ status: 'ready', policy: policies.policy });
    const policy = await (await fetch(`${service.url}/v1/policy`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(policy).toEqual({ ...policies.policy, points: policies.points });
  });

  it('decides over HTTP exactly as the library does, with a decision id', async () => {
    const response = await post('/v1/decide/reaction', reactionFacts);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ServiceAnswer;
    expect(answer.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('decision-id')).toBe(answer.decisionId);
    const library = JSON.parse(JSON.stringify(await policies.decide('reaction', reactionFacts as never)));
    // Everything the library decides but the facts (the host sent them) and the trace (on request).
    expect(Object.keys(answer).sort()).toEqual(['date', 'decisionId', 'outcomes', 'point', 'policy', 'sources']);
    expect({ point: answer.point, date: answer.date, policy: answer.policy }).toEqual({
      point: library.point,
      date: library.date,
      policy: library.policy,
    });
    expect(outcomesWithSources(answer)).toEqual(library.outcomes);
  });

  it('refuses bad facts with 400 and diagnostics naming each fact', async () => {
    const response = await post('/v1/decide/reaction', { ...reactionFacts, priorIncident: 1, grave: 'yes' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; diagnostics: Array<{ code: string; message: string; help?: string }> };
    expect(body.error).toBe('facts-refused');
    expect(body.diagnostics.find((d) => d.code === 'fact-unknown')).toMatchObject({
      message: 'unknown fact `priorIncident`',
      help: 'did you mean `priorIncidents`?',
    });
    const missing = await post('/v1/decide/follow-up', { organisation: 'nav-office', incidentType: 'threat-in-person' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as typeof body).diagnostics.map((d) => d.code)).toEqual(['fact-missing']);
  });

  it('refuses an unknown point with 404, and bodies that are not fact records or not strict JSON with 400', async () => {
    const unknown = await post('/v1/decide/reactoin', reactionFacts);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { diagnostics: Array<{ help?: string }> }).diagnostics[0]?.help).toBe('did you mean `reaction`?');
    for (const body of ['{ not json', '[1, 2]', '{"__proto__": {"polluted": true}}', '{"grave": true, "grave": false}']) {
      const response = await post('/v1/decide/reaction', body);
      expect(response.status, body).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document whose request schemas are the fact schemas', async () => {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: Record<string, { required?: string[]; properties?: Record<string, { enum?: string[] }>; additionalProperties?: boolean }>;
      };
    };
    expect(document.openapi).toBe('3.1.0');
    for (const point of policies.model.points) {
      expect(document.paths).toHaveProperty([`/v1/decide/${point.id}`]);
      const schema = document.components.schemas[`Facts_${point.id.replace(/[^A-Za-z0-9]/g, '_')}`]!;
      expect([...(schema.required ?? [])].sort()).toEqual([...point.requiredFacts].sort());
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties ?? {}).sort()).toEqual(policies.model.facts.map((f) => f.id).sort());
    }
    const organisation = policies.model.facts.find((f) => f.id === 'organisation')!;
    expect(document.components.schemas.Facts_reaction!.properties!.organisation!.enum).toEqual(organisation.values);
  });

  it('logs each decision as JSON with its decision id, the caller and the policy hash, and no client address', () => {
    const decided = logLines.filter((line) => line.msg === 'decided');
    expect(decided.length).toBeGreaterThan(0);
    expect(decided[0]).toMatchObject({ service: 'vot-service', caller: 'case-system', point: 'reaction', policy: policies.policy.hash });
    expect(decided[0]!.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines.some((line) => line.msg === 'facts refused')).toBe(true);
    const requestLines = logLines.filter((line) => line.decisionId !== undefined);
    expect(requestLines.length).toBeGreaterThan(10);
    expect(JSON.stringify(requestLines)).not.toContain('127.0.0.1');
    expect(JSON.stringify(logLines)).not.toMatch(/remoteAddress|remotePort/);
  });

  it('records each decision it gave in a trail that verifies, and none it refused', async () => {
    const trail = join(dir, 'audit.jsonl');
    const lines = (await readFile(trail, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ caller: 'case-system', point: 'reaction', facts: reactionFacts, seq: 1, policy: policies.policy });
    const decided = logLines.find((line) => line.msg === 'decided')!;
    expect(record.id).toBe(decided.decisionId);
    const verify = await runVot(['audit', 'verify', trail]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('1 record checked, the chain is unbroken');
  });
});
