#!/usr/bin/env node
/**
 * `vot-service`: the decision service as a process. Configuration from the environment (see
 * `config.ts`); exit 2 with every problem listed when it is not usable. SIGTERM or SIGINT
 * stops it gracefully: no new requests, those in flight finish, the audit store is flushed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, environment, loadConfig } from './config.js';
import { StartError, startService, type RunningService } from './server.js';

/** A shutdown that has not finished by then is cut short (exit 1), so an orchestrator is not kept waiting. */
const shutdownLimitMs = 20_000;

const help = `vot-service [--insecure-no-auth]

An HTTP decision service for @vot/policies. Configured by the environment:
${Object.entries(environment)
  .map(([name, meaning]) => `  ${name.padEnd(18)} ${meaning}`)
  .join('\n')}

  --insecure-no-auth  serve without authentication (development only)
`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

async function main(): Promise<number> {
  let flags: { 'insecure-no-auth'?: boolean; help?: boolean; version?: boolean };
  try {
    flags = parseArgs({
      options: { 'insecure-no-auth': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`vot-service: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(help);
    return 0;
  }
  if (flags.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  let service: RunningService;
  try {
    service = await startService(loadConfig(process.env, { insecureNoAuth: flags['insecure-no-auth'] === true }));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartError) {
      process.stderr.write(`vot-service: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      service.app.log.info({ signal }, 'shutting down: draining requests and flushing the audit trail');
      const timer = setTimeout(() => {
        service.app.log.error('shutdown took too long; exiting');
        resolve(1);
      }, shutdownLimitMs);
      timer.unref();
      service.close().then(
        () => {
          service.app.log.info('stopped');
          resolve(0);
        },
        (error: unknown) => {
          service.app.log.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return stopped;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`vot-service: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
