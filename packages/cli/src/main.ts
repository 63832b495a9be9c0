/**
 * `vot`: commands for legal reviewers and CI. Each command lives in `commands/`; `main` wires
 * them into one program and maps failures onto exit codes (0 ok, 1 bad input, 2 usage,
 * 3 internal error, with a stack trace only under --debug). The conventions every command
 * shares live here: `--version`, `--quiet`, one `--lang` (nb by default), `--format json` with
 * errors as one JSON answer, and colour on a terminal.
 */
import type { Lang } from '@vot/engine';
import { langs } from '@vot/engine/browser';
import { diagnostic, renderDiagnostic, terminalText, type Diagnostic } from '@vot/engine/terminal';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { EvalOptions } from './commands/eval.js';
import { CommandFailed, exitCodes, processIo, UsageError, type CliIo } from './io.js';
import { paint } from './output/colour.js';
import { cliVersion } from './version.js';

/** Commander's own usage errors (an unknown option, a missing argument) as a `usage` diagnostic, like every error of vot. */
const usageOutput = (io: CliIo) => ({
  writeOut: (text: string) => io.out(text),
  writeErr: (text: string) => io.err(text),
  outputError: (text: string, write: (text: string) => void) => {
    const [, detail = text, suggestion] = /^(?:error: )?([\s\S]*?)\s*(?:\(Did you mean (.+)\?\))?\s*$/.exec(text) ?? [];
    const help = suggestion ? `did you mean \`${suggestion}\`?` : undefined;
    const usage = new UsageError(detail, help).diagnostic;
    if (io.diagnostics) io.diagnostics([usage]);
    else write(renderDiagnostic(usage));
  },
});

/** A whole number of at least 1, for the folder limit options. */
function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

/** `--format`: text for people and JSON for programs on every command; `vot check` and `vot test` add CI annotations. */
const formatOption = (...extra: string[]) =>
  new Option('--format <format>', 'output format').choices(['text', 'json', ...extra]).default('text');
/** `--lang`: every language the engine has words for, bokmål by default, the same on every command. */
const langOption = (description: string) => new Option('--lang <lang>', description).choices(langs).default('nb');

