/**
 * A throw-away PostgreSQL server for the tests and the bench: initdb into a temporary data
 * folder, postgres on a free local port, stopped (and the folder removed) afterwards. Debian's
 * `postgresql` package puts the binaries in /usr/lib/postgresql/<version>/bin. initdb and
 * postgres refuse to run as root, so as root the server runs as a system user made for it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export const SERVER_USER = 'briefgen-pg';
/** The database role the tests and the bench connect as (trust authentication, local only). */
const ROLE = 'briefgen';

export interface PostgresServer {
  /** postgres://briefgen@127.0.0.1:<port>/postgres: the maintenance database. */
  url: string;
  port: number;
  /** A connection URL for another database on this server. */
  urlFor(database: string): string;
  /** Stop the server as a fast shutdown would (clients see their connections end) and start it again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The bin folder of the newest PostgreSQL installed the Debian way, or undefined. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/**
 * Start a server with its data in a new folder under `parent`, which the server's user must be
 * able to enter (the system temporary folder is; a folder from mkdtemp is not).
 */
export async function startPostgres(parent: string): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const owner = serverOwner();
  const dataDir = join(parent, `postgres-${process.pid}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const asOwner = { ...(owner ?? {}), env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } };
  execFileSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', ROLE, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
    { ...asOwner, stdio: 'pipe' },
  );
  const port = await freePort();
  const log = join(dataDir, 'server.log');
  const settings = [
    ['listen_addresses', '127.0.0.1'],
    ['unix_socket_directories', dataDir],
    ['max_connections', '200'],
    // A throw-away server: durability buys nothing, speed does.
    ['fsync', 'off'],
    ['synchronous_commit', 'off'],
    ['full_page_writes', 'off'],
  ];
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  let child: ChildProcess | undefined;
  const start = async () => {
    const out = openSync(log, 'a');
    if (owner) chownSync(log, owner.uid, owner.gid);
    child = spawn(join(bin, 'postgres'), args, { ...asOwner, stdio: ['ignore', out, out] });
    await waitUntilReady(url, child, log);
  };
  const stopChild = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGINT'); // fast shutdown: roll back, disconnect clients, stop
    await exited;
  };
  const urlFor = (database: string) => `postgres://${ROLE}@127.0.0.1:${port}/${database}`;
  const url = urlFor('postgres');
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  await start();
  return {
    url,
    port,
    urlFor,
    async restart() {
      await stopChild();
      await start();
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** As root, the system user that owns the server (made if missing); otherwise nobody special. */
function serverOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, SERVER_USER], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync(
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER],
      {
        stdio: 'pipe',
      },
    );
    return { uid: id('-u'), gid: id('-g') };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`postgres exited at start:\n${readFileSync(log, 'utf8')}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() - started > 30_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
