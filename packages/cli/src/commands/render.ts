/**
 * `vot render [--out dir]`: the policy book as a static site (HTML pages, a stylesheet, the
 * language switch and the what-if script) plus the book as Markdown in bokmål and English.
 * Everything is relative, so the book opens offline from file://. The what-if script is the
 * engine's browser entry bundled by esbuild at render time, so the page decides with exactly
 * the engine code of this checkout.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refuse, type CliIo, reportDiagnostics } from '../io.js';
import { checkFolder, policyDirFor } from '../policy-dir.js';
import { languageScript, stylesheet } from '../render/assets.js';
import { bookLangs } from '../render/html.js';
import { bookMarkdown } from '../render/book-markdown.js';
import { bookPages } from '../render/book.js';
import { prepareBookFolder } from '../render/out-folder.js';
import { terminalLine, writeFileAtomic } from '@vot/engine/tools';

export interface RenderOptions {
  out?: string;
  policies?: string;
  format?: 'text' | 'json';
}

/**
 * The what-if script: the client and the engine's browser entry in one file for the browser.
 * The installed package ships it prebuilt (`dist/assets/whatif.js`, made by the CLI's build);
 * a source checkout bundles it here with esbuild, so the page always runs the current engine.
 */
export async function bundleWhatIf(): Promise<string> {
  const prebuilt = fileURLToPath(new URL('./assets/whatif.js', import.meta.url));
  if (existsSync(prebuilt)) return readFile(prebuilt, 'utf8');
  const entry = ['../render/whatif-client.ts', '../render/whatif-client.js']
    .map((p) => fileURLToPath(new URL(p, import.meta.url)))
    .find((p) => existsSync(p));
  if (!entry) throw new Error('the what-if client source is missing; run vot render from a source checkout');
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'vot render bundles the what-if page with esbuild, which is not installed; add esbuild to the project (it is a dev dependency of this workspace)',
    );
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    // `@vot/engine/browser` from the engine's sources in a checkout, where dist/ may be absent.
    conditions: ['@vot/source'],
  });
  return result.outputFiles[0]!.text;
}

export async function runRender(io: CliIo, options: RenderOptions): Promise<void> {
  const checked = await checkFolder(io, policyDirFor(io.cwd, options.policies));
  if (!checked.model) {
    reportDiagnostics(io, checked.diagnostics, checked.texts);
    refuse(io, { code: 'policies-not-checked', args: { command: 'render' } });
  }
  const model = checked.model;
  const out = resolve(io.cwd, options.out ?? join('out', 'book'));
  const shown = terminalLine(relative(io.cwd, out) || '.');
  // An empty folder or one it wrote before, never through a symbolic link (render/out-folder.ts).
  await prepareBookFolder(io, out, shown);
  const pages = bookPages(model);
  const files: Array<[string, string]> = [
    ...pages.map((p) => [p.file, p.html] as [string, string]),
    ['assets/book.css', stylesheet],
    ['assets/lang.js', languageScript(bookLangs)],
    ['assets/whatif.js', await bundleWhatIf()],
    ...bookLangs.map((lang) => [`book.${lang}.md`, bookMarkdown(model, lang)] as [string, string]),
  ];
  for (const [file, content] of files) await writeFileAtomic(join(out, file), content);
  if (options.format === 'json') {
    const policy = { name: model.name, version: model.version, hash: model.hash };
    io.out(JSON.stringify({ ok: true, out: shown, policy, files: files.map(([file]) => file) }, null, 2));
    return;
  }
  io.out(
    `wrote the policy book for ${terminalLine(`${model.name} ${model.version}`)} (${model.hash.slice(0, 19)}…): ${pages.length} pages and ${bookLangs.map((lang) => `book.${lang}.md`).join(', ')} in ${shown}/\n  open ${shown}/index.html in a browser (works offline from file://)`,
  );
}
