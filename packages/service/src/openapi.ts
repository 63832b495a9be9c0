/**
 * The service's OpenAPI 3.1 document, generated from the policy set: one operation per point,
 * its request body the point's fact schema; every operation but the public ones needs a bearer
 * token.
 */
import { pointFactsJsonSchema, statuses, type PolicySet } from '@vot/engine';

const errorSchema = {
  type: 'object',
  required: ['error', 'message', 'diagnostics'],
  properties: {
    error: {
      type: 'string',
      description:
        '`facts-refused`, `invalid-json`, `unknown-point`, `unauthorized`, `rate-limited`, `body-too-large`, `unsupported-media-type`, `audit-unavailable`, `not-found`, `bad-request` or `internal-error`',
    },
    message: { type: 'string' },
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'severity', 'message'],
        properties: {
          code: { type: 'string' },
          severity: { type: 'string' },
          message: { type: 'string' },
          expected: { type: 'string' },
          received: { type: 'string' },
          help: { type: 'string' },
        },
      },
    },
  },
};

const policySchema = {
  type: 'object',
  required: ['name', 'version', 'hash'],
  properties: { name: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } },
};

const decisionSchema = {
  type: 'object',
  required: ['decisionId', 'point', 'outcomes', 'trace', 'policy'],
  properties: {
    decisionId: {
      type: 'string',
      format: 'uuid',
      description: 'the id of this decision in the audit trail (also the `Decision-Id` header)',
    },
    point: { type: 'string' },
    outcomes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'status', 'basis', 'reason'],
        properties: {
          id: { type: 'string' },
          status: {
            enum: [...statuses],
            description:
              '`required` (a duty), `recommended` (a recommendation, never a duty), `permitted` (an option) or `not-permitted` (forbidden, with the reason why)',
          },
          requires: { type: 'array', items: { type: 'string' } },
          limits: { type: 'object', additionalProperties: { type: 'number' } },
          basis: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, citation: { type: 'string' }, url: { type: 'string' }, verified: { type: 'boolean' } },
            },
          },
          reason: { type: 'object', additionalProperties: { type: 'string' } },
          alternatives: {
            type: 'array',
            description:
              'only with `?explain=1`: for each other status the outcome can take, the smallest changes of the facts that give it (fewest facts, then the nearest values; a handful per status, smallest first); empty when no change of the facts that may vary gives another status',
            items: {
              type: 'object',
              required: ['status', 'change', 'text'],
              properties: {
                status: { enum: ['required', 'recommended', 'permitted', 'not-permitted'] },
                change: {
                  type: 'object',
                  description: 'the facts that would differ, each with the value nearest its current one that gives the status',
                  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
                },
                ranges: {
                  type: 'object',
                  description: 'for a number in `change` that stands for a range of values each giving the status: `[from, to]`, inclusive',
                  additionalProperties: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
                },
                text: {
                  type: 'object',
                  description: 'the alternative as a sentence, in the languages of the reason',
                  additionalProperties: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    trace: { type: 'object' },
    policy: { $ref: '#/components/schemas/Policy' },
  },
};

const explainParameter = {
  name: 'explain',
  in: 'query',
  required: false,
  description: '`1`: add to each outcome its `alternatives`, the smallest changes of the facts that would give it another status',
  schema: { enum: ['1', '0', 'true', 'false'] },
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json({ $ref: '#/components/schemas/Error' }) });

export function openApiDocument(policies: PolicySet): Record<string, unknown> {
  const { model } = policies;
  const open = { security: [] };
  const paths: Record<string, unknown> = {
    '/health/live': { get: { ...open, operationId: 'live', summary: 'The process is up', responses: { 200: { description: 'live' } } } },
    '/health/ready': {
      get: {
        ...open,
        operationId: 'ready',
        summary: 'Policies loaded and the audit trail reachable',
        responses: { 200: { description: 'ready' }, 503: { description: 'not ready, or shutting down' } },
      },
    },
    '/metrics': {
      get: {
        ...open,
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        responses: { 200: { description: 'text exposition format' } },
      },
    },
    '/v1/policy': {
      get: {
        operationId: 'policy',
        summary: 'The policy set in force',
        responses: {
          200: { description: 'name, version, hash and points', ...json({ $ref: '#/components/schemas/Policy' }) },
          401: errorResponse('no valid bearer token'),
        },
      },
    },
  };
  const schemas: Record<string, unknown> = { Error: errorSchema, Policy: policySchema, Decision: decisionSchema };
  for (const point of model.points) {
    const name = `Facts_${point.id.replace(/[^A-Za-z0-9]/g, '_')}`;
    schemas[name] = pointFactsJsonSchema(model.facts, point);
    paths[`/v1/decide/${point.id}`] = {
      post: {
        operationId: `decide_${point.id.replace(/[^A-Za-z0-9]/g, '_')}`,
        summary: point.question.en ?? point.question.nb,
        parameters: [explainParameter],
        requestBody: { required: true, ...json({ $ref: `#/components/schemas/${name}` }) },
        responses: {
          200: { description: 'the decision', ...json({ $ref: '#/components/schemas/Decision' }) },
          400: errorResponse(
            'facts refused (each diagnostic names a fact), a body that is not strict JSON, or an `explain` other than 1 or 0',
          ),
          401: errorResponse('no valid bearer token'),
          413: errorResponse('body too large'),
          415: errorResponse('not application/json in UTF-8'),
          429: errorResponse('rate limit reached'),
          503: errorResponse('the decision could not be recorded, so it is not given'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${model.name} decision service`, version: model.version, description: `Policy hash ${model.hash}` },
    paths,
    security: [{ bearer: [] }],
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a listed token, or a JWT from the configured issuer' } },
    },
  };
}
