/**
 * An HTTP decision service for @vot/policies on Fastify:
 *
 *   POST /v1/decide/:point   facts (JSON) → the decision; 400 with diagnostics for bad facts
 *   GET  /v1/policy          the policy in force: name, version, hash, points
 *   GET  /openapi.json       the OpenAPI 3.1 document, generated from the fact schemas
 *   GET  /health             liveness, with the policy hash
 *
 * Request bodies are validated with the same zod schemas the engine validates facts with
 * (`pointFactsSchema`), and the refusal carries the engine's diagnostics, naming each fact.
 * Logs are structured JSON (pino): one line per decision with point, policy hash and outcomes.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { pino, type DestinationStream } from 'pino';
import { PolicyError, pointFactsSchema, type Diagnostic, type PolicySet } from '@vot/engine';
import { openApiDocument } from './openapi.js';

export interface DecisionServiceOptions {
  policies: PolicySet;
  /** Where structured logs go (default: stdout). */
  logStream?: DestinationStream;
  logLevel?: string;
}

/** Biggest request body accepted: a fact record is a few hundred bytes. */
const bodyLimit = 64 * 1024;

interface ErrorBody {
  error: string;
  message: string;
  diagnostics: Diagnostic[];
}

const refusal = (error: string, message: string, diagnostics: Diagnostic[]): ErrorBody => ({ error, message, diagnostics });

export function buildDecisionService(options: DecisionServiceOptions): FastifyInstance {
  const { policies } = options;
  const logger = pino(
    { level: options.logLevel ?? 'info', base: { service: 'vot-decision-service' } },
    options.logStream ?? process.stdout,
  );
  const serverOptions: FastifyServerOptions = {
    bodyLimit,
    loggerInstance: logger,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  };
  const app = Fastify(serverOptions) as unknown as FastifyInstance;

  // Body schemas are zod schemas; a failed parse is refused with the engine's own diagnostics
  // for the same input (same per-fact schemas), so a host sees `did you mean` hints too.
  app.setValidatorCompiler<{ point: string; schema: ReturnType<typeof pointFactsSchema> }>(({ schema }) => (data: unknown) => {
    const parsed = schema.schema.safeParse(data);
    if (parsed.success) return { value: data };
    try {
      policies.validateFacts(schema.point, data);
    } catch (error) {
      if (error instanceof PolicyError) return { error };
    }
    return { error: new PolicyError(`facts refused for point \`${schema.point}\``, []) };
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof PolicyError) {
      request.log.info({ refused: error.diagnostics.map((d) => d.code) }, 'facts refused');
      return reply.code(400).send(refusal('facts-refused', error.message, [...error.diagnostics]));
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'internal error');
    return reply
      .code(status)
      .send(refusal(status >= 500 ? 'internal-error' : 'bad-request', status >= 500 ? 'internal error' : (error as Error).message, []));
  });

  app.get('/health', async () => ({ status: 'ok', policy: policies.policy }));
  app.get('/v1/policy', async () => ({ ...policies.policy, points: policies.points }));
  const document = openApiDocument(policies);
  app.get('/openapi.json', async () => document);

  for (const point of policies.model.points) {
    const schema = { point: point.id, schema: pointFactsSchema(policies.model.facts, point) };
    app.post(`/v1/decide/${point.id}`, { schema: { body: schema } }, async (request) => {
      const decision = await policies.decide(point.id, request.body);
      request.log.info(
        { point: point.id, policy: decision.policy.hash, outcomes: decision.outcomes.map((o) => `${o.id}:${o.status}`) },
        'decided',
      );
      return decision;
    });
  }
  // Known points have their own routes above (static routes win); this one only answers the
  // rest, with the engine's unknown-point diagnostic (its list of points and `did you mean`).
  app.post('/v1/decide/:point', async (request, reply) => {
    const { point } = request.params as { point: string };
    try {
      policies.validateFacts(point, {});
    } catch (error) {
      if (error instanceof PolicyError) return reply.code(404).send(refusal('unknown-point', error.message, [...error.diagnostics]));
      throw error;
    }
    return reply.code(404).send(refusal('unknown-point', `unknown decision point \`${point}\``, []));
  });
  return app;
}
