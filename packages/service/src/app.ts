/**
 * The decision service on Fastify:
 *
 *   POST /v1/decide/:point   facts (JSON) → the decision, with its decision id, once recorded
 *                            (response.ts: sources once, by id); `?explain=1` adds each
 *                            outcome's alternatives (why not), `?trace=1` the trace
 *   GET  /v1/policy          the policy in force: name, version, hash, points
 *   GET  /openapi.json       the OpenAPI 3.1 document (public)
 *   GET  /health/live        the process is up (public)
 *   GET  /health/ready       policies loaded and the audit store reachable (public; 503 otherwise)
 *   GET  /metrics            Prometheus metrics (public)
 *
 * Every other request needs a bearer token (`auth.ts`) and is rate-limited per caller. Bodies
 * are read by the strict JSON reader (UTF-8 only, bounded size and nesting); facts are then
 * checked by `decide()` itself, which refuses anything it cannot check. A decision is given
 * only once its record is durable in the audit trail; if it cannot be recorded, the caller
 * gets 503 and no decision. Logs are JSON lines with the decision id and the caller's name,
 * and never the client's address, the query string or the facts.
 */
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { decisionEntry, type AuditStore } from '@vot/audit';
import { formatStrictJsonError } from '@vot/engine/tools';
import { parseStrictJson, PolicyError, type Decision, type Diagnostic, type PolicySet, type StrictJsonError } from '@vot/engine';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { Authenticator } from './auth.js';
import { createMetrics, type ServiceMetrics } from './metrics.js';
import { decisionSchema, openApiDocument } from './openapi.js';
import { serviceDecision } from './response.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller's name ('' on public routes). */
    caller: string;
  }
}

export interface ServiceLimits {
  /** Largest request body, in bytes (a fact record is a few hundred). */
  bodyLimit: number;
  /** Deepest JSON nesting accepted (a fact record is flat). */
  maxDepth: number;
  /** Time to receive a request's headers, in ms. */
  headersTimeout: number;
  /** Time to receive a whole request, headers and body, in ms. */
  requestTimeout: number;
  /** Time an idle keep-alive connection is kept between requests, in ms. */
  keepAliveTimeout: number;
  /** Time a connection may stay silent before it is closed, in ms. */
  idleTimeout: number;
}

export const defaultLimits: ServiceLimits = Object.freeze({
  bodyLimit: 64 * 1024,
  maxDepth: 16,
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  idleTimeout: 60_000,
});

export interface ServiceOptions {
  policies: PolicySet;
  audit: AuditStore;
  authenticator: Authenticator;
  /** Requests per caller per window (default 600 a minute). */
  rateLimit?: { max: number; timeWindowMs?: number };
  limits?: Partial<ServiceLimits>;
  logLevel?: string;
  /** Where JSON logs go (default: stdout). */
  logStream?: DestinationStream;
}

export interface DecisionService {
  app: FastifyInstance;
  metrics: ServiceMetrics;
  /** Readiness goes 503 at once; requests in flight finish; then the audit store is flushed and closed. */
  close(): Promise<void>;
}

interface ErrorBody {
  error: string;
  message: string;
  diagnostics: Array<Diagnostic | Record<string, unknown>>;
}

const refusal = (error: string, message: string, diagnostics: ErrorBody['diagnostics'] = []): ErrorBody => ({
  error,
  message,
  diagnostics,
});

class InvalidJsonError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly detail: StrictJsonError | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Headers on every response: nothing here is a page to frame, sniff, cache or refer from. */
const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const publicRoute = { config: { public: true, rateLimit: false as const } };
const isPublic = (request: FastifyRequest): boolean => (request.routeOptions.config as { public?: boolean }).public === true;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A yes/no query parameter: `1` or `true`, `0`, `false` or absent; anything else (a repeated
 * one too) is a 400. `?explain=1`: each outcome's alternatives; `?trace=1`: the trace.
 */
function flagQuery(request: FastifyRequest, name: 'explain' | 'trace'): boolean {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw Object.assign(new Error(`\`${name}\` takes 1 or 0 (true or false), once`), { statusCode: 400 });
}

