/**
 * `vot`: commands for legal reviewers and CI. Each command lives in `commands/`; `main` wires
 * them into one program and maps failures onto exit codes (0 ok, 1 bad input, 2 usage,
 * 3 internal error, with a stack trace only under --debug). A command's module is imported
 * when the command runs, so `vot eval` does not load what `vot check` needs.
 */
import { langs } from '@vot/engine/browser';
import { renderDiagnostic, type Lang } from '@vot/engine/runtime';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CommandFailed, exitCodes, processIo, UsageError, type CliIo } from './io.js';

/** Commander's own usage errors (an unknown option, a missing argument) as a `usage` diagnostic, like every error of vot. */
const usageOutput = (io: CliIo) => ({
  writeOut: (text: string) => io.out(text),
  writeErr: (text: string) => io.err(text),
  outputError: (text: string, write: (text: string) => void) => {
    const [, detail = text, suggestion] = /^(?:error: )?([\s\S]*?)\s*(?:\(Did you mean (.+)\?\))?\s*$/.exec(text) ?? [];
    const help = suggestion ? `did you mean \`${suggestion}\`?` : undefined;
    write(renderDiagnostic(new UsageError(detail, help).diagnostic));
  },
});

/** A whole number of at least 1, for the folder limit options. */
function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

const formatOption = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
/** `--lang`: every language the engine has words for. */
const langOption = (description: string, fallback: Lang) => new Option('--lang <lang>', description).choices(langs).default(fallback);

