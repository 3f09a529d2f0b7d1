import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild, type RunningServer, startServer, waitForExit } from '../bench/server';

// `npm run cluster`: a local trial of the production layout. N instances of the built portal
// (server.ts) on one PostgreSQL, on loopback ports, behind nginx running deploy/nginx.conf as is
// (with the three small per-site files it includes written into a temporary prefix). Ctrl-C or
// SIGTERM stops everything it started. test/integration/cluster.int.test.ts drives it through
// startCluster().

const root = path.resolve(import.meta.dirname, '..');
export const shippedNginxConf = path.join(root, 'deploy', 'nginx.conf');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function nginxBinary(): string | undefined {
  const candidates = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].filter(Boolean) as string[];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Ctrl-C reaches every process of the terminal's group: one may be gone before we signal it. */
function signalIfAlive(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export type RunningNginx = {
  pid: number;
  url: string;
  /** The temporary prefix: configuration, pid, logs, cache. Removed by stop(). */
  prefix: string;
  /** One line per request: `status upstream_addr cache_status request`. */
  accessLog: string;
  stop: () => Promise<void>;
};

export type NginxOptions = {
  port: number;
  /** host:port of each app instance. */
  upstreams: string[];
  /** Per server line of the upstream block (the shipped deploy/portal/upstreams.conf uses the same). */
  serverParameters?: string;
  workerProcesses?: number;
  /**
   * 'every-request' (default): one write per request, so a test reads each request's line at
   * once; 'batched': in 64 KB batches flushed every second, as the shipped site files do.
   */
  accessLog?: 'every-request' | 'batched';
};

/**
 * Starts nginx in the foreground of a temporary prefix with deploy/nginx.conf included as is,
 * running as the current user, and resolves once it accepts connections.
 */
export async function startNginx({ port, upstreams, serverParameters = 'max_fails=1 fail_timeout=5s', workerProcesses = 1, accessLog = 'every-request' }: NginxOptions): Promise<RunningNginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx), or set NGINX_BIN.');
  if (await portAnswers(port)) throw new Error(`Something already listens on 127.0.0.1:${port}; choose another port.`);

  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));
  const at = (...parts: string[]) => path.join(prefix, ...parts);
  for (const dir of ['portal', 'logs', 'cache', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) fs.mkdirSync(at(dir), { recursive: true });

  fs.writeFileSync(at('portal', 'cache.conf'), `proxy_cache_path ${at('cache')} levels=1:2 keys_zone=portal:20m max_size=256m inactive=10m use_temp_path=off;\n`);
  fs.writeFileSync(at('portal', 'upstreams.conf'), upstreams.map((upstream) => `server ${upstream} ${serverParameters};\n`).join(''));
  fs.writeFileSync(at('portal', 'listen.conf'), `listen 127.0.0.1:${port};\nserver_name localhost 127.0.0.1;\n`);

  const mimeTypes = ['/etc/nginx/mime.types', path.join(path.dirname(binary), '..', 'conf', 'mime.types')].find((file) => fs.existsSync(file));
  // Started by root, nginx's workers would switch to `nobody`, who cannot read this prefix.
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};\n` : '';
  const conf = at('nginx.conf');
  fs.writeFileSync(
    conf,
    `# Written by scripts/cluster.ts: a throwaway prefix around the shipped deploy/nginx.conf.
