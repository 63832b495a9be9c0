/**
 * The decision service's answer (response format 2): every decision of the bundled example
 * incidents, at every point their facts suffice for, with and without `?trace=1` and
 * `?explain=1`, is valid against the OpenAPI document's `Decision` schema (ajv, strict about
 * unknown fields), holds each source once by id, and gives back the library's decision when the
 * ids are replaced by their sources. The route serialises with that same schema; facts are
 * checked once per request.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyError, type FactValue, type PolicySet } from '@vot/engine';
import { pointDomain } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import { decisionSchema } from '@vot/service';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  decide,
  outcomesWithSources,
  reactionFacts,
  startTestService,
  testTokens,
  type ServiceAnswer,
  type TestService,
} from './service-harness.js';

let policies: PolicySet;
let service: TestService;
let document: {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, { post?: { parameters?: Array<{ name: string }> } }>;
};

beforeAll(async () => {
  policies = await loadPolicies();
  service = await startTestService({ policies, rateLimit: { max: 100_000 } });
  document = (await (await fetch(`${service.url}/openapi.json`)).json()) as typeof document;
});

afterAll(async () => {
  await service?.dispose();
});

const folder = join(import.meta.dirname, '..', 'examples', 'incidents');

/** Each example incident with the points its facts suffice for, and the library's decision there. */
async function exampleDecisions(): Promise<Array<{ name: string; point: string; facts: Record<string, unknown> }>> {
  const cases: Array<{ name: string; point: string; facts: Record<string, unknown> }> = [];
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()) {
    const { facts } = JSON.parse(await readFile(join(folder, file), 'utf8')) as { facts: Record<string, unknown> };
    for (const point of policies.model.points) {
      if (!point.requiredFacts.every((fact) => fact in facts)) continue;
      try {
        await policies.decide(point.id, facts);
      } catch (error) {
        // A point that does not cover the incident's date is skipped, as `vot eval` does.
        if (error instanceof PolicyError && /^date-(before|after)-point$/.test(error.diagnostics[0]?.code ?? '')) continue;
        throw error;
      }
      cases.push({ name: `${file} at ${point.id}`, point: point.id, facts });
    }
  }
  return cases;
}

