/**
 * Starting the service from a checked configuration: load and check the policies (and local
 * settings), read the authentication files, open the audit store (the chain resumes), build
 * the app and listen. Anything that makes the configuration unusable is a `StartError`, which
 * `vot-service` reports and exits 2 on; nothing is served half-configured.
 */
import { readFile, stat } from 'node:fs/promises';
import { AuditStoreError, openAuditStore, type AuditStore } from '@vot/audit';
import { parseStrictJson, PolicyError, type FactValue, type PolicySet } from '@vot/engine';
import { formatStrictJsonError } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import type { DestinationStream } from 'pino';
import { buildService, type DecisionService, type ServiceLimits } from './app.js';
import { AuthConfigError, loadAuthenticator, noAuthentication, type Authenticator } from './auth.js';
import type { ServiceConfig } from './config.js';

export class StartError extends Error {}

export interface RunningService extends DecisionService {
  /** `http://host:port` the service listens on. */
  url: string;
  config: ServiceConfig;
}

async function readSettings(file: string): Promise<Record<string, FactValue>> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new StartError(`VOT_SETTINGS_FILE: ${file} is not a readable file`);
  if (info.size > 64 * 1024) throw new StartError(`VOT_SETTINGS_FILE: ${file} is larger than 64 KiB`);
  const parsed = parseStrictJson(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new StartError(`VOT_SETTINGS_FILE: ${formatStrictJsonError(parsed.error, file)}`);
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new StartError(`VOT_SETTINGS_FILE: ${file} must hold one JSON object of setting ids and values`);
  return value as Record<string, FactValue>;
}

async function loadConfiguredPolicies(config: ServiceConfig): Promise<PolicySet> {
  const settings = config.settingsFile ? await readSettings(config.settingsFile) : undefined;
  try {
    return await loadPolicies({ ...(config.policiesDir ? { dir: config.policiesDir } : {}), ...(settings ? { settings } : {}) });
  } catch (error) {
    if (error instanceof PolicyError) throw new StartError(`the policies cannot be used:\n${error.render()}`);
    throw error;
  }
}

export interface StartOptions {
  logStream?: DestinationStream;
  limits?: Partial<ServiceLimits>;
  /** Rate-limit window (default one minute); the number comes from the configuration. */
  rateLimitWindowMs?: number;
}

export async function startService(config: ServiceConfig, options: StartOptions = {}): Promise<RunningService> {
  const policies = await loadConfiguredPolicies(config);
  let authenticator: Authenticator;
  try {
    authenticator = config.insecureNoAuth && !config.tokensFile && !config.jwksFile ? noAuthentication : await loadAuthenticator(config);
  } catch (error) {
    if (error instanceof AuthConfigError) throw new StartError(error.message);
    throw error;
  }
  let audit: AuditStore;
  try {
    audit = await openAuditStore(config.audit);
  } catch (error) {
    if (error instanceof AuditStoreError || typeof (error as { code?: unknown }).code === 'string')
      throw new StartError(`VOT_AUDIT: ${(error as Error).message}`);
    throw error;
  }
  let service: DecisionService;
  try {
    service = await buildService({
      policies,
      audit,
      authenticator,
      rateLimit: { max: config.rateLimit, ...(options.rateLimitWindowMs ? { timeWindowMs: options.rateLimitWindowMs } : {}) },
      logLevel: config.logLevel,
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    await service.app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await audit.close();
    throw error;
  }
  const address = service.app.server.address();
  const url =
    typeof address === 'object' && address
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : '';
  service.app.log.info(
    { url, policy: policies.policy, audit: audit.display, authentication: authenticator.methods, rateLimitPerMinute: config.rateLimit },
    'vot-service started',
  );
  if (config.insecureNoAuth) service.app.log.warn('started with --insecure-no-auth: anyone who can reach this port can ask for decisions');
  return { ...service, url, config };
}
