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

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const texts = (description: string) => ({ type: 'object', description, additionalProperties: { type: 'string' } });
const factValue = { type: ['string', 'number', 'boolean', 'null'] };
/** A closed object: every property named, so the serialiser and a validator see the same fields. */
const closed = (required: string[], properties: Record<string, unknown>, description?: string) => ({
  type: 'object',
  ...(description ? { description } : {}),
  required,
  properties,
  additionalProperties: false,
});

/** The policy that decided: name, version and content hash. */
const policyProperties = { name: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } };
const policySchema = closed(['name', 'version', 'hash'], policyProperties);
/** `GET /v1/policy`: the policy in force and its points. */
const policyInForceSchema = closed(['name', 'version', 'hash', 'points'], {
  ...policyProperties,
  points: { type: 'array', items: { type: 'string' } },
});

const sourceSchema = closed(
  ['citation', 'verified'],
  {
    citation: { type: 'string' },
    url: { type: 'string' },
    verified: { type: 'boolean', description: 'whether the citation was checked against the source' },
    inForce: closed(
      [],
      { from: isoDate, until: isoDate },
      'when the source is in force: `from` inclusive, `until` exclusive; absent: always',
    ),
  },
  'a source the outcomes cite',
);

const alternativeSchema = closed(['status', 'change', 'text'], {
  status: { enum: [...statuses] },
  change: {
    type: 'object',
    description: 'the facts that would differ, each with the value nearest its current one that gives the status',
    additionalProperties: factValue,
  },
  ranges: {
    type: 'object',
    description: 'for a number in `change` that stands for a range of values each giving the status: `[from, to]`, inclusive',
    additionalProperties: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
  },
  text: texts('the alternative as a sentence, in the languages of the reason'),
});

const outcomeSchema = closed(['id', 'status', 'basis', 'reason'], {
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
    description: "the ids of the sources this outcome cites, each a key of the decision's `sources`",
    items: { type: 'string' },
  },
  reason: texts('the reason in words, by language (`nb`, `en`, and `da` for Danish organisations)'),
  alternatives: {
    type: 'array',
    description:
      'only with `?explain=1`: for each other status the outcome can take, the smallest changes of the facts that give it (fewest facts, then the nearest values; a handful per status, smallest first); empty when no change of the facts that may vary gives another status',
    items: alternativeSchema,
  },
});

const ruleAt = { rule: { type: 'string' }, at: { type: 'string', description: 'where the rule is written: `file:line:col`' } };
const traceSchema = closed(
  ['policies', 'steps', 'omitted'],
  {
    policies: { type: 'array', description: 'the policies whose scope held', items: { type: 'string' } },
    steps: {
      type: 'array',
      items: closed(['outcome', 'rule', 'at', 'notHeld'], {
        outcome: { type: 'string' },
        ...ruleAt,
        notHeld: {
          type: 'array',
          description: 'the rules above it that did not hold, with the conditions that failed',
          items: closed(['rule', 'at', 'failed'], {
            ...ruleAt,
            failed: {
              type: 'array',
              items: closed(['condition', 'actual'], { condition: { type: 'string' }, actual: factValue, at: { type: 'string' } }),
            },
          }),
        },
      }),
    },
    omitted: {
      type: 'array',
      items: closed(['outcome', 'because'], {
        outcome: { type: 'string' },
        because: { enum: ['no-rule-held', 'policy-not-applicable', 'not-in-force'] },
      }),
    },
  },
  'only with `?trace=1`: how each outcome was decided',
);

/**
 * A decision as the service answers it (response format 2, see response.ts). The same object is
 * the route's response schema, which Fastify compiles to its serialiser, and the document's
 * `Decision`: a field missing here is missing from the answer, so the tests hold every bundled
 * example's decision to it. Self-contained (no `$ref`), as a route schema must be.
 */
export const decisionSchema = closed(['decisionId', 'point', 'date', 'outcomes', 'sources', 'policy'], {
  decisionId: {
    type: 'string',
    format: 'uuid',
    description: 'the id of this decision in the audit trail (also the `Decision-Id` header)',
  },
  point: { type: 'string' },
  date: { ...isoDate, description: 'the date the decision was made for: the incident date when given, else today' },
  outcomes: { type: 'array', items: outcomeSchema },
  sources: { type: 'object', description: 'every source the outcomes cite, once, by id', additionalProperties: sourceSchema },
  policy: policySchema,
  trace: traceSchema,
});

const flag = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { enum: ['1', '0', 'true', 'false'] },
});
const explainParameter = flag(
  'explain',
  '`1`: add to each outcome its `alternatives`, the smallest changes of the facts that would give it another status',
);
const traceParameter = flag(
  'trace',
  "`1`: add the decision's `trace`, how each outcome was decided (the rule that held, those above it that did not and why)",
);

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
  const schemas: Record<string, unknown> = { Error: errorSchema, Policy: policyInForceSchema, Decision: decisionSchema };
  for (const point of model.points) {
    const name = `Facts_${point.id.replace(/[^A-Za-z0-9]/g, '_')}`;
    schemas[name] = pointFactsJsonSchema(model.facts, point);
    paths[`/v1/decide/${point.id}`] = {
      post: {
        operationId: `decide_${point.id.replace(/[^A-Za-z0-9]/g, '_')}`,
        summary: point.question.en ?? point.question.nb,
        parameters: [explainParameter, traceParameter],
        requestBody: { required: true, ...json({ $ref: `#/components/schemas/${name}` }) },
        responses: {
          200: { description: 'the decision', ...json({ $ref: '#/components/schemas/Decision' }) },
          400: errorResponse(
            'facts refused (each diagnostic names a fact), a body that is not strict JSON, or an `explain` or `trace` other than 1 or 0',
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
