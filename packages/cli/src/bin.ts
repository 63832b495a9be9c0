#!/usr/bin/env node
import { terminalText } from '@vot/engine/tools';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main() reports its own failures; this is the last resort, and its text may quote input too.
    process.stderr.write(`internal error: ${terminalText(String(error))}\n`);
    process.exitCode = 3;
  },
);
