/**
 * A host's deployment of the decision service, in code: `@vot/service` with the bundled
 * policies, callers listed in a tokens file and the decision trail in a JSON Lines file, all
 * from the environment as `vot-service` reads it, with this deployment's defaults beneath.
 * `main.ts` starts it and stops it on SIGINT/SIGTERM; the test starts it on a free port.
 */
import { loadConfig, startService, type RunningService, type StartOptions } from '@vot/service';

export const deploymentDefaults = {
  HOST: '127.0.0.1',
  PORT: '3000',
  VOT_AUDIT: 'jsonl:audit.jsonl',
} as const;

export function startDecisionService(
  env: Readonly<Record<string, string | undefined>>,
  options: StartOptions = {},
): Promise<RunningService> {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  return startService(loadConfig({ ...deploymentDefaults, ...given }), options);
}