/**
 * The engine's options for a request: alternatives only with `?explain=1`; and without `?trace=1`
 * (nor explain) no explanation of the rules that did not hold, as no trace is sent.
 */
const decideOptions = (explain: boolean, trace: boolean): { explain?: boolean } =>
  explain ? { explain: true } : trace ? {} : { explain: false };

export async function buildService(options: ServiceOptions): Promise<DecisionService> {
  const { policies, audit, authenticator } = options;
  const limits: ServiceLimits = { ...defaultLimits, ...options.limits };
  const metrics = createMetrics();
  let closing = false;

  const logger = pino(
    {
      level: options.logLevel ?? 'info',
      base: { service: 'vot-service' },
      // The route, never the raw URL (a query string could carry anything) or the client's address.
      serializers: {
        req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? '(none)' }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: stdSerializers.err,
      },
    },
    options.logStream ?? process.stdout,
  );
  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'decisionId' }),
    requestIdHeader: false,
    trustProxy: false,
    bodyLimit: limits.bodyLimit,
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    connectionTimeout: limits.idleTimeout,
    http: { headersTimeout: limits.headersTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1000, limits.headersTimeout / 4)) },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance;

  // JSON only, UTF-8 only, read strictly: a duplicate key or a rounded number is refused, not decided on.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
      done(Object.assign(new Error(`charset ${charset} is not accepted: send UTF-8`), { statusCode: 415 }), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new InvalidJsonError(undefined, 'the body is not valid UTF-8'), undefined);
      return;
    }
    const parsed = parseStrictJson(text, { maxDepth: limits.maxDepth });
    if (parsed.ok) done(null, parsed.value);
    else done(new InvalidJsonError(parsed.error, `the body is not accepted as JSON: ${formatStrictJsonError(parsed.error)}`), undefined);
  });

  app.decorateRequest('caller', '');
  app.addHook('onRequest', async (request, reply) => {
    if (isPublic(request)) return;
    const result = await authenticator.authenticate(request.headers.authorization);
    if ('caller' in result) {
      request.caller = result.caller;
      // The request's own logger (Fastify made it for this request) takes the caller: cheaper
      // than a second child logger per request, and every later line carries it.
      (request.log as Logger).setBindings({ caller: result.caller });
      return;
    }
    metrics.refused.inc({ reason: 'unauthorized' });
    request.log.info({ refused: result.refused }, 'unauthorized');
    reply.header('www-authenticate', result.refused === 'missing' ? 'Bearer realm="vot"' : 'Bearer realm="vot", error="invalid_token"');
    return reply.code(401).send(refusal('unauthorized', `authentication required: ${result.reason}`));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders);
    reply.header('decision-id', request.id);
    // While closing, a request still in flight ends its connection too, so the drain does not wait for keep-alive.
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  await app.register(rateLimit, {
    global: true,
    max: options.rateLimit?.max ?? 600,
    timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
    // Per caller: the limit runs after authentication (a route hook, after the global one), and
    // the public routes are not limited, so every limited request has a caller.
    keyGenerator: (request) => `caller:${request.caller}`,
    onExceeded: () => metrics.refused.inc({ reason: 'rate-limited' }),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`too many requests: at most ${context.max} in ${context.after}`), { statusCode: 429 }),
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof PolicyError) {
      request.log.info({ refused: error.diagnostics.map((d) => d.code) }, 'facts refused');
      return reply.code(400).send(refusal('facts-refused', error.message, [...error.diagnostics]));
    }
    if (error instanceof InvalidJsonError) {
      metrics.refused.inc({ reason: 'invalid-json' });
      const detail = error.detail;
      const diagnostics = detail
        ? [
            {
              code: 'invalid-json',
              severity: 'error',
              message: detail.message,
              start: { line: detail.line, column: detail.column },
              path: detail.path,
            },
          ]
        : [];
      return reply.code(400).send(refusal('invalid-json', error.message, diagnostics));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'internal error');
      return reply.code(500).send(refusal('internal-error', 'internal error'));
    }
    const named: Record<number, [string, string]> = {
      413: ['body-too-large', `the body is larger than ${limits.bodyLimit} bytes`],
      415: ['unsupported-media-type', `send the facts as application/json in UTF-8 (${error.message})`],
      429: ['rate-limited', error.message],
    };
    const [code, message] = named[status] ?? ['bad-request', error.message];
    if (status === 413 || status === 415) metrics.refused.inc({ reason: code });
    return reply.code(status).send(refusal(code, message));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(refusal('not-found', 'no such route; see /openapi.json')));

  app.get('/health/live', publicRoute, async () => ({ status: 'live' }));
  app.get('/health/ready', publicRoute, async (request, reply) => {
    if (closing) return reply.code(503).send({ status: 'closing' });
    try {
      await audit.check();
    } catch (error) {
      request.log.warn({ err: error }, 'audit store not ready');
      return reply.code(503).send({ status: 'not-ready', audit: 'unreachable' });
    }
    return { status: 'ready', policy: policies.policy };
  });
  app.get('/metrics', publicRoute, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  const document = openApiDocument(policies);
  app.get('/openapi.json', publicRoute, async () => document);
  app.get('/v1/policy', async () => ({ ...policies.policy, points: policies.points }));

  for (const point of policies.model.points) {
    // The response schema is the OpenAPI document's `Decision`: Fastify compiles it into the
    // serialiser for 200 answers (fast-json-stringify), so what is documented is what is sent.
    app.post(`/v1/decide/${point.id}`, { schema: { response: { 200: decisionSchema } } }, async (request, reply) => {
      const explain = flagQuery(request, 'explain');
      const trace = flagQuery(request, 'trace');
      const stopTimer = metrics.latency.startTimer({ point: point.id });
      let decision: Decision;
      try {
        // The facts are checked here, once: the body is only read (strict JSON), never given a
        // schema of its own, and the audit entry takes the facts the decision keeps.
        decision = await policies.decide(point.id, request.body, decideOptions(explain, trace));
      } catch (error) {
        if (error instanceof PolicyError) metrics.decisions.inc({ point: point.id, result: 'refused' });
        throw error;
      }
      try {
        await audit.append(decisionEntry({ id: request.id, caller: request.caller, decision, at: new Date() }));
      } catch (error) {
        metrics.decisions.inc({ point: point.id, result: 'failed' });
        request.log.error({ err: error }, 'decision not recorded, so not given');
        // The route's schema types only the 200 answer; a refusal is sent as any other.
        return (reply as FastifyReply)
          .code(503)
          .send(refusal('audit-unavailable', 'the decision could not be recorded in the audit trail, so it is not given; try again later'));
      }
      stopTimer();
      metrics.decisions.inc({ point: point.id, result: 'decided' });
      // Counted per status, once each: a dozen outcomes are a handful of statuses.
      const byStatus = new Map<string, number>();
      for (const outcome of decision.outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
      for (const [status, count] of byStatus) metrics.outcomes.inc({ point: point.id, status }, count);
      if ((request.log as Logger).isLevelEnabled('info'))
        request.log.info(
          { point: point.id, policy: decision.policy.hash, outcomes: decision.outcomes.map((o) => `${o.id}:${o.status}`) },
          'decided',
        );
      return serviceDecision(request.id, decision, trace);
    });
  }
  // Known points have their own routes above (static routes win); this one answers the rest,
  // with the engine's unknown-point diagnostic (the list of points and `did you mean`).
  app.post('/v1/decide/:point', async (request, reply) => {
    const { point } = request.params as { point: string };
    try {
      policies.validateFacts(point, {});
    } catch (error) {
      if (error instanceof PolicyError) return reply.code(404).send(refusal('unknown-point', error.message, [...error.diagnostics]));
      throw error;
    }
    return reply.code(404).send(refusal('unknown-point', 'unknown decision point', []));
  });

  return {
    app,
    metrics,
    async close() {
      closing = true;
      try {
        await app.close();
      } finally {
        await audit.close();
      }
    },
  };
}
