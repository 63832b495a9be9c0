/**
 * The service's configuration, from the environment, checked as a whole before anything starts:
 * every problem is listed at once, and `vot-service` exits 2 with the list. Unknown `VOT_*`
 * variables are problems too, so a misspelt `VOT_TOKEN_FILE` is not silently a service without
 * tokens.
 */
import { AuditTargetError, parseAuditTarget, type AuditTarget } from '@vot/audit';
import { z } from 'zod';

export interface ServiceConfig {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  tokensFile?: string;
  jwksFile?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  audit: AuditTarget;
  policiesDir?: string;
  settingsFile?: string;
  /** Requests per minute per caller. */
  rateLimit: number;
  /** `--insecure-no-auth`: serve without authentication (development only). */
  insecureNoAuth: boolean;
}

/** What each variable means, for the error message and `--help` (the README's table says the same). */
export const environment = {
  HOST: 'address to listen on (default 127.0.0.1)',
  PORT: 'port to listen on (default 3000; 0 picks a free one)',
  VOT_LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent',
  VOT_TOKENS_FILE: 'bearer tokens: one `name:sha256-hex-of-token` a line',
  VOT_JWKS_FILE: 'a JSON Web Key Set file: accept JWTs signed by these keys',
  VOT_JWT_ISSUER: 'the `iss` a JWT must carry (optional)',
  VOT_JWT_AUDIENCE: 'the `aud` a JWT must carry (required with VOT_JWKS_FILE)',
  VOT_AUDIT: 'the decision trail: jsonl:<path> (default jsonl:audit.jsonl) or postgres://…',
  VOT_POLICIES_DIR: 'a policy folder (default: the bundled policies)',
  VOT_SETTINGS_FILE: 'a JSON file of local settings, e.g. {"exclusion.max-weeks": 8}',
  VOT_RATE_LIMIT: 'requests per minute per caller (default 600)',
  VOT_BUNDLE_PUBLIC_KEYS:
    'ed25519 public keys (base64 DER or PEM, separated by commas): load only a bundle signed by one of them (read by loadPolicies)',
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`the configuration is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const optionalPath = z.string().min(1, 'must not be empty').optional();
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const schema = z.object({
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: integer(0, 65535).default(3000),
  VOT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VOT_TOKENS_FILE: optionalPath,
  VOT_JWKS_FILE: optionalPath,
  VOT_JWT_ISSUER: z.string().min(1).optional(),
  VOT_JWT_AUDIENCE: z.string().min(1).optional(),
  VOT_AUDIT: z.string().min(1, 'must not be empty').default('jsonl:audit.jsonl'),
  VOT_POLICIES_DIR: optionalPath,
  VOT_SETTINGS_FILE: optionalPath,
  VOT_RATE_LIMIT: integer(1, 1_000_000).default(600),
  // Read by loadPolicies itself; listed so that it is a known variable.
  VOT_BUNDLE_PUBLIC_KEYS: z.string().optional(),
});

/** Reads and checks the configuration; throws a `ConfigError` listing every problem. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  flags: { insecureNoAuth?: boolean; cwd?: string } = {},
): ServiceConfig {
  const problems: string[] = [];
  const known = new Set(Object.keys(environment));
  for (const name of Object.keys(env).sort())
    if (name.startsWith('VOT_') && !known.has(name)) problems.push(`${name}: not a variable of vot-service`);
  const given = Object.fromEntries(Object.keys(environment).map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const parsed = schema.safeParse(given);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  let audit: AuditTarget | undefined;
  try {
    audit = parseAuditTarget(parsed.success ? parsed.data.VOT_AUDIT : (given.VOT_AUDIT ?? 'jsonl:audit.jsonl'), { cwd: flags.cwd });
  } catch (error) {
    if (!(error instanceof AuditTargetError)) throw error;
    problems.push(`VOT_AUDIT: ${error.message}`);
  }
  if (!parsed.success || !audit) throw new ConfigError(problems);
  const values = parsed.data;
  if (values.VOT_JWKS_FILE && !values.VOT_JWT_AUDIENCE)
    problems.push(
      'VOT_JWT_AUDIENCE: required with VOT_JWKS_FILE, so a token your identity provider issued for another application is not accepted',
    );
  if ((values.VOT_JWT_ISSUER || values.VOT_JWT_AUDIENCE) && !values.VOT_JWKS_FILE)
    problems.push('VOT_JWT_ISSUER/VOT_JWT_AUDIENCE: need VOT_JWKS_FILE');
  const insecureNoAuth = flags.insecureNoAuth === true;
  if (!values.VOT_TOKENS_FILE && !values.VOT_JWKS_FILE && !insecureNoAuth)
    problems.push('no authentication: set VOT_TOKENS_FILE and/or VOT_JWKS_FILE (or start with --insecure-no-auth, for development only)');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host: values.HOST,
    port: values.PORT,
    logLevel: values.VOT_LOG_LEVEL,
    tokensFile: values.VOT_TOKENS_FILE,
    jwksFile: values.VOT_JWKS_FILE,
    jwtIssuer: values.VOT_JWT_ISSUER,
    jwtAudience: values.VOT_JWT_AUDIENCE,
    audit,
    policiesDir: values.VOT_POLICIES_DIR,
    settingsFile: values.VOT_SETTINGS_FILE,
    rateLimit: values.VOT_RATE_LIMIT,
    insecureNoAuth,
  };
}
