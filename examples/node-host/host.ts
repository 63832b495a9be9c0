/**
 * A plain Node host system: reads an incident (JSON facts), asks every decision point the facts
 * suffice for, prints each outcome with its reason, and appends an audit record per decision
 * to a JSON Lines file that `vot replay` can replay later.
 *
 *   pnpm tsx --conditions=@vot/source examples/node-host/host.ts examples/incidents/01-reception-assault-municipal-caseworker.json [audit.jsonl]
 *
 * With the published package the same code runs as plain JavaScript (`import ... from '@vot/policies'`).
 */
import { appendFile, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadPolicies, PolicyError, toAuditRecord, type AuditRecord, type Decision, type PolicySet } from '@vot/policies';

export interface HostResult {
  decisions: Decision[];
  records: AuditRecord[];
}

/**
 * Decides an incident at every point whose required facts it has. The facts come from JSON, so
 * they are checked at run time (decide refuses bad facts): this takes the untyped view of the
 * policies. A host that builds facts in TypeScript gets them checked by its compiler instead.
 */
export async function decideIncident(policies: PolicySet, facts: Record<string, unknown>, at = new Date()): Promise<HostResult> {
  const result: HostResult = { decisions: [], records: [] };
  for (const point of policies.model.points) {
    if (point.requiredFacts.some((fact) => !(fact in facts))) continue;
    const decision = await policies.decide(point.id, facts);
    result.decisions.push(decision);
    result.records.push(toAuditRecord(decision, at));
  }
  return result;
}

async function main(args: string[]): Promise<number> {
  const [incidentFile, auditFile] = args;
  if (!incidentFile) {
    process.stderr.write('usage: host.ts <incident.json> [audit.jsonl]\n');
    return 2;
  }
  const incident = JSON.parse(await readFile(incidentFile, 'utf8')) as { facts?: Record<string, unknown> };
  try {
    // Load once at start-up; decide with the same set for every incident.
    const policies = await loadPolicies();
    const { decisions, records } = await decideIncident(policies, incident.facts ?? (incident as Record<string, unknown>));
    for (const decision of decisions) {
      process.stdout.write(`${decision.point} (${decision.policy.name} ${decision.policy.version})\n`);
      for (const outcome of decision.outcomes) process.stdout.write(`  ${outcome.id}: ${outcome.status} — ${outcome.reason.en ?? ''}\n`);
    }
    if (auditFile) await appendFile(auditFile, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    return 0;
  } catch (error) {
    if (error instanceof PolicyError) {
      process.stderr.write(`${error.render()}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
