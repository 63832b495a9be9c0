/**
 * `vot bundle sign <bundle> --key <private key>` writes `<bundle>.sig`: an ed25519 signature
 * over the bundle file's exact bytes, naming the key by its id. `vot bundle verify <bundle>
 * [--key <public key>]…` checks it against the keys given, else those of
 * VOT_BUNDLE_PUBLIC_KEYS, as `loadPolicies` does before it loads the bundle.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseBundle, PolicyError, renderDiagnostics } from '@vot/engine';
import {
  bundlePublicKeysFromEnvironment,
  fileErrorReason,
  parseBundlePublicKeys,
  signatureFileOf,
  signBundle,
  terminalLine,
  verifyBundleSignature,
  writeFileAtomic,
} from '@vot/engine/tools';
import { CommandFailed, exitCodes, refuse, UsageError, type CliIo } from '../io.js';

/** A bundle is a few megabytes at most; a key file or a signature file a few hundred bytes. */
const maxBundleBytes = 64 * 1024 * 1024;
const maxKeyBytes = 64 * 1024;

async function readSized(io: CliIo, file: string, limit: number): Promise<Buffer> {
  const path = resolve(io.cwd, file);
  try {
    const size = (await stat(path)).size;
    if (size > limit) refuse(io, { code: 'file-too-large', file, args: { size, limit } });
    return await readFile(path);
  } catch (error) {
    if (error instanceof CommandFailed) throw error;
    return refuse(io, { code: 'file-unreadable', file, args: { file, reason: fileErrorReason(error) } });
  }
}

function failWith(io: CliIo, error: unknown): never {
  if (error instanceof PolicyError) {
    io.err(renderDiagnostics(error.diagnostics));
    throw new CommandFailed(exitCodes.badInput);
  }
  throw error;
}

export async function runBundleSign(io: CliIo, file: string, options: { key: string; format?: 'text' | 'json' }): Promise<void> {
  const bytes = await readSized(io, file, maxBundleBytes);
  // Only a bundle that loads is signed: its own integrity hash is checked first.
  try {
    parseBundle(bytes.toString('utf8'), file);
  } catch (error) {
    failWith(io, error);
  }
  const key = (await readSized(io, options.key, maxKeyBytes)).toString('utf8');
  let signature: string;
  try {
    signature = signBundle(bytes, key);
  } catch (error) {
    throw new UsageError(`--key ${options.key}: ${(error as Error).message}`);
  }
  const target = resolve(io.cwd, signatureFileOf(file));
  await writeFileAtomic(target, signature);
  const keyId = (JSON.parse(signature) as { keyId: string }).keyId;
  io.out(
    options.format === 'json'
      ? JSON.stringify({ ok: true, bundle: file, keyId, signature: signatureFileOf(file) }, null, 2)
      : `signed ${terminalLine(file)} with key ${keyId}: ${terminalLine(signatureFileOf(file))}`,
  );
}

export async function runBundleVerify(io: CliIo, file: string, options: { key?: string[]; format?: 'text' | 'json' }): Promise<void> {
  const keyTexts = options.key?.length
    ? await Promise.all(options.key.map(async (path) => (await readSized(io, path, maxKeyBytes)).toString('utf8')))
    : bundlePublicKeysFromEnvironment(process.env.VOT_BUNDLE_PUBLIC_KEYS);
  if (keyTexts.length === 0) throw new UsageError('give the public key with --key <file>, or set VOT_BUNDLE_PUBLIC_KEYS');
  const bytes = await readSized(io, file, maxBundleBytes);
  // A signature file is a few hundred bytes: a larger one is not read, and the bundle counts as unsigned.
  const signaturePath = resolve(io.cwd, signatureFileOf(file));
  const signatureSize = await stat(signaturePath).then(
    (info) => info.size,
    () => undefined,
  );
  const signature =
    signatureSize !== undefined && signatureSize <= maxKeyBytes ? await readFile(signaturePath, 'utf8').catch(() => undefined) : undefined;
  try {
    const keys = parseBundlePublicKeys(keyTexts, options.key?.length ? '--key' : 'VOT_BUNDLE_PUBLIC_KEYS');
    const keyId = verifyBundleSignature(bytes, signature, keys, file);
    const model = parseBundle(bytes.toString('utf8'), file);
    const policy = { name: model.name, version: model.version, hash: model.hash };
    io.out(
      options.format === 'json'
        ? JSON.stringify({ ok: true, bundle: file, keyId, policy }, null, 2)
        : `${terminalLine(file)}: signed by key ${keyId}, the signature matches its bytes\n  policy ${terminalLine(`${model.name} ${model.version}`)} (${model.hash})`,
    );
  } catch (error) {
    failWith(io, error);
  }
}
