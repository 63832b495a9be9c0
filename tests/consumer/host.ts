// A host's TypeScript file, type-checked in a fresh project under --strict --module nodenext
// against the installed packages (see tests/consumer.test.ts). Not part of the workspace build.
import { loadPolicies, toAuditRecord, PolicyError, type FactsOf, type OutcomeOf } from '@vot/policies';

const facts: FactsOf<'reaction'> = {
  organisation: 'nav-office',
  employeeEmployer: 'municipal',
  incidentType: 'threat-in-person',
  channel: 'in-person',
  grave: false,
  priorIncidents: 2,
  writtenWarningGiven: true,
  injury: 'none',
};

export async function run(): Promise<string[]> {
  const policies = await loadPolicies();
  const decision = await policies.decide('reaction', facts);
  const ids: Array<OutcomeOf<'reaction'>> = decision.outcomes.map((outcome) => outcome.id);
  const record = toAuditRecord(decision, new Date('2026-01-01T00:00:00Z'));
  // @ts-expect-error `priorIncident` is not a fact of the vocabulary
  await policies.decide('reaction', { ...facts, priorIncident: 1 }).catch((error: unknown) => error instanceof PolicyError);
  // @ts-expect-error `grave` is a boolean
  await policies.decide('reaction', { ...facts, grave: 'yes' }).catch(() => undefined);
  return [...ids, record.policy.hash];
}
