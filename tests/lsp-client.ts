/**
 * A minimal Language Server Protocol client over stdio, written for the editor-schema test: it
 * speaks JSON-RPC with Content-Length framing to the real yaml-language-server, as an editor
 * would. Every wait is bounded, and `close()` ends the server.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

export interface LspCompletionItem {
  label: string;
  documentation?: string | { kind: string; value: string };
}

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

/** The server's entry script, found through its package (so the test uses the pinned version). */
export function yamlLanguageServerBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');
}

export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Set<(message: Message) => void>();
  /** The last diagnostics the server published, by document URI. */
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  stderr = '';

  constructor(private readonly settings: Record<string, unknown>) {
    this.server = spawn(process.execPath, [yamlLanguageServerBin(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.server.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the language server exited\n${this.stderr}`));
      this.pending.clear();
    });
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.method && message.id !== undefined) {
      // A request from the server (configuration, registrations, ...): answer like an editor.
      const result =
        message.method === 'workspace/configuration'
          ? ((message.params as { items: Array<{ section?: string }> }).items ?? []).map((item) =>
              item.section === 'yaml'
                ? this.settings
                : item.section?.startsWith('yaml.')
                  ? (this.settings[item.section.slice(5)] ?? null)
                  : null,
            )
          : null;
      this.send({ id: message.id, result });
    } else if (message.id !== undefined && this.pending.has(message.id)) {
      const waiting = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const params = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(params.uri, params.diagnostics);
    }
    for (const listener of this.listeners) listener(message);
  }

  request<T>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async initialize(rootUri: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: {},
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: this.settings } });
  }

  /**
   * Opens a document and waits for the diagnostics the server publishes for it. The server may
   * publish more than once (syntax first, then schema); the last set within `settleMs` of quiet
   * counts.
   */
  async open(uri: string, text: string, options: { timeoutMs?: number; settleMs?: number } = {}): Promise<LspDiagnostic[]> {
    return (await this.openAll([{ uri, text }], options)).get(uri)!;
  }

  /** Opens several documents at once and waits until each has diagnostics and the server is quiet. */
  async openAll(
    documents: ReadonlyArray<{ uri: string; text: string }>,
    options: { timeoutMs?: number; settleMs?: number } = {},
  ): Promise<Map<string, LspDiagnostic[]>> {
    const { timeoutMs = 30_000, settleMs = 700 } = options;
    const waiting = new Set(documents.map((d) => d.uri));
    for (const uri of waiting) this.diagnostics.delete(uri);
    return new Promise((resolve, reject) => {
      let settle: NodeJS.Timeout | undefined;
      const done = (error?: Error) => {
        clearTimeout(deadline);
        clearTimeout(settle);
        this.listeners.delete(listener);
        if (error) reject(error);
        else resolve(new Map(documents.map((d) => [d.uri, this.diagnostics.get(d.uri) ?? []])));
      };
      const deadline = setTimeout(
        () => done(new Error(`no diagnostics for ${[...waiting].join(', ')} within ${timeoutMs} ms\n${this.stderr}`)),
        timeoutMs,
      );
      const listener = (message: Message) => {
        if (message.method !== 'textDocument/publishDiagnostics') return;
        const { uri } = message.params as { uri: string };
        if (!documents.some((d) => d.uri === uri)) return;
        waiting.delete(uri);
        clearTimeout(settle);
        if (waiting.size === 0) settle = setTimeout(() => done(), settleMs);
      };
      this.listeners.add(listener);
      for (const { uri, text } of documents)
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    });
  }

  async completion(uri: string, line: number, character: number): Promise<LspCompletionItem[]> {
    const result = await this.request<{ items: LspCompletionItem[] } | LspCompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async hover(uri: string, line: number, character: number): Promise<string> {
    const result = await this.request<{ contents: { value: string } | string } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
    if (!result) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  async close(): Promise<void> {
    if (this.server.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 3_000);
      this.notify('exit', null);
    } catch {
      // A server that does not answer is killed below.
    }
    const timer = setTimeout(() => this.server.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
}
