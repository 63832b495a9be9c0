/** The plain Node host example: decides each example incident and writes audit records that replay unchanged. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAuditRecordLine } from '@vot/engine';
import { bundledPolicyDir, loadPolicies, PolicyError } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { decideIncident } from '../examples/node-host/host.js';

describe('node host example', () => {
  it('decides every example incident and stores one replayable record per decision', async () => {
    const policies = await loadPolicies();
    const dir = join(bundledPolicyDir(), '..', 'examples', 'incidents');
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
      const { facts } = JSON.parse(await readFile(join(dir, name), 'utf8')) as { facts: Record<string, unknown> };
      const { decisions, records } = await decideIncident(policies, facts, new Date('2026-02-01T12:00:00Z'));
      const expected = policies.model.points.filter((p) => p.requiredFacts.every((f) => f in facts)).map((p) => p.id);
      expect(
        decisions.map((d) => d.point),
        name,
      ).toEqual(expected);
      expect(records).toHaveLength(decisions.length);
      records.forEach((record, index) => {
        const parsed = parseAuditRecordLine(JSON.stringify(record), name, index + 1);
        expect('code' in parsed, name).toBe(false);
        expect(record.outcomes.map((o) => o.id)).toEqual(decisions[index]!.outcomes.map((o) => o.id));
      });
    }
  });

  it('refuses facts outside the vocabulary', async () => {
    await expect(
      decideIncident(await loadPolicies(), { organisation: 'nav-office', employeeEmployer: 'state', colour: 'red' }),
    ).rejects.toBeInstanceOf(PolicyError);
  });
});