/** The `vot` program with every command, writing to `io`; `main` runs it and maps failures onto exit codes. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('vot')
    .description('Check, test and evaluate YAML decision policies')
    .version(cliVersion, '-V, --version', 'print the version of vot')
    .option('--debug', 'show stack traces of internal errors')
    .option('-q, --quiet', 'print only errors and machine output (--format json, sarif, github)')
    .exitOverride()
    .configureOutput(usageOutput(io))
    .showHelpAfterError(false);

  // Each command: its options here, its work in commands/<name>.ts, imported only when the command
  // runs, so `vot eval` does not load the checker, yaml and zod (src/startup.test.ts).
  program
    .command('eval')
    .description('evaluate an incident (JSON facts) and print the decision with its legal basis')
    .argument('<facts>', 'a JSON file (`-` for standard input): { "title": {...}, "facts": {...} } or a bare fact record')
    .option('--point <point>', 'the decision point (default: every point the facts suffice for)')
    .option('--outcome <id>', 'show only this outcome of the decision (an outcome id of the vocabulary)')
    .option('--date <date>', 'decide for this date (YYYY-MM-DD) when the facts give no incident date (default: today)')
    .addOption(langOption('language of reasons'))
    .addOption(formatOption())
    .option('--policies <dir>', 'policy folder (default: ./policies, else the bundled policies)')
    .option('--explain', 'under each outcome, the smallest changes of the facts that would change it (why not)')
    .action(async (file: string, options: EvalOptions) => {
      await (await import('./commands/eval.js')).runEval(io, file, options);
    });

  program
    .command('check')
    .description('load and check a policy folder and run the regulation gate; exit 1 with diagnostics or a broken duty')
    .argument('[dir]', 'policy folder (default: ./policies)')
    .addOption(formatOption('sarif', 'github'))
    .addOption(langOption('language of the regulation gate report'))
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
        options: {
          format: 'text' | 'json' | 'sarif' | 'github';
          lang: Lang;
          gate: boolean;
          matrix?: boolean;
          maxFiles?: number;
          maxMegabytes?: number;
        },
      ) => {
        await (await import('./commands/check.js')).runCheck(io, dir, options);
      },
    );

  program
    .command('schema')
    .description('print, write or verify the JSON Schema files editors use')
    .option('--write', 'write policies/schema/*.schema.json')
    .option('--check', 'exit 1 when the committed schema files are stale')
    .option('--policies <dir>', 'policy folder (default: ./policies)')
    .addOption(formatOption())
    .action(async (options: { write?: boolean; check?: boolean; policies?: string; format: 'text' | 'json' }) => {
      await (await import('./commands/schema.js')).runSchema(io, {
        write: Boolean(options.write),
        check: Boolean(options.check),
        dir: options.policies,
        format: options.format,
      });
    });

  program
    .command('test')
    .description('run the reviewer scenarios (*.scenarios.yaml) beside the policies; exit 1 on any failure')
    .argument('[dir]', 'policy folder, a folder inside it or one scenario file (default: ./policies)')
    .option('--filter <text>', 'only scenarios whose name or point contains this text')
    .addOption(langOption('language of the reasons shown under a failure'))
    .addOption(formatOption('sarif', 'github'))
    .action(async (dir: string | undefined, options: { filter?: string; format: 'text' | 'json' | 'sarif' | 'github'; lang: Lang }) => {
      await (await import('./commands/test.js')).runTest(io, dir, options);
    });

  program
    .command('diff')
    .description(
      'semantic diff of two policy versions: which fact combinations get another decision, and changed reasons, sources and settings',
    )
    .argument('[base]', 'a policy folder or a git ref (e.g. main, HEAD~1); with --at, the one version compared')
    .argument('[head]', 'a policy folder or a git ref (default: the working policy folder)')
    .option(
      '--at <date>',
      'with --at given twice: one version compared at two dates (YYYY-MM-DD)',
      (date: string, dates: string[] = []) => [...dates, date],
    )
    .addOption(
      new Option('--format <format>', 'output format (markdown: a pull-request comment)')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .addOption(langOption('language of the sentences'))
    .option('--policies <dir>', 'the working policy folder (default: ./policies)')
    .action(
      async (
        base: string | undefined,
        head: string | undefined,
        options: { format: 'text' | 'markdown' | 'json'; lang: Lang; policies?: string; at?: string[] },
      ) => {
        await (await import('./commands/diff.js')).runDiff(io, base, head, options);
      },
    );

  program
    .command('render')
    .description('render the policy book: static HTML (with a what-if page) and Markdown, readable offline')
    .option('--out <dir>', 'output folder (default: out/book)')
    .option('--policies <dir>', 'policy folder (default: ./policies)')
    .addOption(formatOption())
    .action(async (options: { out?: string; policies?: string; format: 'text' | 'json' }) => {
      await (await import('./commands/render.js')).runRender(io, options);
    });

  program
    .command('replay')
    .description('replay stored decisions (audit records, one JSON object a line) under other policies and report which would change')
    .argument(
      '<records>',
      'a JSON Lines file of audit records (toAuditRecord), `-` for standard input, or a decision trail (a file or a postgres:// URL)',
    )
    .option('--policies <dir>', 'policy folder to replay under (default: ./policies, else the bundled policies)')
    .addOption(formatOption())
    .addOption(langOption('language of the report'))
    .option('--fail-on-change', 'exit 1 when any stored decision would change or be refused')
    .action(async (records: string, options: { policies?: string; format: 'text' | 'json'; lang: Lang; failOnChange?: boolean }) => {
      await (await import('./commands/replay.js')).runReplay(io, records, options);
    });

  const audit = program.command('audit').description('the decision trail of the service: verify its hash chain, export it as JSON Lines');
  audit
    .command('verify')
    .description('check the hash chain of a decision trail; name the first broken record; print the head hash to publish')
    .argument('<store>', 'a JSON Lines file (path or jsonl:path) or a postgres:// URL')
    .option('--anchor <hash>', 'a head hash published earlier: fail unless the trail still holds that record')
    .addOption(formatOption())
    .action(async (store: string, options: { anchor?: string; format: 'text' | 'json' }) => {
      await (await import('./commands/audit.js')).runAuditVerify(io, store, options);
    });
  audit
    .command('export')
    .description('print a decision trail as JSON Lines, in chain order (a PostgreSQL trail too)')
    .argument('<store>', 'a JSON Lines file (path or jsonl:path) or a postgres:// URL')
    .action(async (store: string) => {
      await (await import('./commands/audit.js')).runAuditExport(io, store);
    });

  const bundle = program.command('bundle').description('sign a policy bundle, or verify its signature (ed25519)');
  bundle
    .command('sign')
    .description("write <bundle>.sig: an ed25519 signature over the bundle file's exact bytes, naming the key by its id")
    .argument('<bundle>', "a policy bundle file (the built package's dist/bundle.json)")
    .requiredOption('--key <file>', 'the ed25519 private key, PEM (openssl genpkey -algorithm ed25519)')
    .addOption(formatOption())
    .action(async (file: string, options: { key: string; format: 'text' | 'json' }) => {
      await (await import('./commands/bundle.js')).runBundleSign(io, file, options);
    });
  bundle
    .command('verify')
    .description("check <bundle>.sig against the bundle's bytes and the public keys, as loadPolicies does")
    .argument('<bundle>', 'a policy bundle file')
    .option('--key <file...>', 'ed25519 public keys, PEM (default: VOT_BUNDLE_PUBLIC_KEYS)')
    .addOption(formatOption())
    .action(async (file: string, options: { key?: string[]; format: 'text' | 'json' }) => {
      await (await import('./commands/bundle.js')).runBundleVerify(io, file, options);
    });

  program
    .command('fmt')
    .description(
      'normalise the layout of policy files (line endings, trailing spaces, blank lines, schema modeline), keeping comments and order',
    )
    .argument('[dir]', 'policy folder, a folder inside it or one file (default: ./policies)')
    .option('--check', 'change nothing; exit 1 listing the files that would change')
    .addOption(formatOption())
    .action(async (dir: string | undefined, options: { check?: boolean; format: 'text' | 'json' }) => {
      await (await import('./commands/fmt.js')).runFmt(io, dir, { check: Boolean(options.check), format: options.format });
    });

  const configure = (command: Command): void => {
    command.exitOverride().configureOutput(usageOutput(io));
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** The value of `--format` in the arguments, as commander will read it (`--format json` or `--format=json`). */
function formatIn(argv: readonly string[]): string | undefined {
  let format: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === '--format') format = argv[index + 1];
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
  });
  return format;
}

