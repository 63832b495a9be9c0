/**
 * Where the tests find a Chromium to drive with playwright-core: `CHROMIUM_PATH` when set, else
 * the first of the usual names on `PATH`. When none is there, the error says how to install one,
 * so a newcomer's first `pnpm test` explains itself instead of failing on a path.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The names Debian, Ubuntu, Fedora, Homebrew and Google's packages give the browser. */
export const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'] as const;

const isExecutableFile = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

export const chromiumMissingHelp = [
  'Chromium was not found: set CHROMIUM_PATH to its executable, or put `chromium` on PATH.',
  'Debian or Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium` (Ubuntu: `chromium-browser`);',
  'Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`, then',
  '`export CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium`. `.ci/run` installs it on CI.',
].join('\n');

/** The Chromium executable for these variables; throws with `chromiumMissingHelp` when there is none. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (isExecutableFile(given)) return given;
    throw new Error(`CHROMIUM_PATH is \`${given}\`, which is not an executable file.\n${chromiumMissingHelp}`);
  }
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of chromiumNames) if (isExecutableFile(join(folder, name))) return join(folder, name);
  throw new Error(chromiumMissingHelp);
}
