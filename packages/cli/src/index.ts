export { main, buildProgram } from './main.js';
export { exitCodes, CommandFailed, UsageError, type CliIo } from './io.js';
export { policyDirFor } from './policy-dir.js';
export { renderDecision } from './commands/eval.js';
export { bookPages } from './render/book.js';
export { bookMarkdown } from './render/book-markdown.js';
