#!/usr/bin/env node
/**
 * `pnpm vot`: the command line from the workspace. When the built packages were made from
 * exactly the sources in the checkout, it runs the built JavaScript (no TypeScript to transpile,
 * so a command starts as fast as the installed binary); otherwise it runs the sources through
 * tsx, as before. It never runs a stale build.
 *
 * "Exactly": `pnpm build` stamps the content hash of every input of the build (each package's
 * src/, scripts/, package.json and tsup config, build/, the policies/ folder, the lockfile;
 * build/build-inputs.mjs), computed before the build and kept only when the inputs did not
 * change while it ran, with the hash of every file the build wrote to dist/, into
 * node_modules/.cache/vot/build-stamp.json. Here both are computed again and compared, so
 * neither an edit since the build nor a build of other sources since the stamp (a package
 * built on its own) runs stale code. `VOT_SOURCES=1` always runs the sources.
 *
 *   node build/vot.mjs <command> …      run vot
 *   node build/vot.mjs --build-begin    (pnpm build) note the inputs' hash before building
 *   node build/vot.mjs --build-end      (pnpm build) stamp it, if the inputs are unchanged
 *   node build/vot.mjs --which          print `built` or `sources`: what a command would run
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildInputsHash, buildOutputsHash } from './build-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// VOT_BUILD_STAMP_DIR: for the launcher's own tests, which must not touch the checkout's stamp.
const cache = process.env.VOT_BUILD_STAMP_DIR ?? join(root, 'node_modules', '.cache', 'vot');
const stampFile = join(cache, 'build-stamp.json');
const pendingFile = join(cache, 'build-stamp.pending.json');
const builtBin = join(root, 'packages', 'cli', 'dist', 'bin.js');

function readStamp(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Whether dist/ holds exactly what a build of exactly these sources made. */
function builtIsCurrent() {
  if (process.env.VOT_SOURCES === '1' || !existsSync(builtBin)) return false;
  const stamp = readStamp(stampFile);
  return stamp.inputs === buildInputsHash(root) && stamp.outputs === buildOutputsHash(root);
}

const args = process.argv.slice(2);
if (args[0] === '--build-begin') {
  mkdirSync(cache, { recursive: true });
  rmSync(stampFile, { force: true });
  writeFileSync(pendingFile, `${JSON.stringify({ inputs: buildInputsHash(root) })}\n`);
} else if (args[0] === '--build-end') {
  // Stamped only if nothing changed while the build ran: the build then holds exactly these inputs.
  const { inputs } = readStamp(pendingFile);
  rmSync(pendingFile, { force: true });
  if (inputs === buildInputsHash(root)) writeFileSync(stampFile, `${JSON.stringify({ inputs, outputs: buildOutputsHash(root) })}\n`);
} else if (builtIsCurrent()) {
  if (args[0] === '--which') console.log('built');
  else await import(pathToFileURL(builtBin).href);
} else if (args[0] === '--which') {
  console.log('sources');
} else {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = spawnSync(process.execPath, [tsx, '--conditions=@vot/source', join(root, 'packages', 'cli', 'src', 'bin.ts'), ...args], {
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 3;
}
