/**
 * Who is calling. Fail closed: a request is served only with a bearer token that is either
 *
 * - listed in the tokens file, as `name:sha256-hex` (the hash of the token, so the file holds
 *   no secret), or
 * - a JWT signed by a key of the local JWKS file, with the configured audience (and issuer), not
 *   expired, whose `sub` names the caller (for OIDC deployments; the keys are read from a file,
 *   never fetched).
 *
 * Anything else is refused, and the refusal says why in the `WWW-Authenticate` header's terms
 * (RFC 6750), without saying which tokens exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parseStrictJson } from '@vot/engine';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

export type Authentication = { caller: string } | { refused: 'missing' | 'invalid'; reason: string };

export interface Authenticator {
  /** How the callers authenticate, for the start-up log (never a secret). */
  readonly methods: string[];
  authenticate(authorization: string | undefined): Promise<Authentication>;
}

/** A caller's name: what goes into the logs and the audit trail. */
const callerName = /^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,127}$/;

export class AuthConfigError extends Error {}

/** Files read at start are small: a tokens file or a key set is a few kilobytes. */
const maxFileBytes = 1024 * 1024;

async function readSmallFile(path: string, what: string): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new AuthConfigError(`${what} ${path} cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new AuthConfigError(`${what} ${path} is not a file`);
  if (info.size > maxFileBytes) throw new AuthConfigError(`${what} ${path} is larger than ${maxFileBytes} bytes`);
  return readFile(path, 'utf8');
}

/** The tokens file: `name:sha256-hex` a line; blank lines and `#` comments allowed. Every bad line is reported. */
export function parseTokensFile(text: string, file: string): Array<{ name: string; digest: Buffer }> {
  const tokens: Array<{ name: string; digest: Buffer }> = [];
  const problems: string[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${index + 1}`;
    const match = /^([^:]+):([0-9a-fA-F]{64})$/.exec(line);
    if (!match) {
      problems.push(`${where}: expected \`name:sha256-hex\` (a name, a colon and 64 hexadecimal digits)`);
      return;
    }
    const [, name = '', hex = ''] = match;
    if (!callerName.test(name)) problems.push(`${where}: the name must be letters, digits and . _ @ : / - (at most 128)`);
    else if (names.has(name)) problems.push(`${where}: the name \`${name}\` is listed twice`);
    else if (digests.has(hex.toLowerCase())) problems.push(`${where}: the same token hash is listed twice`);
    names.add(name);
    digests.add(hex.toLowerCase());
    tokens.push({ name, digest: Buffer.from(hex, 'hex') });
  });
  if (problems.length > 0) throw new AuthConfigError(problems.join('\n'));
  if (tokens.length === 0) throw new AuthConfigError(`${file} lists no token`);
  return tokens;
}

/** The sha256 hex of a token, as the tokens file lists it (`printf %s "$TOKEN" | sha256sum`). */
export const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const looksLikeJwt = (token: string): boolean => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);

/** Asymmetric signatures only: a shared-secret algorithm (HS*) would let anyone holding the key set sign. */
const jwtAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface AuthOptions {
  tokensFile?: string;
  jwksFile?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
}

export async function loadAuthenticator(options: AuthOptions): Promise<Authenticator> {
  const tokens = options.tokensFile ? parseTokensFile(await readSmallFile(options.tokensFile, 'the tokens file'), options.tokensFile) : [];
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  if (options.jwksFile) {
    const parsed = parseStrictJson(await readSmallFile(options.jwksFile, 'the JWKS file'));
    if (!parsed.ok)
      throw new AuthConfigError(`the JWKS file ${options.jwksFile}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
    try {
      keySet = createLocalJWKSet(parsed.value as unknown as JSONWebKeySet);
    } catch (error) {
      throw new AuthConfigError(`the JWKS file ${options.jwksFile} is not a key set: ${(error as Error).message}`);
    }
  }
  const methods = [...(tokens.length > 0 ? [`tokens (${tokens.length})`] : []), ...(keySet ? ['jwt'] : [])];

  return {
    methods,
    async authenticate(authorization) {
      if (!authorization) return { refused: 'missing', reason: 'no bearer token' };
      const match = /^Bearer +([\x21-\x7e]{1,8192})$/i.exec(authorization.trim());
      if (!match) return { refused: 'invalid', reason: 'the Authorization header is not `Bearer <token>`' };
      const token = match[1]!;
      if (keySet && looksLikeJwt(token)) {
        try {
          const { payload } = await jwtVerify(token, keySet, {
            algorithms: jwtAlgorithms,
            audience: options.jwtAudience,
            ...(options.jwtIssuer ? { issuer: options.jwtIssuer } : {}),
            requiredClaims: ['sub', 'exp'],
            clockTolerance: 30,
          });
          if (typeof payload.sub !== 'string' || !callerName.test(payload.sub))
            return { refused: 'invalid', reason: 'the token names no usable caller (`sub`)' };
          return { caller: payload.sub };
        } catch (error) {
          return { refused: 'invalid', reason: `the token was not accepted (${(error as { code?: string }).code ?? 'invalid'})` };
        }
      }
      // Compared with every listed hash, in constant time each, so the time taken says nothing of which was close.
      const digest = createHash('sha256').update(token, 'utf8').digest();
      let caller: string | undefined;
      for (const entry of tokens) if (timingSafeEqual(entry.digest, digest)) caller = entry.name;
      return caller ? { caller } : { refused: 'invalid', reason: 'the token was not accepted' };
    },
  };
}

/** No authentication at all (`--insecure-no-auth`): every request is the caller `anonymous`. */
export const noAuthentication: Authenticator = {
  methods: ['none (insecure)'],
  authenticate: async () => ({ caller: 'anonymous' }),
};