describe('the answer to a decision', () => {
  it('is valid against the OpenAPI Decision schema and is the library decision with its sources once, for every bundled example', async () => {
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      document.components.schemas.Decision as object,
    );
    const cases = await exampleDecisions();
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const queries = [
      ['', {}],
      ['?trace=1', {}],
      ['?explain=1', { explain: true }],
      ['?trace=1&explain=1', { explain: true }],
    ] as const;
    let traced = 0;
    for (const { name, point, facts } of cases) {
      for (const [query, options] of queries) {
        const response = await decide(service.url, `${point}${query}`, facts);
        expect(response.status, `${name}${query}`).toBe(200);
        const answer = (await response.json()) as ServiceAnswer;
        expect(validate(answer), `${name}${query}: ${JSON.stringify(validate.errors)}`).toBe(true);
        const library = JSON.parse(JSON.stringify(await policies.decide(point, facts, options)));
        expect(outcomesWithSources(answer), `${name}${query}`).toEqual(library.outcomes);
        expect({ point: answer.point, date: answer.date, policy: answer.policy }).toEqual({
          point: library.point,
          date: library.date,
          policy: library.policy,
        });
        // Every source listed is cited by an outcome: `sources` is the union of the bases, nothing more.
        expect(Object.keys(answer.sources).sort(), name).toEqual([...new Set(answer.outcomes.flatMap((o) => o.basis))].sort());
        if (query.includes('trace')) {
          traced++;
          expect(answer.trace, `${name}${query}`).toEqual(library.trace);
        } else expect(answer, `${name}${query}`).not.toHaveProperty('trace');
        expect(answer).not.toHaveProperty('facts');
      }
    }
    expect(traced).toBe(cases.length * 2);
  }, 120_000);

  it('property: at every point, any record of its reduced fact domain, with or without trace and explain, is answered as the library decides or refused as it refuses', async () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(document.components.schemas.Decision as object);
    let answered = 0;
    let refused = 0;
    for (const point of policies.model.points) {
      // Every fact the point reads, over its reduced domain (the values where its conditions cut); `null`: left out.
      const record = fc
        .tuple(
          ...pointDomain(policies.model, point).map((domain) =>
            fc.constantFrom(...domain.values).map((value) => [domain.fact, value] as const),
          ),
        )
        .map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== null)) as Record<string, FactValue>);
      await fc.assert(
        fc.asyncProperty(record, fc.boolean(), fc.boolean(), async (facts, trace, explain) => {
          const query = [trace ? 'trace=1' : '', explain ? 'explain=1' : ''].filter(Boolean).join('&');
          const response = await service.app.inject({
            method: 'POST',
            url: `/v1/decide/${point.id}${query ? `?${query}` : ''}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${testTokens['case-system']}` },
            payload: JSON.stringify(facts),
          });
          const library = await policies.decide(point.id, facts, explain ? { explain: true } : {}).catch((error: unknown) => error);
          if (library instanceof PolicyError) {
            refused++;
            expect(response.statusCode).toBe(400);
            expect((response.json() as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code)).toEqual(
              library.diagnostics.map((d) => d.code),
            );
            return;
          }
          answered++;
          expect(response.statusCode, response.body).toBe(200);
          const answer = response.json() as ServiceAnswer;
          expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
          const expected = JSON.parse(JSON.stringify(library));
          expect(outcomesWithSources(answer)).toEqual(expected.outcomes);
          expect(answer.trace).toEqual(trace ? expected.trace : undefined);
        }),
        { numRuns: 25 },
      );
    }
    expect(answered).toBeGreaterThan(policies.model.points.length * 10);
    console.info(`service answers checked: ${answered} decided, ${refused} refused`);
  }, 120_000);

  it('cites a source shared by several outcomes once, and is less than half its former size', async () => {
    const response = await decide(service.url, 'reaction', reactionFacts);
    const text = await response.text();
    const answer = JSON.parse(text) as ServiceAnswer;
    const shared = Object.keys(answer.sources).find((id) => answer.outcomes.filter((o) => o.basis.includes(id)).length > 1);
    expect(shared, 'a source more than one outcome cites').toBeDefined();
    const citation = answer.sources[shared!]!.citation as string;
    expect(text.split(JSON.stringify(citation)).length - 1).toBe(1);
    // The same decision as response format 1 sent it: every citation with every outcome, and the trace.
    const library = await policies.decide('reaction', reactionFacts);
    const before = Buffer.byteLength(JSON.stringify({ decisionId: answer.decisionId, ...library }));
    expect(Buffer.byteLength(text)).toBeLessThan(before / 1.5);
  });

  it('takes `trace` as 1 or 0 (true or false), once, and refuses anything else with 400, deciding nothing', async () => {
    const own = await startTestService({ policies });
    try {
      for (const query of ['trace=0', 'trace=false']) {
        const answer = (await (await decide(own.url, `reaction?${query}`, reactionFacts)).json()) as ServiceAnswer;
        expect(answer, query).not.toHaveProperty('trace');
      }
      expect(((await (await decide(own.url, 'reaction?trace=true', reactionFacts)).json()) as ServiceAnswer).trace).toBeDefined();
      for (const query of ['trace=yes', 'trace=', 'trace=1&trace=1']) {
        const response = await decide(own.url, `reaction?${query}`, reactionFacts);
        expect(response.status, query).toBe(400);
        expect(await response.json(), query).toMatchObject({ error: 'bad-request', message: '`trace` takes 1 or 0 (true or false), once' });
      }
      const lines = (await readFile(own.trail, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(3);
      // The trail records the decision, never the trace.
      for (const line of lines) expect(JSON.parse(line)).not.toHaveProperty('trace');
    } finally {
      await own.dispose();
    }
  });

  it('is serialised by the schema the OpenAPI document publishes', async () => {
    // The document's Decision is the route's response schema, not a copy that could drift.
    expect(document.components.schemas.Decision).toEqual(JSON.parse(JSON.stringify(decisionSchema)));
    for (const point of policies.model.points)
      expect(document.paths[`/v1/decide/${point.id}`]!.post!.parameters!.map((p) => p.name)).toEqual(['explain', 'trace']);
    // The route's serialiser writes what the schema names and nothing else: a field the engine
    // might add to an outcome one day does not reach hosts unannounced.
    const real = await policies.decide('reaction', reactionFacts, { explain: false });
    const spy = vi
      .spyOn(policies, 'decide')
      .mockResolvedValueOnce({ ...real, outcomes: real.outcomes.map((outcome) => ({ ...outcome, undocumented: 'x' })) });
    try {
      const text = await (await decide(service.url, 'reaction', reactionFacts)).text();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(text).not.toContain('undocumented');
      expect(outcomesWithSources(JSON.parse(text) as ServiceAnswer)).toEqual(JSON.parse(JSON.stringify(real.outcomes)));
    } finally {
      spy.mockRestore();
    }
  });

  it('checks the facts once per request, and still refuses unknown facts with the engine diagnostics', async () => {
    // The policy set's fact validator, as decide() calls it.
    const validator = (policies as unknown as { validator: { validate: (...args: unknown[]) => unknown } }).validator;
    const spy = vi.spyOn(validator, 'validate');
    try {
      expect((await decide(service.url, 'reaction', reactionFacts)).status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(1);
      const refused = await decide(service.url, 'reaction', { ...reactionFacts, priorIncident: 1 });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code)).toContain('fact-unknown');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
