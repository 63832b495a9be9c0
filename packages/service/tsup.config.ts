import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// ESM only: jose 6 is an ES module, and the package is mainly its `vot-service` binary.
export default defineConfig([
  packagePreset({ index: 'src/index.ts' }, { format: ['esm'], clean: false }),
  packagePreset({ bin: 'src/bin.ts' }, { format: ['esm'], dts: false, clean: false }),
]);