${user}daemon off;
worker_processes ${workerProcesses};
pid ${at('nginx.pid')};
error_log ${at('logs', 'error.log')} warn;
events { worker_connections 1024; }
http {
    ${mimeTypes ? `include ${mimeTypes};` : ''}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    log_format portal '$status $upstream_addr $upstream_cache_status "$request"';
    access_log ${at('logs', 'access.log')} portal${accessLog === 'batched' ? ' buffer=64k flush=1s' : ''};
    client_body_temp_path ${at('temp', 'body')};
    proxy_temp_path ${at('temp', 'proxy')};
    fastcgi_temp_path ${at('temp', 'fastcgi')};
    uwsgi_temp_path ${at('temp', 'uwsgi')};
    scgi_temp_path ${at('temp', 'scgi')};
    include ${shippedNginxConf};
}
`,
  );
  const args = ['-p', prefix, '-e', at('logs', 'error.log'), '-c', conf];
  try {
    execFileSync(binary, [...args, '-t', '-q'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx rejected the configuration:\n${stderr}`);
  }

  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not spawn nginx');

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      // QUIT: finish the requests in progress, then exit; TERM, then KILL, if that hangs.
      for (const [signal, ms] of [['SIGQUIT', 5000], ['SIGTERM', 3000], ['SIGKILL', 3000]] as const) {
        if (child.exitCode !== null || child.signalCode !== null) break;
        signalIfAlive(pid, signal);
        if (await waitForExit(child, ms)) break;
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    })());

  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited with code ${child.exitCode}:\n${stderr}`);
    }
    if (await portAnswers(port)) return { pid, url: `http://127.0.0.1:${port}`, prefix, accessLog: at('logs', 'access.log'), stop };
  }
  await stop();
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s:\n${stderr}`);
}

export type ClusterInstance = {
  port: number;
  /** The instance itself, bypassing nginx. */
  url: string;
  /** The running server's pid, or undefined while it is down. */
  pid: () => number | undefined;
  /** Starts it again after a stop or a kill; resolves once /api/health answers 200. */
  start: () => Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop: () => Promise<void>;
  /** Sends a signal (SIGKILL: a crash) without waiting. */
  kill: (signal?: NodeJS.Signals) => void;
  log: () => string;
};

export type Cluster = { url: string; instances: ClusterInstance[]; nginx: RunningNginx; stop: () => Promise<void> };

export type ClusterOptions = {
  databaseUrl: string;
  instances?: number;
  /** The first instance's port; the others follow. */
  basePort?: number;
  /** nginx's port on 127.0.0.1. */
  port?: number;
  /** Shared by the instances: the generated auth secret (unless AUTH_SECRET is set) and local media. */
  dataDir?: string;
  /** Extra environment for the instances. */
  env?: Record<string, string>;
  /** Build first when .next does not match the sources (default true). */
  build?: boolean;
  /** nginx's access log (NginxOptions). */
  accessLog?: NginxOptions['accessLog'];
};

/** Starts `instances` app processes on 127.0.0.1 and nginx in front of them. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { databaseUrl, instances: count = 2, basePort = 3401, port = 3480, build = true } = options;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('A cluster needs PostgreSQL: set DATABASE_URL=postgres://… (PGlite serves one process only).');
  if (count < 1 || count > 9) throw new Error('Between 1 and 9 instances.');
  if (build) await ensureBuild();

  const url = `http://127.0.0.1:${port}`;
  const dataDir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? path.join(root, 'data'));
  const instanceEnv: Record<string, string> = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    BIND_HOST: '127.0.0.1',
    // nginx replaces X-Forwarded-For with its peer's address: one trusted hop.
    TRUST_PROXY_HOPS: '1',
    SITE_URL: url,
    ...options.env,
  };

  const instances: ClusterInstance[] = [];
  for (let i = 0; i < count; i++) {
    const instancePort = basePort + i;
    let server: RunningServer | undefined;
    let lastLog = '';
    instances.push({
      port: instancePort,
      url: `http://127.0.0.1:${instancePort}`,
      pid: () => server?.pid,
      start: async () => {
        if (server) throw new Error(`instance on port ${instancePort} is already running`);
        server = await startServer(instancePort, instanceEnv);
      },
      stop: async () => {
        const running = server;
        server = undefined;
        if (running) {
          lastLog = running.log();
          await running.stop().catch((error: unknown) => {
            if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
          });
        }
      },
      kill: (signal = 'SIGKILL') => {
        const running = server;
        if (!running) return;
        server = undefined;
        lastLog = running.log();
        signalIfAlive(running.pid, signal);
        // Reap it, so a later stop() of the cluster has nothing left to do.
        void running.stop().catch(() => {});
      },
      log: () => server?.log() ?? lastLog,
    });
  }

  let nginx: RunningNginx | undefined;
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
  };
  try {
    // Together: the first boot of an empty database also shows that concurrent migrators wait for
    // each other (db/open.ts takes an advisory lock around migrate()).
    await Promise.all(instances.map((instance) => instance.start()));
    nginx = await startNginx({ port, upstreams: instances.map((instance) => `127.0.0.1:${instance.port}`), accessLog: options.accessLog });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, instances, nginx, stop };
}

function parseArgs(argv: string[]): { instances?: number; basePort?: number; port?: number } {
  const out: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(instances|base-port|port)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new Error(`Unknown argument ${argv[i]} (use --instances N, --base-port P, --port P)`);
    const raw = match[2] ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${match[1]} needs a positive integer, got "${raw}"`);
    out[match[1] === 'base-port' ? 'basePort' : match[1]!] = value;
  }
  return out;
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('npm run cluster needs DATABASE_URL=postgres://… : several instances share one PostgreSQL database.');
    process.exit(1);
  }
  const args = parseArgs(process.argv.slice(2));
  const envNumber = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const cluster = await startCluster({
    databaseUrl,
    instances: args.instances ?? envNumber('CLUSTER_INSTANCES'),
    basePort: args.basePort ?? envNumber('CLUSTER_BASE_PORT'),
    port: args.port ?? envNumber('CLUSTER_PORT'),
  });
  for (const instance of cluster.instances) console.log(`instance  ${instance.url}  (pid ${instance.pid()})`);
  console.log(`nginx     pid ${cluster.nginx.pid}, prefix ${cluster.nginx.prefix}`);
  console.log(`\nThe portal: ${cluster.url}\nCtrl-C stops nginx and the instances.`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping nginx and ${cluster.instances.length} instances…`);
      void cluster.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  // An instance that dies on its own is reported; nginx keeps routing around it.
  const reported = new Set<number>();
  setInterval(() => {
    for (const instance of cluster.instances) {
      const pid = instance.pid();
      if (pid === undefined || reported.has(pid)) continue;
      try {
        process.kill(pid, 0);
      } catch {
        reported.add(pid);
        console.error(`instance ${instance.url} (pid ${pid}) has exited:\n${instance.log().split('\n').slice(-20).join('\n')}`);
      }
    }
  }, 2000).unref();
  // Keep the process alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