/** The `vot` program with every command, writing to `io`; `main` runs it and maps failures onto exit codes. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('vot')
    .description('Check, test and evaluate YAML decision policies')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput(usageOutput(io))
    .showHelpAfterError(false);

  // Each command: its options here, its work in commands/<name>.ts.
  program
    .command('eval')
    .description('evaluate an incident (JSON facts) and print the decision with its legal basis')
    .argument('<facts>', 'a JSON file: { "title": {...}, "facts": {...} } or a bare fact record')
    .option('--point <point>', 'the decision point (default: every point the facts suffice for)')
    .addOption(langOption('language of reasons', 'nb'))
    .addOption(formatOption())
    .option('--policies <dir>', 'policy folder (default: ./policies, else the bundled policies)')
    .action(async (file: string, options: { point?: string; lang: Lang; format: 'text' | 'json'; policies?: string }) => {
      const { runEval } = await import('./commands/eval.js');
      await runEval(io, file, options);
    });

  program
    .command('check')
    .description('load and check a policy folder and run the regulation gate; exit 1 with diagnostics or a broken duty')
    .argument('[dir]', 'policy folder (default: ./policies)')
    .addOption(formatOption())
    .addOption(langOption('language of the regulation gate report', 'en'))
    .option('--no-gate', 'skip the regulation gate (the duty catalogues in duties/)')
    .option('--matrix', 'print the traceability matrix: which outcome implements which duty')
    .option('--max-files <n>', 'read at most n policy files (default: `limits` in policy-set.yaml, else 1000; at most 20000)', wholeNumber)
    .option(
      '--max-megabytes <n>',
      'read at most n MB of policy files (default: `limits` in policy-set.yaml, else 16; at most 256)',
      wholeNumber,
    )
    .action(
      async (
        dir: string | undefined,
        options: { format: 'text' | 'json'; lang: Lang; gate: boolean; matrix?: boolean; maxFiles?: number; maxMegabytes?: number },
      ) => {
        const { runCheck } = await import('./commands/check.js');
        await runCheck(io, dir, options);
      },
    );

  program
    .command('schema')
    .description('print, write or verify the JSON Schema files editors use')
    .option('--write', 'write policies/schema/*.schema.json')
    .option('--check', 'exit 1 when the committed schema files are stale')
    .option('--policies <dir>', 'policy folder (default: ./policies)')
    .action(async (options: { write?: boolean; check?: boolean; policies?: string }) => {
      const { runSchema } = await import('./commands/schema.js');
      await runSchema(io, { write: Boolean(options.write), check: Boolean(options.check), dir: options.policies });
    });

  program
    .command('test')
    .description('run the reviewer scenarios (*.scenarios.yaml) beside the policies; exit 1 on any failure')
    .argument('[dir]', 'policy folder, a folder inside it or one scenario file (default: ./policies)')
    .option('--filter <text>', 'only scenarios whose name or point contains this text')
    .addOption(langOption('language of the reasons shown under a failure', 'nb'))
    .addOption(formatOption())
    .action(async (dir: string | undefined, options: { filter?: string; format: 'text' | 'json'; lang: Lang }) => {
      const { runTest } = await import('./commands/test.js');
      await runTest(io, dir, options);
    });

  program
    .command('diff')
    .description(
      'semantic diff of two policy versions: which fact combinations get another decision, and changed reasons, sources and settings',
    )
    .argument('<base>', 'a policy folder or a git ref (e.g. main, HEAD~1)')
    .argument('[head]', 'a policy folder or a git ref (default: the working policy folder)')
    .addOption(
      new Option('--format <format>', 'output format (markdown: a pull-request comment)')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .addOption(langOption('language of the sentences', 'en'))
    .option('--policies <dir>', 'the working policy folder (default: ./policies)')
    .action(
      async (base: string, head: string | undefined, options: { format: 'text' | 'markdown' | 'json'; lang: Lang; policies?: string }) => {
        const { runDiff } = await import('./commands/diff.js');
        await runDiff(io, base, head, options);
      },
    );

  program
    .command('render')
    .description('render the policy book: static HTML (with a what-if page) and Markdown, readable offline')
    .option('--out <dir>', 'output folder (default: out/book)')
    .option('--policies <dir>', 'policy folder (default: ./policies)')
    .action(async (options: { out?: string; policies?: string }) => {
      const { runRender } = await import('./commands/render.js');
      await runRender(io, options);
    });

  program
    .command('replay')
    .description('replay stored decisions (audit records, one JSON object a line) under other policies and report which would change')
    .argument('<records>', 'a JSON Lines file of audit records (toAuditRecord) or a decision trail (a file or a postgres:// URL)')
    .option('--policies <dir>', 'policy folder to replay under (default: ./policies, else the bundled policies)')
    .addOption(formatOption())
    .addOption(langOption('language of the report', 'en'))
    .option('--fail-on-change', 'exit 1 when any stored decision would change or be refused')
    .action(async (records: string, options: { policies?: string; format: 'text' | 'json'; lang: Lang; failOnChange?: boolean }) => {
      const { runReplay } = await import('./commands/replay.js');
      await runReplay(io, records, options);
    });

  const audit = program.command('audit').description('the decision trail of the service: verify its hash chain, export it as JSON Lines');
  audit
    .command('verify')
    .description('check the hash chain of a decision trail; name the first broken record; print the head hash to publish')
    .argument('<store>', 'a JSON Lines file (path or jsonl:path) or a postgres:// URL')
    .option('--anchor <hash>', 'a head hash published earlier: fail unless the trail still holds that record')
    .addOption(formatOption())
    .action(async (store: string, options: { anchor?: string; format: 'text' | 'json' }) => {
      const { runAuditVerify } = await import('./commands/audit.js');
      await runAuditVerify(io, store, options);
    });
  audit
    .command('export')
    .description('print a decision trail as JSON Lines, in chain order (a PostgreSQL trail too)')
    .argument('<store>', 'a JSON Lines file (path or jsonl:path) or a postgres:// URL')
    .action(async (store: string) => {
      const { runAuditExport } = await import('./commands/audit.js');
      await runAuditExport(io, store);
    });

  program
    .command('fmt')
    .description(
      'normalise the layout of policy files (line endings, trailing spaces, blank lines, schema modeline), keeping comments and order',
    )
    .argument('[dir]', 'policy folder, a folder inside it or one file (default: ./policies)')
    .option('--check', 'change nothing; exit 1 listing the files that would change')
    .action(async (dir: string | undefined, options: { check?: boolean }) => {
      const { runFmt } = await import('./commands/fmt.js');
      await runFmt(io, dir, { check: Boolean(options.check) });
    });

  const configure = (command: Command): void => {
    command.exitOverride().configureOutput(usageOutput(io));
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Runs `vot` with arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommandFailed) return error.exitCode;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return exitCodes.ok;
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.err(renderDiagnostic(error.diagnostic));
      return exitCodes.usage;
    }
    // A short message: one line, cut, so a huge or multi-line error text does not flood the terminal.
    const message = String((error as Error | undefined)?.message ?? error)
      .split('\n')[0]!
      .slice(0, 300);
    io.err(
      `internal error: ${message}${debug ? `\n${(error as Error)?.stack ?? ''}` : '\n  = help: run again with --debug for the stack trace, and report it'}`,
    );
    return exitCodes.internal;
  }
}
