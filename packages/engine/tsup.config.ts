import { defineConfig } from 'tsup';
import { packagePreset } from '../../build/tsup-preset.js';

// Five entries: the engine for hosts and the command line's users (src/index.ts); the decision
// runtime a host starts with (no zod, yaml or json-rules-engine at import; see src/runtime.ts);
// what the what-if page runs in a browser (src/browser.ts); the tools the command line and the
// tests are built from (src/tools.ts); and what a command prints before it needs the engine
// (src/terminal.ts, no dependency either).
export default defineConfig(
  packagePreset({
    index: 'src/index.ts',
    runtime: 'src/runtime.ts',
    browser: 'src/browser.ts',
    tools: 'src/tools.ts',
    terminal: 'src/terminal.ts',
  }),
);
