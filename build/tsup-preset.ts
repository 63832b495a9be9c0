/**
 * The build every published package shares: ESM and CJS side by side with their own type
 * declarations (`.d.ts` for `import`, `.d.cts` for `require`), for Node 20, no source maps (the
 * package ships what runs). Dependencies stay external, so a host installs each only once.
 */
import type { Options } from 'tsup';

export function packagePreset(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    sourcemap: false,
    // `import.meta.url` in the CJS output becomes a `__filename`-based URL.
    shims: true,
    outDir: 'dist',
    ...extra,
  };
}
