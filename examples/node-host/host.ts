/**
 * A plain Node host system: reads an incident (JSON facts), asks every decision point the facts
 * suffice for, prints each outcome with its reason, and appends an audit record per decision
 * to a JSON Lines file that `vot replay` can replay later.
 *
 *   pnpm tsx --conditions=@vot/source examples/node-host/host.ts examples/incidents/01-reception-assault-municipal-caseworker.json [audit.jsonl]
 *
 * With the published package the same code runs as plain JavaScript (`import ... from '@vot/policies'`).
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadPolicies, parseStrictJson, PolicyError, toAuditRecord, type AuditRecord, type Decision, type PolicySet } from '@vot/policies';

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

/** An incident file is a few hundred bytes; a wrong path may be anything, so it is sized before it is read. */
const maxIncidentBytes = 1024 * 1024;

/**
 * Reads an incident file (`{ facts }` or a bare fact record) with the strict JSON reader: a
 * duplicate key or a number `JSON.parse` would round is refused with its place, not decided on.
 */
export async function readIncident(file: string): Promise<{ facts: Record<string, unknown> } | { error: string }> {
  const size = (await stat(file)).size;
  if (size > maxIncidentBytes) return { error: `${file}: ${size} bytes, more than the ${maxIncidentBytes} an incident may have` };
  const read = parseStrictJson(await readFile(file, 'utf8'));
  if (!read.ok) return { error: `${file}:${read.error.line}:${read.error.column}: ${read.error.message}` };
  const incident = read.value;
  if (incident === null || typeof incident !== 'object' || Array.isArray(incident)) return { error: `${file}: not a JSON object` };
  const facts = 'facts' in incident ? incident.facts : incident;
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) return { error: `${file}: \`facts\` is not a JSON object` };
  return { facts };
}

async function main(args: string[]): Promise<number> {
  const [incidentFile, auditFile] = args;
  if (!incidentFile) {
    process.stderr.write('usage: host.ts <incident.json> [audit.jsonl]\n');
    return 2;
  }
  const incident = await readIncident(incidentFile);
  if ('error' in incident) {
    process.stderr.write(`${incident.error}\n`);
    return 1;
  }
  try {
    // Load once at start-up; decide with the same set for every incident.
    const policies = await loadPolicies();
    const { decisions, records } = await decideIncident(policies, incident.facts);
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
