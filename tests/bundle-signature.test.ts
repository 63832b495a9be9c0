/**
 * Signed bundles. The integrity hash catches an accidental change, not an attacker: a bundle
 * edited to permit an exclusion, with its hash recomputed, still loads by its hash alone. With a
 * public key configured only a bundle whose ed25519 signature over its exact bytes verifies is
 * loaded; an unsigned one, one signed by another key, or one changed after signing is refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBundle, PolicyError, type PolicySetModel } from '@vot/engine';
import { parseBundlePublicKeys, serializeBundle, signBundle, verifyBundleSignature } from '@vot/engine/tools';
import { loadPolicies } from '@vot/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVot } from './cli-harness.js';

let dir: string;
let bundle: string;
let bytes: Buffer;
let model: PolicySetModel;
const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};
const ours = pair();
const theirs = pair();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vot-bundle-'));
  model = structuredClone((await loadPolicies({ dir: 'policies' })).model) as PolicySetModel;
  bundle = join(dir, 'bundle.json');
  bytes = Buffer.from(serializeBundle(model));
  await writeFile(bundle, bytes);
  await writeFile(join(dir, 'key.pem'), ours.privatePem);
  await writeFile(join(dir, 'key.pub.pem'), ours.publicPem);
  await writeFile(join(dir, 'other.pub.pem'), theirs.publicPem);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The attack of issue 17: permit exclusion on a first incident, and recompute the hash. */
function forgedBundle(): Buffer {
  const forged = structuredClone(model) as PolicySetModel;
  const exclusion = forged.points.find((p) => p.id === 'reaction')!.outcomes.find((o) => o.id === 'exclusion-physical')!;
  // Every rule that refuses exclusion now permits it.
  for (const rule of [...exclusion.rules, ...(exclusion.otherwise ? [exclusion.otherwise] : [])])
    if (rule.status === 'not-permitted') (rule as { status: string }).status = 'permitted';
  return Buffer.from(serializeBundle(forged));
}

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).diagnostics[0]!.message;
  }
  throw new Error('not refused');
};

describe('signed bundles', () => {
  it('the integrity hash alone does not stop an edit with the hash recomputed; the signature does', () => {
    const forged = forgedBundle();
    expect(() => parseBundle(forged.toString('utf8'))).not.toThrow();
    const keys = parseBundlePublicKeys([ours.publicPem]);
    const signature = signBundle(bytes, ours.privatePem);
    expect(verifyBundleSignature(bytes, signature, keys, 'bundle.json')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(refusal(() => verifyBundleSignature(forged, signature, keys, 'bundle.json'))).toContain(
      'its signature does not match its bytes',
    );
  });

  it('refuses an unsigned bundle, one signed by a key not configured, and a key that is not ed25519', () => {
    const keys = parseBundlePublicKeys([ours.publicPem]);
    expect(refusal(() => verifyBundleSignature(bytes, undefined, keys, 'bundle.json'))).toContain(
      'it is not signed, and a public key is configured',
    );
    const byOther = signBundle(bytes, theirs.privatePem);
    expect(refusal(() => verifyBundleSignature(bytes, byOther, keys, 'bundle.json'))).toContain('which is not one of the configured keys');
    // A signature file with two keyIds is refused before either is looked at.
    const twice = signBundle(bytes, ours.privatePem).replace('{', `{"keyId": "sha256:${'0'.repeat(64)}",`);
    expect(refusal(() => verifyBundleSignature(bytes, twice, keys, 'bundle.json'))).toContain('duplicate key `keyId`');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(refusal(() => parseBundlePublicKeys([rsa]))).toContain('not ed25519');
    // The one-line form for an environment variable: base64 DER.
    const oneLine = Buffer.from(ours.publicPem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('base64');
    expect(verifyBundleSignature(bytes, signBundle(bytes, ours.privatePem), parseBundlePublicKeys([oneLine]), 'b')).toBeDefined();
  });

  it('vot bundle sign writes <bundle>.sig; vot bundle verify checks it, and refuses the bundle once it is changed', async () => {
    const signed = await runVot(['bundle', 'sign', bundle, '--key', join(dir, 'key.pem')]);
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/signed .*bundle\.json with key sha256:[0-9a-f]{64}/);
    const verified = await runVot(['bundle', 'verify', bundle, '--key', join(dir, 'key.pub.pem')]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('the signature matches its bytes');
    const other = await runVot(['bundle', 'verify', bundle, '--key', join(dir, 'other.pub.pem')]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('error[bundle-invalid]');
    await writeFile(bundle, forgedBundle());
    const changed = await runVot(['bundle', 'verify', bundle, '--key', join(dir, 'key.pub.pem')]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('its signature does not match its bytes');
    await writeFile(bundle, bytes);
    expect(JSON.parse(await readFile(`${bundle}.sig`, 'utf8'))).toMatchObject({ format: 'vot-bundle-signature@1', algorithm: 'ed25519' });
  });

  it('loadPolicies with a key configured loads no unsigned YAML instead (a source checkout, or local settings)', async () => {
    await expect(loadPolicies({ publicKeys: [ours.publicPem] })).rejects.toThrow(PolicyError);
    await expect(loadPolicies({ publicKeys: [ours.publicPem], settings: { 'exclusion.max-weeks': 8 } })).rejects.toThrow(/local settings/);
    const before = process.env.VOT_BUNDLE_PUBLIC_KEYS;
    process.env.VOT_BUNDLE_PUBLIC_KEYS = ours.publicPem;
    try {
      await expect(loadPolicies()).rejects.toThrow(PolicyError);
    } finally {
      if (before === undefined) delete process.env.VOT_BUNDLE_PUBLIC_KEYS;
      else process.env.VOT_BUNDLE_PUBLIC_KEYS = before;
    }
  });
});
