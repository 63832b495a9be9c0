/**
 * @vot/service on loopback, started and stopped by each test: authentication (tokens, JWTs,
 * nothing), the rate limit, the timeouts against slow clients, the body rules, the security
 * headers, readiness and metrics, a decision withheld when it cannot be recorded, and a
 * graceful shutdown that finishes what is in flight and flushes the trail.
 */
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openJsonlStore, type AuditStore } from '@vot/audit';
import { loadPolicies, type PolicySet } from '@vot/policies';
import { loadAuthenticator, noAuthentication } from '@vot/service';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';
import {
  decide,
  outcomesWithSources,
  reactionFacts,
  startTestService,
  testTokens,
  type ServiceAnswer,
  type TestService,
  type TestServiceOptions,
} from './service-harness.js';

let policies: PolicySet;
const running: TestService[] = [];

beforeAll(async () => {
  policies = await loadPolicies();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.dispose()));
});

async function start(options: Omit<TestServiceOptions, 'policies'> = {}): Promise<TestService> {
  const service = await startTestService({ policies, ...options });
  running.push(service);
  return service;
}

const verified = async (trail: string) => (await runVot(['audit', 'verify', trail, '--format', 'json'])).stdout;

describe('authentication', () => {
  it('refuses a request without a token, or with an unknown one, with 401 and WWW-Authenticate; a listed token decides as its caller', async () => {
    const service = await start();
    const none = await decide(service.url, 'reaction', reactionFacts, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="vot"');
    expect(await none.json()).toMatchObject({ error: 'unauthorized' });
    for (const authorization of ['Bearer not-a-listed-token', 'Basic Y2FzZTpzeXN0ZW0=', `Bearer ${testTokens['case-system']}x`, 'Bearer']) {
      const wrong = await fetch(`${service.url}/v1/decide/reaction`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify(reactionFacts),
      });
      expect(wrong.status, authorization).toBe(401);
      expect(wrong.headers.get('www-authenticate'), authorization).toBe('Bearer realm="vot", error="invalid_token"');
    }
    expect((await fetch(`${service.url}/v1/policy`)).status).toBe(401);
    const ok = await decide(service.url, 'reaction', reactionFacts, testTokens['contact-centre']);
    expect(ok.status).toBe(200);
    // Refused requests decided nothing and recorded nothing.
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 1 });
    const decided = service.logs.find((line) => line.msg === 'decided');
    expect(decided).toMatchObject({ caller: 'contact-centre' });
    // Health, metrics and the API description are public.
    for (const path of ['/health/live', '/health/ready', '/metrics', '/openapi.json'])
      expect((await fetch(`${service.url}${path}`)).status, path).toBe(200);
  });

  it('logs each request with its own caller when callers interleave, as the trail records them', async () => {
    const service = await start();
    const callers = Object.keys(testTokens) as Array<keyof typeof testTokens>;
    const answers = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const caller = callers[i % callers.length]!;
        const response = await decide(service.url, 'reaction', reactionFacts, testTokens[caller]);
        return { caller, decisionId: ((await response.json()) as { decisionId: string }).decisionId };
      }),
    );
    await service.close();
    const recorded = new Map(
      (await readFile(service.trail, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; caller: string })
        .map((record) => [record.id, record.caller]),
    );
    const logged = new Map(service.logs.filter((line) => line.msg === 'decided').map((line) => [line.decisionId, line.caller]));
    for (const { caller, decisionId } of answers) {
      expect(recorded.get(decisionId), decisionId).toBe(caller);
      expect(logged.get(decisionId), decisionId).toBe(caller);
    }
  });

  it('accepts a JWT signed by a key of the JWKS file for the configured audience and issuer, and nothing else', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const other = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const folder = (await start()).folder;
    const jwksFile = join(folder, 'jwks.json');
    await writeFile(jwksFile, JSON.stringify({ keys: [jwk] }));
    const service = await start({
      authenticator: await loadAuthenticator({ jwksFile, jwtAudience: 'vot-decisions', jwtIssuer: 'https://idp.example' }),
    });
    const sign = (key: CryptoKey, claims: { sub?: string; aud?: string; iss?: string; exp?: number | string }, alg = 'ES256') => {
      let jwt = new SignJWT({}).setProtectedHeader({ alg, kid: 'k1' }).setIssuedAt();
      if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub);
      if (claims.aud !== undefined) jwt = jwt.setAudience(claims.aud);
      if (claims.iss !== undefined) jwt = jwt.setIssuer(claims.iss);
      if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
      return jwt.sign(key);
    };
    const good = { sub: 'gosys', aud: 'vot-decisions', iss: 'https://idp.example', exp: '5 minutes' };
    const ok = await decide(service.url, 'reaction', reactionFacts, await sign(privateKey, good));
    expect(ok.status).toBe(200);
    expect(service.logs.find((line) => line.msg === 'decided')).toMatchObject({ caller: 'gosys' });
    const refused: Array<[string, string]> = [
      ['another key', await sign(other.privateKey, good)],
      ['another audience', await sign(privateKey, { ...good, aud: 'payroll' })],
      ['another issuer', await sign(privateKey, { ...good, iss: 'https://evil.example' })],
      ['expired', await sign(privateKey, { ...good, exp: Math.floor(Date.now() / 1000) - 3600 })],
      ['no subject', await sign(privateKey, { ...good, sub: undefined })],
      ['a subject that is not a name', await sign(privateKey, { ...good, sub: 'a\nb' })],
      [
        'unsigned',
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...good, exp: 9e9 })).toString('base64url')}.`,
      ],
      [
        'HS256 with the public key as secret',
        await new SignJWT({ sub: 'gosys' })
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .setAudience('vot-decisions')
          .setIssuer('https://idp.example')
          .setExpirationTime('5 minutes')
          .sign(new TextEncoder().encode(JSON.stringify(jwk))),
      ],
    ];
    for (const [name, token] of refused) {
      const response = await decide(service.url, 'reaction', reactionFacts, token);
      expect(response.status, name).toBe(401);
      expect(response.headers.get('www-authenticate'), name).toContain('error="invalid_token"');
    }
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 1 });
  });

  it('serves everyone as `anonymous` only when started without authentication on purpose', async () => {
    const service = await start({ authenticator: noAuthentication });
    expect((await decide(service.url, 'reaction', reactionFacts, null)).status).toBe(200);
    const record = JSON.parse((await runVot(['audit', 'export', service.trail])).stdout) as { caller: string };
    expect(record.caller).toBe('anonymous');
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After once a caller has used its requests, and counts each caller apart', async () => {
    const service = await start({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await decide(service.url, 'reaction', reactionFacts)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await decide(service.url, 'reaction', reactionFacts);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: 'rate-limited' });
    expect((await decide(service.url, 'reaction', reactionFacts, testTokens['contact-centre'])).status).toBe(200);
    // Readiness and metrics are not limited: a load balancer polling them is not a caller.
    for (let i = 0; i < 5; i++) expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/metrics`)).text()).toMatch(/vot_requests_refused_total\{reason="rate-limited"\} 3/);
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 4 });
  });
});

