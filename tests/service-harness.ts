/** Starting @vot/service on 127.0.0.1 with a free port for a test, with its logs captured and its trail in a temporary folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openJsonlStore, type AuditStore } from '@vot/audit';
import type { PolicySet } from '@vot/engine';
import { buildService, loadAuthenticator, tokenDigest, type Authenticator, type DecisionService, type ServiceLimits } from '@vot/service';

export interface TestService extends DecisionService {
  url: string;
  port: number;
  logs: Array<Record<string, unknown>>;
  folder: string;
  trail: string;
  /** Closes the service (if still open) and removes its folder. */
  dispose(): Promise<void>;
}

export { reactionFacts } from './nav-reaction-facts.js';

/** Tokens every test service accepts: `name: token`. */
export const testTokens = { 'case-system': 'case-system-token-5f1c2a', 'contact-centre': 'contact-centre-token-9d03be' } as const;

export interface TestServiceOptions {
  policies: PolicySet;
  authenticator?: Authenticator;
  audit?: (trail: string) => Promise<AuditStore>;
  rateLimit?: { max: number; timeWindowMs?: number };
  limits?: Partial<ServiceLimits>;
}

export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const folder = await mkdtemp(join(tmpdir(), 'vot-service-'));
  const tokensFile = join(folder, 'tokens.txt');
  await writeFile(
    tokensFile,
    Object.entries(testTokens)
      .map(([name, token]) => `${name}:${tokenDigest(token)}\n`)
      .join(''),
  );
  const trail = join(folder, 'audit.jsonl');
  const logs: Array<Record<string, unknown>> = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const service = await buildService({
    policies: options.policies,
    audit: await (options.audit ?? openJsonlStore)(trail),
    authenticator: options.authenticator ?? (await loadAuthenticator({ tokensFile })),
    logStream,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = service.app.server.address() as { port: number };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await service.close();
  };
  return {
    ...service,
    close,
    url: `http://127.0.0.1:${port}`,
    port,
    logs,
    folder,
    trail,
    async dispose() {
      await close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** POSTs facts to a point with a token (or, given `null`, none). */
export function decide(
  url: string,
  point: string,
  body: unknown,
  token: string | null = testTokens['case-system'],
  headers: Record<string, string> = {},
) {
  return fetch(`${url}/v1/decide/${point}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
  });
}

/** A decision as the service answers it (response format 2): sources once, by id. */
export interface ServiceAnswer {
  decisionId: string;
  point: string;
  date: string;
  outcomes: Array<{ id: string; basis: string[]; [key: string]: unknown }>;
  sources: Record<string, Record<string, unknown>>;
  policy: { name: string; version: string; hash: string };
  trace?: unknown;
}

/**
 * The outcomes of an answer with each basis id replaced by its source as the engine lists it
 * (`{ id, citation, url, verified, inForce }`), to compare with the library's decision. Throws
 * for an id that `sources` does not hold.
 */
export function outcomesWithSources(answer: ServiceAnswer): Array<Record<string, unknown>> {
  return answer.outcomes.map((outcome) => ({
    ...outcome,
    basis: outcome.basis.map((id) => {
      if (!Object.hasOwn(answer.sources, id)) throw new Error(`basis \`${id}\` of \`${outcome.id}\` is not in sources`);
      return { id, ...answer.sources[id] };
    }),
  }));
}
