import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

export default defineConfig(packagePreset({ index: 'src/index.ts' }));