/**
 * The io of one run, with the shared conventions applied: under `--format json` diagnostics are
 * kept for one JSON answer; under `--quiet` text on stdout is dropped; on a terminal (or with
 * FORCE_COLOR) the starts of lines are painted.
 */
function runIo(io: CliIo, argv: readonly string[]) {
  const json = formatIn(argv) === 'json';
  const machine = ['json', 'sarif', 'github'].includes(formatIn(argv) ?? '');
  const quiet = !machine && (argv.includes('--quiet') || argv.includes('-q'));
  const kept: Diagnostic[] = [];
  let wroteOut = false;
  const shown = (text: string) => (io.colour && !machine ? paint(text) : text);
  const run: CliIo = {
    get cwd() {
      return io.cwd;
    },
    ...(io.stdin ? { stdin: io.stdin } : {}),
    // Everything `vot` prints passes through the terminal output module first: policy texts,
    // facts, stored records and file names reach the terminal with every control and direction
    // character shown as `\uXXXX`, never obeyed (JSON keeps its value: the escape is JSON's own).
    // Only then are the starts of lines painted.
    out(text) {
      if (quiet) return;
      wroteOut = true;
      io.out(shown(terminalText(text)));
    },
    err: (text) => io.err(io.colour ? paint(terminalText(text)) : terminalText(text)),
    ...(json ? { diagnostics: (list: readonly Diagnostic[]) => void kept.push(...list) } : {}),
  };
  /** Under `--format json`, a failure with nothing on stdout answers with its diagnostics there. */
  const answerFailure = () => {
    if (json && !wroteOut) io.out(terminalText(JSON.stringify({ ok: false, diagnostics: kept }, null, 2)));
  };
  return { io: run, answerFailure };
}

/** Runs `vot` with arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], baseIo: CliIo = processIo): Promise<number> {
  const { io, answerFailure } = runIo(baseIo, argv);
  const program = buildProgram(io);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommandFailed) {
      answerFailure();
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return exitCodes.ok;
      answerFailure();
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      if (io.diagnostics) io.diagnostics([error.diagnostic]);
      else io.err(renderDiagnostic(error.diagnostic));
      answerFailure();
      return exitCodes.usage;
    }
    // A short message: one line, cut, so a huge or multi-line error text does not flood the terminal.
    const message = String((error as Error | undefined)?.message ?? error)
      .split('\n')[0]!
      .slice(0, 300);
    const help = debug ? undefined : 'run again with --debug for the stack trace, and report it';
    if (io.diagnostics) io.diagnostics([diagnostic({ code: 'internal-error', args: { message }, ...(help ? { help } : {}) })]);
    else io.err(`internal error: ${message}${debug ? `\n${(error as Error)?.stack ?? ''}` : `\n  = help: ${help}`}`);
    answerFailure();
    return exitCodes.internal;
  }
}
