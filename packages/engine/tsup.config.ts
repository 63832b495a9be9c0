import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// Four entries: the engine for hosts and the command line's users (src/index.ts); the decision
// runtime a host starts with (no zod, yaml or json-rules-engine at import; see src/runtime.ts);
// what the what-if page runs in a browser (src/browser.ts); and the tools the command line and
// the tests are built from (src/tools.ts).
export default defineConfig(
  packagePreset({ index: 'src/index.ts', runtime: 'src/runtime.ts', browser: 'src/browser.ts', tools: 'src/tools.ts' }),
);
