/**
 * Signed bundles. A bundle's integrity hash detects an accidental change (a cut-off copy, a
 * byte flipped on disk), but not an attacker: whoever can edit `bundle.json` can recompute the
 * hash. A signature can only be made with the private key: `signBundle` signs the exact bytes
 * of the bundle file with ed25519 (node:crypto) and names the key by its id; a host that
 * configures public keys loads only a bundle whose signature verifies under one of them, and
 * refuses an unsigned one (unlike `opa sign`'s optional verification).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { diagnostic, PolicyError } from '../diagnostics.js';
import { parseStrictJson } from '../json/strict-json.js';

/** The `format` of a signature file (`<bundle>.sig`). */
export const bundleSignatureFormat = 'vot-bundle-signature@1';

/** The signature file of a bundle file: next to it, with `.sig` added. */
export const signatureFileOf = (bundleFile: string): string => `${bundleFile}.sig`;

/** A key's id: sha256 over its public key (SubjectPublicKeyInfo, DER), as `sha256:<hex>`. */
export function bundleKeyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return `sha256:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

function refuse(file: string, reason: string, help?: string): never {
  throw new PolicyError(`the policy bundle ${file} is not usable: ${reason}`, [
    diagnostic({ code: 'bundle-invalid', file, args: { reason }, help }),
  ]);
}

/**
 * Public keys as a host gives them: PEM text (`-----BEGIN PUBLIC KEY-----`), or the key's DER
 * in base64 on one line (what fits an environment variable). Only ed25519 keys are accepted.
 */
export function parseBundlePublicKeys(keys: readonly string[], from = 'publicKeys'): KeyObject[] {
  return keys.map((text, index) => {
    let key: KeyObject;
    try {
      const trimmed = text.trim();
      key = trimmed.includes('-----BEGIN')
        ? createPublicKey(trimmed)
        : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
    } catch {
      return refuse(
        from,
        `key ${index + 1} is not a public key in PEM or base64 DER`,
        'give the output of `openssl pkey -in key.pem -pubout`',
      );
    }
    if (key.asymmetricKeyType !== 'ed25519') refuse(from, `key ${index + 1} is a ${key.asymmetricKeyType} key, not ed25519`);
    return key;
  });
}

/** The keys of `VOT_BUNDLE_PUBLIC_KEYS`: keys separated by commas (each PEM or base64 DER). */
export function bundlePublicKeysFromEnvironment(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').filter((part) => part.trim() !== '');
}

/** The signature file's text for a bundle's exact bytes, signed with an ed25519 private key (PEM). */
export function signBundle(bundleBytes: Uint8Array, privateKeyPem: string): string {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new Error('the key is not a private key in PEM (make one with `openssl genpkey -algorithm ed25519 -out key.pem`)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key is a ${key.asymmetricKeyType} key; bundles are signed with ed25519`);
  const signature = sign(null, bundleBytes, key).toString('base64');
  return `${JSON.stringify({ format: bundleSignatureFormat, algorithm: 'ed25519', keyId: bundleKeyId(key), signature })}\n`;
}

/**
 * Checks a bundle's signature file against its exact bytes and the configured keys; returns
 * the id of the key that signed it, or throws a PolicyError (`bundle-invalid`) saying why not:
 * no signature, a key that is not configured, or a signature that does not match the bytes.
 */
export function verifyBundleSignature(
  bundleBytes: Uint8Array,
  signatureText: string | undefined,
  keys: readonly KeyObject[],
  file: string,
): string {
  if (signatureText === undefined)
    refuse(file, 'it is not signed, and a public key is configured', `sign it with \`vot bundle sign ${file} --key <private key>\``);
  // Strictly, as all JSON from outside: with two `keyId`s, which one was checked would be unclear.
  const read = parseStrictJson(signatureText, { maxDepth: 4 });
  if (!read.ok) return refuse(file, `its signature file ${signatureFileOf(file)} is not strict JSON (${read.error.message})`);
  const data = read.value as { format?: unknown; algorithm?: unknown; keyId?: unknown; signature?: unknown } | null;
  if (data === null || typeof data !== 'object' || data.format !== bundleSignatureFormat || data.algorithm !== 'ed25519')
    refuse(file, `its signature file is not a ${bundleSignatureFormat} ed25519 signature`);
  const key = keys.find((candidate) => bundleKeyId(candidate) === data.keyId);
  if (!key) refuse(file, `it is signed by key ${String(data.keyId).slice(0, 80)}, which is not one of the configured keys`);
  const signature = typeof data.signature === 'string' ? Buffer.from(data.signature, 'base64') : Buffer.alloc(0);
  if (!verify(null, bundleBytes, key, signature))
    refuse(
      file,
      'its signature does not match its bytes: it was changed after it was signed',
      'rebuild and sign it again, or reinstall the package',
    );
  return String(data.keyId);
}
