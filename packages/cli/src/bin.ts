#!/usr/bin/env node
import { terminalText } from '@vot/engine/terminal';
import { main } from './main.js';

// `vot test | head`: the reader went away. Stop quietly, as a pipeline expects, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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
