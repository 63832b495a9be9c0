/**
 * Content hashes of the packages' build, which build/vot.mjs compares with the stamp
 * `pnpm build` leaves. Inputs: each package's src/, scripts/, package.json and tsup config,
 * build/, the policies/ folder, the root package.json and the lockfile (dot-files,
 * node_modules and dist/ are no input). Outputs: every file of each package's dist/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `folder`, skipping dot-files, node_modules and any dist/ below it. */
function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(folder, file)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules' || part === 'dist'),
    );
}

/** sha256 over each file's path (relative to `root`) and content, in path order. */
function hashFiles(root, files) {
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(relative(root, file).split(sep).join('/'));
    hash.update('\u0000');
    hash.update(readFileSync(file));
    hash.update('\u0000');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The hash of what the build made: every file of every package's dist/. */
export function buildOutputsHash(root) {
  const packages = join(root, 'packages');
  return hashFiles(
    root,
    readdirSync(packages).flatMap((name) => filesUnder(join(packages, name, 'dist'))),
  );
}

/** The hash of what the build reads, for the workspace at `root`. */
export function buildInputsHash(root) {
  const packages = join(root, 'packages');
  const files = [
    join(root, 'pnpm-lock.yaml'),
    join(root, 'package.json'),
    ...filesUnder(join(root, 'build')),
    ...filesUnder(join(root, 'policies')),
  ];
  for (const name of readdirSync(packages)) {
    const folder = join(packages, name);
    for (const top of ['package.json', 'tsup.config.ts']) if (existsSync(join(folder, top))) files.push(join(folder, top));
    files.push(...filesUnder(join(folder, 'src')), ...filesUnder(join(folder, 'scripts')));
  }
  return hashFiles(root, files);
}
