/** The service's OpenAPI 3.1 document, generated from the policy set: one operation per point, its request body the point's fact schema. */
import { pointFactsJsonSchema, type PolicySet } from '@vot/engine';

const errorSchema = {
  type: 'object',
  required: ['error', 'message', 'diagnostics'],
  properties: {
    error: { type: 'string', description: '`facts-refused`, `unknown-point`, `bad-request` or `internal-error`' },
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
  required: ['point', 'outcomes', 'trace', 'policy'],
  properties: {
    point: { type: 'string' },
    outcomes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'status', 'basis', 'reason'],
        properties: {
          id: { type: 'string' },
          status: { enum: ['required', 'recommended', 'permitted', 'not-permitted'] },
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
        },
      },
    },
    trace: { type: 'object' },
    policy: { $ref: '#/components/schemas/Policy' },
  },
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json({ $ref: '#/components/schemas/Error' }) });

export function openApiDocument(policies: PolicySet): Record<string, unknown> {
  const { model } = policies;
  const paths: Record<string, unknown> = {
    '/health': { get: { operationId: 'health', summary: 'Liveness and the policy hash', responses: { 200: { description: 'ok' } } } },
    '/v1/policy': {
      get: {
        operationId: 'policy',
        summary: 'The policy set in force',
        responses: { 200: { description: 'name, version, hash and points', ...json({ $ref: '#/components/schemas/Policy' }) } },
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
        requestBody: { required: true, ...json({ $ref: `#/components/schemas/${name}` }) },
        responses: {
          200: { description: 'the decision', ...json({ $ref: '#/components/schemas/Decision' }) },
          400: errorResponse('facts refused: each diagnostic names a fact'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${model.name} decision service`, version: model.version, description: `Policy hash ${model.hash}` },
    paths,
    components: { schemas },
  };
}
