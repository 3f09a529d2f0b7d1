import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// A PostgreSQL server of the test's own, made with the machine's initdb in a temporary directory:
// a test may stop and start it (a real restart, with every connection and LISTEN lost) without
// touching the shared server the other test files use. Needs the server binaries (Debian's
// postgresql package: /usr/lib/postgresql/<version>/bin, or PG_BIN); run as root, the server
// runs as the `postgres` user, since PostgreSQL refuses to run as root.

export function postgresBinDir(): string | undefined {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')) && fs.existsSync(path.join(dir, 'initdb')));
}

const isRoot = process.getuid?.() === 0;

function userExists(name: string) {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Root can run the server only as another user: `postgres`, as Debian's package creates. */
export function canRunPrivatePostgres(): boolean {
  return !!postgresBinDir() && (!isRoot || userExists('postgres'));
}

export type PrivatePostgres = {
  url: string;
  /** Fast shutdown (clients are disconnected), `downMs` with nothing listening, then started again. */
  restart: (downMs?: number) => Promise<void>;
  stop: () => Promise<void>;
};

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (set PG_BIN)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-private-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  // Asynchronous: the test's stream of requests goes on while the server stops and starts.
  const run = async (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    await promisify(execFile)(file, argv, { encoding: 'utf8', timeout: 120_000 });
  };
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    removeDir();
    throw error;
  }
  // TCP on loopback only, no socket file; durability is not what this server is for.
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\n`,
  );
  const start = () => run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
  const stopServer = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  try {
    await start();
  } catch (error) {
    // Most likely the port is taken (a server left by an interrupted run): say so, leave nothing.
    removeDir();
    throw new Error(`could not start a private PostgreSQL on 127.0.0.1:${port}: ${String(error)}`);
  }
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async (downMs = 0) => {
      await stopServer();
      running = false;
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
      running = true;
    },
    stop: async () => {
      try {
        if (running) await stopServer();
      } finally {
        running = false;
        removeDir();
      }
    },
  };
}
