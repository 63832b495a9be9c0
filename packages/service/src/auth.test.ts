/** The tokens file and bearer tokens: hashes only, every bad line named, anything unlisted refused. */
import { describe, expect, it } from 'vitest';
import { AuthConfigError, loadAuthenticator, parseTokensFile, tokenDigest } from './auth.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const digest = tokenDigest('s3cret');

describe('parseTokensFile', () => {
  it('reads `name:sha256-hex` lines, skipping blank lines and comments', () => {
    const tokens = parseTokensFile(`# callers\n\ncase-system:${digest}\r\n  gosys@nav:${'A'.repeat(64)}  \n`, 'tokens');
    expect(tokens.map((t) => [t.name, t.digest.toString('hex')])).toEqual([
      ['case-system', digest],
      ['gosys@nav', 'a'.repeat(64)],
    ]);
  });

  it('names every bad line: no hash, a short hash, a clear-text token, a bad name, a name or hash twice', () => {
    const text = [
      `ok:${digest}`,
      'no-hash',
      `short:${digest.slice(1)}`,
      's3cret',
      `bad name:${digest.replace(/^./, 'f')}`,
      `ok:${'b'.repeat(64)}`,
      `again:${digest}`,
    ].join('\n');
    expect(() => parseTokensFile(text, 'tokens.txt')).toThrow(AuthConfigError);
    try {
      parseTokensFile(text, 'tokens.txt');
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'tokens.txt:2: expected `name:sha256-hex` (a name, a colon and 64 hexadecimal digits)',
        'tokens.txt:3: expected `name:sha256-hex` (a name, a colon and 64 hexadecimal digits)',
        'tokens.txt:4: expected `name:sha256-hex` (a name, a colon and 64 hexadecimal digits)',
        'tokens.txt:5: the name must be letters, digits and . _ @ : / - (at most 128)',
        'tokens.txt:6: the name `ok` is listed twice',
        'tokens.txt:7: the same token hash is listed twice',
      ]);
    }
    expect(() => parseTokensFile('# nothing\n', 'empty.txt')).toThrow('empty.txt lists no token');
  });
});

describe('loadAuthenticator', () => {
  it('names the caller of a listed token and refuses anything else, saying whether a token was missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vot-auth-'));
    await writeFile(join(dir, 'tokens'), `case-system:${digest}\n`);
    const auth = await loadAuthenticator({ tokensFile: join(dir, 'tokens') });
    expect(await auth.authenticate('Bearer s3cret')).toEqual({ caller: 'case-system' });
    expect(await auth.authenticate('bearer   s3cret')).toEqual({ caller: 'case-system' });
    expect(await auth.authenticate(undefined)).toMatchObject({ refused: 'missing' });
    for (const header of ['Bearer s3cre', 'Bearer S3cret', `Bearer ${digest}`, 'Basic s3cret', 'Bearer s3cret extra', 'Bearer '])
      expect(await auth.authenticate(header), header).toMatchObject({ refused: 'invalid' });
    await expect(loadAuthenticator({ tokensFile: join(dir, 'missing') })).rejects.toThrow(
      /the tokens file .*missing cannot be read \(ENOENT\)/,
    );
    await writeFile(join(dir, 'jwks.json'), '{"keys": [], "keys": []}');
    await expect(loadAuthenticator({ jwksFile: join(dir, 'jwks.json'), jwtAudience: 'x' })).rejects.toThrow('duplicate key `keys`');
  });
});
