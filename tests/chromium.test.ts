/** The Chromium finder the browser tests use: CHROMIUM_PATH first, then PATH, else how to install it. */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingHelp, findChromium } from './chromium.js';

let dir: string;
const executable = async (path: string) => {
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vot-chromium-finder-'));
  for (const sub of ['empty', 'first', 'second', 'plain']) await mkdir(join(dir, sub));
  await executable(join(dir, 'first', 'chromium-browser'));
  await executable(join(dir, 'second', 'chromium'));
  await writeFile(join(dir, 'plain', 'chromium'), 'not executable');
  await executable(join(dir, 'custom-chrome'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH before anything on PATH', () => {
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'custom-chrome'), PATH: join(dir, 'second') })).toBe(join(dir, 'custom-chrome'));
  });

  it('refuses a CHROMIUM_PATH that is not an executable file, naming it', () => {
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'plain', 'chromium') })).toThrow(/CHROMIUM_PATH is `.*plain\/chromium`/);
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'empty') })).toThrow(/not an executable file/);
  });

  it('searches PATH in order, skipping folders without one and files that cannot run', () => {
    const path = [join(dir, 'empty'), join(dir, 'plain'), join(dir, 'first'), join(dir, 'second')].join(delimiter);
    expect(findChromium({ PATH: path })).toBe(join(dir, 'first', 'chromium-browser'));
    expect(findChromium({ PATH: [join(dir, 'plain'), join(dir, 'second')].join(delimiter) })).toBe(join(dir, 'second', 'chromium'));
  });

  it('says how to install it when there is none', () => {
    expect(() => findChromium({ PATH: join(dir, 'empty') })).toThrow(chromiumMissingHelp);
    expect(() => findChromium({})).toThrow(/apt-get install -y chromium/);
  });
});
