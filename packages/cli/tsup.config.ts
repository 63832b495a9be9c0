import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// Two builds side by side, so neither cleans `dist/` (the build script empties it first).
export default defineConfig([
  packagePreset({ index: 'src/index.ts' }, { clean: false }),
  // The `vot` binary: ESM only, keeps its `#!/usr/bin/env node` line.
  packagePreset({ bin: 'src/bin.ts' }, { format: ['esm'], dts: false, clean: false }),
]);
