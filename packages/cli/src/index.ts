export { main, buildProgram } from './main.js';
export { exitCodes, CommandFailed, UsageError, type CliIo } from './io.js';
export { writeFileAtomic } from './write.js';
export { policyDirFor } from './policy-dir.js';
export { renderDecision } from './commands/eval.js';
