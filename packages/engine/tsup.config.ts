import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// Two entries: the whole engine, and the decision runtime a host starts with (no zod, yaml or
// json-rules-engine at import; see src/runtime.ts).
export default defineConfig(packagePreset({ index: 'src/index.ts', runtime: 'src/runtime.ts' }));