/** A raw connection that sends `parts` with `gapMs` between them; resolves with what came back and when the server closed it. */
async function slowClient(
  port: number,
  parts: string[],
  gapMs: number,
  waitMs = 8000,
): Promise<{ closedAfterMs: number; response: string; sent: number }> {
  const socket = connect(port, '127.0.0.1');
  let response = '';
  let closedAt = 0;
  socket.on('data', (data: Buffer) => (response += data.toString('latin1')));
  socket.on('error', () => {});
  const closed = once(socket, 'close').then(() => (closedAt = Date.now()));
  await once(socket, 'connect');
  const started = Date.now();
  let sent = 0;
  for (const part of parts) {
    if (closedAt) break;
    socket.write(part);
    sent++;
    await Promise.race([sleep(gapMs), closed]);
  }
  await Promise.race([closed, sleep(waitMs)]);
  socket.destroy();
  return { closedAfterMs: closedAt ? closedAt - started : Number.POSITIVE_INFINITY, response, sent };
}

describe('timeouts against slow clients on loopback', () => {
  const limits = { headersTimeout: 600, requestTimeout: 1200, keepAliveTimeout: 400, idleTimeout: 2000 };
  const auth = `Authorization: Bearer ${testTokens['case-system']}\r\n`;

  it('cuts off a client that sends its headers too slowly', async () => {
    const service = await start({ limits });
    const headers = `POST /v1/decide/reaction HTTP/1.1\r\nHost: vot\r\n${auth}Content-Type: application/json\r\nX-Padding: ${'x'.repeat(40)}\r\n\r\n`;
    const result = await slowClient(service.port, headers.split(''), 100);
    expect(result.closedAfterMs).toBeLessThan(3000);
    expect(result.sent).toBeLessThan(headers.length);
    expect(result.response).not.toContain('200 OK');
    // The same server answers a client that is not slow.
    expect((await decide(service.url, 'reaction', reactionFacts)).status).toBe(200);
  });

  it('cuts off a client that sends its body too slowly, and decides nothing for it', async () => {
    const service = await start({ limits });
    const body = JSON.stringify(reactionFacts);
    const head = `POST /v1/decide/reaction HTTP/1.1\r\nHost: vot\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const chunks = [head, ...(body.match(/.{1,8}/g) ?? [])];
    const result = await slowClient(service.port, chunks, 250);
    expect(result.closedAfterMs).toBeLessThan(4000);
    expect(result.sent).toBeLessThan(chunks.length);
    expect(result.response).toMatch(/^HTTP\/1\.1 408 |^$/);
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 0 });
  });

  it('closes a connection that says nothing, and a kept-alive connection left idle', async () => {
    const service = await start({ limits });
    const silent = await slowClient(service.port, [], 0);
    expect(silent.closedAfterMs).toBeLessThan(4000);
    const body = JSON.stringify(reactionFacts);
    const request = `POST /v1/decide/reaction HTTP/1.1\r\nHost: vot\r\n${auth}Connection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const kept = await slowClient(service.port, [request], 0);
    expect(kept.response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(kept.closedAfterMs).toBeLessThan(3000);
  });
});

describe('what a body must be', () => {
  it('refuses other media types (415), other charsets (415), big bodies (413), bad UTF-8 and JSON that would be read differently (400)', async () => {
    const service = await start({ limits: { bodyLimit: 1024 } });
    const send = (body: string | Blob, contentType: string) =>
      decide(service.url, 'reaction', body, undefined, {
        'content-type': contentType,
        authorization: `Bearer ${testTokens['case-system']}`,
      });
    const cases: Array<[string, Response, number, string]> = [
      ['text/plain', await send(JSON.stringify(reactionFacts), 'text/plain'), 415, 'unsupported-media-type'],
      ['form', await send('a=1', 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type'],
      ['latin-1', await send(JSON.stringify(reactionFacts), 'application/json; charset=iso-8859-1'), 415, 'unsupported-media-type'],
      ['too large', await send(JSON.stringify({ ...reactionFacts, pad: 'x'.repeat(2000) }), 'application/json'), 413, 'body-too-large'],
      [
        'bad UTF-8',
        await send(new Blob([new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])]), 'application/json'),
        400,
        'invalid-json',
      ],
      [
        'rounded',
        await send(
          JSON.stringify(reactionFacts).replace('"priorIncidents":2', '"priorIncidents":0.99999999999999999999'),
          'application/json',
        ),
        400,
        'invalid-json',
      ],
      ['duplicate', await send('{"grave": false, "grave": true}', 'application/json'), 400, 'invalid-json'],
      ['deep', await send(`${'['.repeat(40)}${']'.repeat(40)}`, 'application/json'), 400, 'invalid-json'],
    ];
    for (const [name, response, status, error] of cases) {
      expect(response.status, name).toBe(status);
      expect(((await response.json()) as { error: string }).error, name).toBe(error);
    }
    const rounded = (await (
      await send('{"organisation": "nav-office",\n "priorIncidents": 0.99999999999999999999}', 'application/json')
    ).json()) as {
      diagnostics: unknown[];
    };
    expect(rounded.diagnostics).toEqual([
      {
        code: 'invalid-json',
        severity: 'error',
        message: 'number `0.99999999999999999999` cannot be read exactly: it would become 1',
        start: { line: 2, column: 20 },
        path: '$.priorIncidents',
      },
    ]);
    expect((await send(JSON.stringify(reactionFacts), 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('puts the security headers and a decision id on every response, answered or refused', async () => {
    const service = await start();
    const responses = [
      await decide(service.url, 'reaction', reactionFacts),
      await decide(service.url, 'reaction', reactionFacts, null),
      await fetch(`${service.url}/nowhere`, { headers: { authorization: `Bearer ${testTokens['case-system']}` } }),
      await fetch(`${service.url}/health/live`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    const ids = new Set<string>();
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      ids.add(response.headers.get('decision-id') ?? '');
    }
    expect([...ids].every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(ids.size).toBe(4);
  });
});

/** The JSONL store, with its check or its appends made to fail or wait on demand. */
function controllableStore(control: { checkFails?: boolean; appendFails?: boolean; appendDelayMs?: number }) {
  return async (trail: string): Promise<AuditStore> => {
    const store = await openJsonlStore(trail);
    return {
      display: store.display,
      async append(entry) {
        if (control.appendDelayMs) await sleep(control.appendDelayMs);
        if (control.appendFails) throw new Error('disk full');
        return store.append(entry);
      },
      async check() {
        if (control.checkFails) throw new Error('unreachable');
        return store.check();
      },
      close: () => store.close(),
    };
  };
}

describe('operations', () => {
  it('is ready only while the trail is reachable, and gives no decision it could not record (503)', async () => {
    const control = { checkFails: false, appendFails: false };
    const service = await start({ audit: controllableStore(control) });
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    control.checkFails = true;
    const notReady = await fetch(`${service.url}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not-ready', audit: 'unreachable' });
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    control.appendFails = true;
    const withheld = await decide(service.url, 'reaction', reactionFacts);
    expect(withheld.status).toBe(503);
    const body = (await withheld.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'audit-unavailable' });
    expect(body).not.toHaveProperty('outcomes');
    expect(await (await fetch(`${service.url}/metrics`)).text()).toContain('vot_decisions_total{point="reaction",result="failed"} 1');
  });

  it('counts decisions by point and result, outcomes by status, and their latency, for Prometheus', async () => {
    const service = await start();
    for (let i = 0; i < 3; i++) expect((await decide(service.url, 'reaction', reactionFacts)).status).toBe(200);
    expect((await decide(service.url, 'reaction', { ...reactionFacts, grave: 'yes' })).status).toBe(400);
    expect(
      (await decide(service.url, 'follow-up', { organisation: 'nav-office', employeeEmployer: 'state', incidentType: 'threat-in-person' }))
        .status,
    ).toBe(200);
    const response = await fetch(`${service.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('vot_decisions_total{point="reaction",result="decided"} 3');
    expect(text).toContain('vot_decisions_total{point="reaction",result="refused"} 1');
    expect(text).toContain('vot_decisions_total{point="follow-up",result="decided"} 1');
    const permitted = (await policies.decide('reaction', reactionFacts)).outcomes.filter((o) => o.status === 'permitted').length;
    expect(text).toContain(`vot_decision_outcomes_total{point="reaction",status="permitted"} ${3 * permitted}`);
    expect(text).toContain('vot_decision_duration_seconds_count{point="reaction"} 3');
    expect(text).toMatch(/vot_service_process_cpu_seconds_total \d/);
  });

  it('shuts down gracefully: stops taking requests, finishes those in flight, and flushes the trail', async () => {
    const service = await start({ audit: controllableStore({ appendDelayMs: 400 }) });
    const inFlight = Array.from({ length: 5 }, () => decide(service.url, 'reaction', reactionFacts));
    await sleep(150);
    const closing = service.close();
    await sleep(50);
    await expect(decide(service.url, 'reaction', reactionFacts)).rejects.toThrow();
    const statuses = await Promise.all(inFlight.map(async (response) => (await response).status));
    await closing;
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 5 });
  });
});

describe('why not (?explain=1)', () => {
  const firstThreat = { ...reactionFacts, priorIncidents: 0, writtenWarningGiven: false };

  it('adds each outcome its alternatives with ?explain=1, as decide(…, { explain: true }) does, and records the decision as without', async () => {
    const service = await start();
    const explained = await decide(service.url, 'reaction?explain=1', firstThreat);
    expect(explained.status).toBe(200);
    const body = (await explained.json()) as ServiceAnswer;
    const engine = await policies.decide('reaction', firstThreat, { explain: true });
    expect(outcomesWithSources(body)).toEqual(JSON.parse(JSON.stringify(engine.outcomes)));
    expect((body.outcomes.find((o) => o.id === 'exclusion-physical')!.alternatives as unknown[])[0]).toMatchObject({
      status: 'permitted',
      change: { grave: true },
      text: { en: '«Exclusion from physical attendance» would be permitted if grave incident were yes.' },
    });
    const plain = await decide(service.url, 'reaction?explain=0', firstThreat);
    expect(JSON.stringify(await plain.json())).not.toContain('alternatives');
    // The trail keeps the outcomes, never the alternatives (they follow from the facts and the policy hash).
    expect(await readFile(service.trail, 'utf8')).not.toContain('alternatives');
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 2 });
  });

  it('refuses an explain other than 1 or 0 with 400, deciding and recording nothing', async () => {
    const service = await start();
    for (const query of ['explain=yes', 'explain=', 'explain=1&explain=1']) {
      const response = await decide(service.url, `reaction?${query}`, firstThreat);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: 'bad-request', message: '`explain` takes 1 or 0 (true or false), once' });
    }
    expect(JSON.parse(await verified(service.trail))).toMatchObject({ ok: true, checked: 0 });
  });

  it('describes the explain parameter and the alternatives in its OpenAPI document', async () => {
    const service = await start();
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      paths: Record<string, { post: { parameters: Array<{ name: string; in: string }> } }>;
      components: { schemas: { Decision: { properties: { outcomes: { items: { properties: Record<string, unknown> } } } } } };
    };
    for (const point of policies.model.points)
      expect(document.paths[`/v1/decide/${point.id}`]!.post.parameters).toContainEqual(
        expect.objectContaining({ name: 'explain', in: 'query' }),
      );
    expect(document.components.schemas.Decision.properties.outcomes.items.properties.alternatives).toMatchObject({
      type: 'array',
      items: { required: ['status', 'change', 'text'] },
    });
  });
});
