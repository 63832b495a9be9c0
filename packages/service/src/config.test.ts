/** The service's configuration: defaults, every problem listed at once, and no start without authentication unless asked. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const problems = (env: Record<string, string>, flags = {}): string[] => {
  try {
    loadConfig(env, { cwd: '/srv/vot', ...flags });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('fills in the defaults around what is given', () => {
    expect(loadConfig({ VOT_TOKENS_FILE: '/etc/vot/tokens' }, { cwd: '/srv/vot' })).toEqual({
      host: '127.0.0.1',
      port: 3000,
      logLevel: 'info',
      tokensFile: '/etc/vot/tokens',
      jwksFile: undefined,
      jwtIssuer: undefined,
      jwtAudience: undefined,
      audit: { kind: 'jsonl', path: '/srv/vot/audit.jsonl', display: 'audit.jsonl' },
      policiesDir: undefined,
      settingsFile: undefined,
      rateLimit: 600,
      insecureNoAuth: false,
    });
    const full = loadConfig(
      {
        HOST: '0.0.0.0',
        PORT: '8080',
        VOT_LOG_LEVEL: 'warn',
        VOT_JWKS_FILE: '/etc/vot/jwks.json',
        VOT_JWT_AUDIENCE: 'vot',
        VOT_AUDIT: 'postgres://vot:secret@db/vot',
        VOT_RATE_LIMIT: '60',
        PATH: '/usr/bin',
      },
      { cwd: '/srv/vot' },
    );
    expect(full).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'warn',
      rateLimit: 60,
      audit: { kind: 'postgres', display: 'postgres://vot:***@db/vot' },
    });
  });

  it('lists every problem at once: bad values, unknown VOT_ variables, a store it does not know', () => {
    expect(
      problems({
        PORT: '80a',
        VOT_LOG_LEVEL: 'loud',
        VOT_RATE_LIMIT: '0',
        VOT_TOKEN_FILE: '/etc/vot/tokens',
        VOT_AUDIT: '/var/lib/vot/audit.jsonl',
      }),
    ).toEqual([
      'VOT_TOKEN_FILE: not a variable of vot-service',
      'PORT: must be a whole number',
      expect.stringMatching(/^VOT_LOG_LEVEL: /),
      'VOT_RATE_LIMIT: must be at least 1',
      'VOT_AUDIT: `/var/lib/vot/audit.jsonl` is not an audit store: expected `jsonl:<path>` or `postgres://user@host/database`',
    ]);
    expect(problems({ PORT: '70000', VOT_TOKENS_FILE: 't' })).toEqual(['PORT: must be at most 65535']);
  });

  it('refuses to start without authentication unless --insecure-no-auth, and a JWKS without an audience', () => {
    expect(problems({})).toEqual([
      'no authentication: set VOT_TOKENS_FILE and/or VOT_JWKS_FILE (or start with --insecure-no-auth, for development only)',
    ]);
    expect(problems({ VOT_TOKENS_FILE: '' })).toHaveLength(1);
    expect(loadConfig({}, { insecureNoAuth: true }).insecureNoAuth).toBe(true);
    expect(problems({ VOT_JWKS_FILE: 'jwks.json' })).toEqual([expect.stringMatching(/^VOT_JWT_AUDIENCE: required with VOT_JWKS_FILE/)]);
    expect(problems({ VOT_TOKENS_FILE: 't', VOT_JWT_AUDIENCE: 'vot' })).toEqual(['VOT_JWT_ISSUER/VOT_JWT_AUDIENCE: need VOT_JWKS_FILE']);
  });
});
