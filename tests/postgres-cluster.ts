/**
 * A throw-away PostgreSQL cluster for tests: Debian's `postgresql` binaries (initdb, pg_ctl,
 * found on PATH or in /usr/lib/postgresql/<version>/bin), a fresh data folder in a temporary
 * directory, a free loopback port, trust authentication for local connections only, and
 * stopped and removed afterwards. It never touches a system cluster. Run as root, the server
 * runs as the `postgres` user (PostgreSQL refuses root), and the folder is handed to that user.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** A URL for a database of its own, created on the first call with that name. */
  database(name: string): Promise<string>;
  /** Runs SQL as the superuser (for tests that tamper with a trail). */
  sql(database: string, statement: string): Promise<string>;
  stop(): Promise<void>;
}

/** The folder that holds initdb and pg_ctl: from PATH, else the newest /usr/lib/postgresql/<v>/bin. */
export function postgresBinaries(): string {
  for (const folder of (process.env.PATH ?? '').split(delimiter))
    if (folder && existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl'))) return folder;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  throw new Error(
    'PostgreSQL is not installed: initdb was not found on PATH or in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const root = await mkdtemp(join(tmpdir(), 'vot-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await execFileAsync('id', ['-u', 'postgres']);
    const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
    await chown(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const run = (command: string, args: string[]) =>
    asRoot ? execFileAsync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : execFileAsync(join(bin, command), args);
  const data = join(root, 'data');
  const user = asRoot ? 'postgres' : userInfo().username;
  await run('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // Loopback only, sockets in the temporary folder, no durability work a test does not need.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  const pg = await import('pg');
  const query = async (database: string, statement: string): Promise<string> => {
    const client = new pg.Client({ connectionString: `postgres://${user}@127.0.0.1:${port}/${database}` });
    await client.connect();
    try {
      const result = await client.query(statement);
      return JSON.stringify(result.rows);
    } finally {
      await client.end();
    }
  };
  const created = new Set<string>();
  return {
    url,
    port,
    async database(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      if (!created.has(name)) {
        await query('postgres', `CREATE DATABASE ${name}`);
        created.add(name);
      }
      return `postgres://${user}@127.0.0.1:${port}/${name}`;
    },
    sql: query,
    async stop() {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}
