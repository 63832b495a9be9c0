/** The plain Node host example: decides each example incident and writes audit records that replay unchanged. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAuditRecordLine } from '@vot/engine';
import { bundledPolicyDir, loadPolicies, PolicyError } from '@vot/policies';
import { describe, expect, it } from 'vitest';
import { decideIncident, readIncident } from '../examples/node-host/host.js';

describe('node host example', () => {
  it('decides every example incident and stores one replayable record per decision', async () => {
    const policies = await loadPolicies();
    const dir = join(bundledPolicyDir(), '..', 'examples', 'incidents');
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
      const read = await readIncident(join(dir, name));
      if ('error' in read) throw new Error(read.error);
      const { facts } = read;
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

  it('refuses an incident file JSON.parse would misread: a duplicate key, a rounded number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vot-host-'));
    try {
      const cases: Record<string, [text: string, message: string]> = {
        'duplicate.json': ['{"facts": {"priorIncidents": 0, "priorIncidents": 3}}', ':1:33: duplicate key `priorIncidents`'],
        'rounded.json': [
          '{"facts": {"priorIncidents": 0.99999999999999999999}}',
          ':1:30: number `0.99999999999999999999` cannot be read exactly',
        ],
        'array.json': ['[1]', ': not a JSON object'],
      };
      for (const [name, [text, message]] of Object.entries(cases)) {
        await writeFile(join(dir, name), text);
        expect(await readIncident(join(dir, name)), name).toEqual({ error: expect.stringContaining(`${join(dir, name)}${message}`) });
      }
      await writeFile(join(dir, 'big.json'), `{"facts": {}, "pad": "${'x'.repeat(1024 * 1024)}"}`);
      expect(await readIncident(join(dir, 'big.json'))).toEqual({ error: expect.stringContaining('more than the 1048576') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
