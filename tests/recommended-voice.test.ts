/**
 * The fourth voice, `recommended`, through the stack a reviewer and a host use: a scenario can
 * expect it and `vot test` tells it from a duty, `vot diff` names a change between it and a duty,
 * an audit record stores it and `vot replay` reports it, and the service's OpenAPI document lists
 * it. One policy change makes the leader's follow-up after harassment a duty instead of a
 * recommendation, and each tool must say so.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAuditRecordLine, statuses } from '@vot/engine';
import { loadPolicies, toAuditRecord, type PolicySet } from '@vot/policies';
import { openApiDocument } from '@vot/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicies, editFile, runVot } from './cli-harness.js';

let work: Awaited<ReturnType<typeof copyPolicies>>;
let policies: PolicySet;
const harassment = { organisation: 'nav-office', employeeEmployer: 'municipal', incidentType: 'sexual-harassment-verbal' } as const;

beforeAll(async () => {
  policies = await loadPolicies();
  work = await copyPolicies();
  await editFile(
    join(work.policies, 'follow-up', 'employee-follow-up.yaml'),
    '    otherwise:\n      status: recommended\n      basis: [nav-2023-s5-3]',
    '    otherwise:\n      status: required\n      basis: [nav-2023-s5-3]',
  );
});
afterAll(() => work?.dispose());

describe('the recommended voice', () => {
  it('is what a host gets after harassment, never a required one', async () => {
    const decision = await policies.decide('follow-up', harassment);
    expect(decision.outcomes.find((o) => o.id === 'leader-follow-up')).toMatchObject({ status: 'recommended' });
  });

  it('is told apart from a duty by `vot test`', async () => {
    const run = await runVot(['test', 'policies/follow-up', '--lang', 'en'], work.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/employee-follow-up\.scenarios\.yaml:\d+: I2: after verbal sexual harassment/);
    expect(run.stdout).toContain('  leader-follow-up:\n    expected: recommended\n    decided:  required\n');
  });

  it('is named in the semantic diff, in English and bokmål', async () => {
    const en = await runVot(['diff', join(process.cwd(), 'policies'), work.policies, '--lang', 'en'], work.root);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /follow-up \/ Follow-up by the leader \[leader-follow-up\] .*\n.*Follow-up by the leader goes from recommended to required/,
    );
    const nb = await runVot(['diff', join(process.cwd(), 'policies'), work.policies, '--lang', 'nb'], work.root);
    expect(nb.stdout).toContain('Oppfølging ved leder går fra anbefalt til påkrevd');
  });

  it('is stored in an audit record, read back, and replayed as a change to a duty', async () => {
    const record = toAuditRecord(await policies.decide('follow-up', harassment), harassment, new Date('2026-03-01T09:30:00Z'));
    const line = JSON.stringify(record);
    expect(parseAuditRecordLine(line, 'records.jsonl', 1)).toMatchObject({
      outcomes: expect.arrayContaining([{ id: 'leader-follow-up', status: 'recommended' }]),
    });
    const file = join(work.root, 'records.jsonl');
    await writeFile(file, `${line}\n`);
    const replayed = await runVot(['replay', file, '--policies', work.policies, '--lang', 'en'], work.root);
    expect(replayed.stdout).toContain('leader-follow-up: recommended → required');
    // Replay spells statuses as the records do, in every language.
    const nb = await runVot(['replay', file, '--policies', work.policies, '--lang', 'nb'], work.root);
    expect(nb.stdout).toContain('uendret 0 · endret 1');
    expect(nb.stdout).toContain('leader-follow-up: recommended → required');
  });

  it('is one of the statuses the OpenAPI document lets a decision carry', () => {
    const document = openApiDocument(policies) as {
      components: { schemas: { Decision: { properties: { outcomes: { items: { properties: { status: { enum: string[] } } } } } } } };
    };
    expect(document.components.schemas.Decision.properties.outcomes.items.properties.status.enum).toEqual([...statuses]);
    expect(statuses).toContain('recommended');
  });
});
