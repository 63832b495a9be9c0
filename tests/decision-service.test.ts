/**
 * The example HTTP decision service, end to end: started on 127.0.0.1 with a free port, called
 * over HTTP, refusing bad facts with 400 and the engine's diagnostics, logging structured
 * JSON, and stopped.
 */
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { loadPolicies, type Policies } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecisionService } from '../examples/decision-service/src/app.js';

let policies: Policies;
let app: ReturnType<typeof buildDecisionService>;
let base: string;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  policies = await loadPolicies();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = buildDecisionService({ policies, logStream });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const reactionFacts = {
  organisation: 'nav-office',
  employeeEmployer: 'municipal',
  incidentType: 'threat-in-person',
  channel: 'in-person',
  grave: false,
  priorIncidents: 2,
  writtenWarningGiven: true,
  injury: 'none',
};

describe('decision service', () => {
  it('answers /health and /v1/policy with the policy in force', async () => {
    const health = (await (await fetch(`${base}/health`)).json()) as { status: string; policy: { hash: string } };
    expect(health).toEqual({ status: 'ok', policy: policies.policy });
    const policy = (await (await fetch(`${base}/v1/policy`)).json()) as { version: string; points: string[] };
    expect(policy).toEqual({ ...policies.policy, points: policies.points });
  });

  it('decides over HTTP exactly as the library does', async () => {
    const response = await post('/v1/decide/reaction', reactionFacts);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(await policies.decide('reaction', reactionFacts as never))));
  });

  it('refuses bad facts with 400 and diagnostics naming each fact', async () => {
    const response = await post('/v1/decide/reaction', { ...reactionFacts, priorIncident: 1, grave: 'yes' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; diagnostics: Array<{ code: string; message: string; help?: string }> };
    expect(body.error).toBe('facts-refused');
    expect(body.diagnostics.map((d) => d.code)).toContain('fact-unknown');
    expect(body.diagnostics.find((d) => d.code === 'fact-unknown')).toMatchObject({
      message: 'unknown fact `priorIncident`',
      help: 'did you mean `priorIncidents`?',
    });
    const missing = await post('/v1/decide/follow-up', { organisation: 'nav-office', incidentType: 'threat-in-person' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as typeof body).diagnostics.map((d) => d.code)).toEqual(['fact-missing']);
  });

  it('refuses an unknown point with 404, and bodies that are not fact records with 400', async () => {
    const unknown = await post('/v1/decide/reactoin', reactionFacts);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { diagnostics: Array<{ help?: string }> }).diagnostics[0]?.help).toBe('did you mean `reaction`?');
    for (const body of ['{ not json', '[1, 2]', '{"__proto__": {"polluted": true}}']) {
      const response = await post('/v1/decide/reaction', body);
      expect(response.status, body).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document whose request schemas are the fact schemas', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as {
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

  it('logs each decision as structured JSON with the policy hash', () => {
    const decided = logLines.filter((line) => line.msg === 'decided');
    expect(decided.length).toBeGreaterThan(0);
    expect(decided[0]).toMatchObject({ service: 'vot-decision-service', point: 'reaction', policy: policies.policy.hash });
    expect(logLines.some((line) => line.msg === 'facts refused')).toBe(true);
  });
});
