/**
 * The bundled policies as a whole: they check clean, every reviewer scenario passes, every
 * example incident gets a sourced decision, and the vocabulary contract (docs/vocabulary.md) holds.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPolicyFolder, type PolicySet } from '@vot/engine';
import { runScenarios } from '@vot/engine/tools';
import { bundledPolicyDir, loadPolicies } from '@vot/policies';
import { beforeAll, describe, expect, it } from 'vitest';

let policies: PolicySet;
beforeAll(async () => {
  policies = await loadPolicies();
});

describe('bundled policies', () => {
  it('check clean: no errors and no warnings', async () => {
    const checked = await checkPolicyFolder(bundledPolicyDir());
    expect(checked.diagnostics.map((d) => `${d.file}:${d.start?.line} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('pass every reviewer scenario', async () => {
    const results = await runScenarios(policies);
    const failures = results.filter((r) => !r.passed).map((r) => `${r.at}: ${r.name}: ${r.error ?? JSON.stringify(r.mismatches)}`);
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(60);
  });

  it('have scenarios for every decision point and every outcome a point decides', async () => {
    const results = await runScenarios(policies);
    for (const point of policies.model.points) {
      const expected = new Set(policies.model.scenarios.filter((s) => s.point === point.id).flatMap((s) => Object.keys(s.expect)));
      const untested = point.outcomes.map((o) => o.id).filter((id) => !expected.has(id));
      expect(untested, `outcomes of ${point.id} no scenario expects`).toEqual([]);
    }
    expect(results.length).toBe(policies.model.scenarios.length);
  });

  it('produce every outcome id of the vocabulary that is not only a requirement, the Danish ones included', () => {
    const produced = new Set(policies.model.points.flatMap((p) => p.outcomes.map((o) => o.id)));
    const required = new Set(
      policies.model.points.flatMap((p) =>
        p.outcomes.flatMap((o) => [...o.rules, ...(o.otherwise ? [o.otherwise] : [])].flatMap((r) => r.requires.map((q) => q.id))),
      ),
    );
    const never = policies.model.outcomes.map((o) => o.id).filter((id) => !produced.has(id) && !required.has(id));
    expect(never).toEqual([]);
  });

  it('lists the reactions least intrusive first, in the order of the vocabulary, in every decision', async () => {
    const ladder = policies.model.outcomes.filter((o) => o.group === 'reaction').map((o) => o.id);
    expect(ladder).toHaveLength(14);
    const decision = await policies.decide('reaction', {
      organisation: 'nav-office',
      employeeEmployer: 'municipal',
      incidentType: 'threat-in-person',
      channel: 'in-person',
      grave: true,
      priorIncidents: 0,
      writtenWarningGiven: false,
      injury: 'none',
    });
    // The ladder first, least intrusive first; then everyone's duties under the Penal Code
    // (reaction/penal-code.yaml), which are not reactions towards the user.
    const ids = decision.outcomes.map((o) => o.id);
    expect(ids.slice(0, ladder.length)).toEqual(ladder);
    expect(ids.slice(ladder.length)).toEqual(['contact-emergency-services']);
  });

  it('give every example incident a decision at each point its facts suffice for, each required or permitted outcome with a basis', async () => {
    const dir = join(bundledPolicyDir(), '..', 'examples', 'incidents');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const pointsCovered = new Set<string>();
    for (const file of files) {
      const incident = JSON.parse(await readFile(join(dir, file), 'utf8')) as { facts: Record<string, unknown> };
      let decided = 0;
      for (const point of policies.model.points) {
        if (point.requiredFacts.some((fact) => !(fact in incident.facts))) continue;
        const decision = await policies.decide(point.id, incident.facts);
        decided++;
        if (decision.outcomes.length > 0) pointsCovered.add(point.id);
        for (const outcome of decision.outcomes) {
          if (outcome.status !== 'not-permitted') expect(outcome.basis.length, `${file} ${point.id} ${outcome.id}`).toBeGreaterThan(0);
          expect(outcome.reason.nb && outcome.reason.en, `${file} ${outcome.id}`).toBeTruthy();
        }
      }
      expect(decided, file).toBeGreaterThan(0);
    }
    expect([...pointsCovered].sort()).toEqual(policies.points.slice().sort());
  });
});
