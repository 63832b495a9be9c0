import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// Three builds side by side, so none cleans `dist/` (the build script empties it first).
export default defineConfig([
  // esbuild is imported only by a source checkout's `vot render` (see bundleWhatIf): never bundled.
  packagePreset({ index: 'src/index.ts' }, { clean: false, external: ['esbuild'] }),
  // The `vot` binary: ESM only, keeps its `#!/usr/bin/env node` line. Split into chunks, so each
  // command's module (imported when the command runs) and the engine entries it imports load
  // only for that command: `vot eval` does not load the checker's yaml and zod.
  packagePreset({ bin: 'src/bin.ts' }, { format: ['esm'], dts: false, clean: false, external: ['esbuild'], splitting: true }),
  // The what-if page's script, prebuilt for the browser with the engine inside, so `vot render`
  // from the installed package needs no bundler (see bundleWhatIf in src/commands/render.ts).
  {
    entry: { whatif: 'src/render/whatif-client.ts' },
    format: ['iife'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    dts: false,
    clean: false,
    sourcemap: false,
    noExternal: [/.*/],
    // `@vot/engine/browser` from the engine's sources, so the builds need not wait for each other.
    esbuildOptions(options) {
      options.conditions = ['@vot/source'];
    },
    outDir: 'dist/assets',
    outExtension: () => ({ js: '.js' }),
  },
]);
