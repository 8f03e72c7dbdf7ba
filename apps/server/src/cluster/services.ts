/**
 * Throwaway Redis, Postgres and nginx from Debian's packages, for the local
 * cluster (`npm run cluster`) and the tests: each in its own folder, on a
 * loopback port, with its log in a file, and stopped cleanly.
 *
 * Postgres refuses to run as root: when this process is root, its commands
 * run as the `postgres` user (`runuser`), on a folder that user owns.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running service: how to reach it, its log, and how to stop it. */
export interface Service {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly log: string;
  /** The OS process id (Postgres: its postmaster, whose children are the backends). */
  readonly pid?: number;
  stop(): Promise<void>;
}

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** Debian keeps Postgres' server programs in a versioned folder; the newest wins. */
export function postgresBin(): string | null {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/** Which of the three programs this machine lacks (`apt-get install redis-server postgresql nginx`). */
export function missingServices(): string[] {
  const missing: string[] = [];
  if (!existsSync(REDIS_SERVER)) missing.push('redis-server');
  if (postgresBin() === null) missing.push('postgresql');
  if (!existsSync(NGINX)) missing.push('nginx');
  return missing;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, what: string, timeoutMs = 20_000, alive: () => boolean = () => true): Promise<void> {
  const started = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (!alive()) throw new Error(`${what} exited before listening on ${port}`);
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for a child to end, sending `signal` first; SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function startRedis(dir: string, port: number): Promise<Service> {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'redis.log');
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', log, '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  await waitForPort(port, 'redis-server', 20_000, () => child.exitCode === null);
  return { name: 'redis', url: `redis://127.0.0.1:${port}`, port, log, pid: child.pid, stop: () => stopChild(child, 'SIGTERM') };
}

/** Runs a Postgres program, as the `postgres` user when this process is root. */
function asPostgres(program: string, args: readonly string[]): Promise<unknown> {
  return isRoot ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, [...args]);
}

export async function startPostgres(dir: string, port: number): Promise<Service> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  if (isRoot) {
    // The postgres user must reach its folder through root's own temporary ones: let it pass (not list).
    for (let folder = dirname(dir); folder !== dirname(folder); folder = dirname(folder)) {
      const { mode } = statSync(folder);
      if ((mode & 0o001) === 0) chmodSync(folder, (mode & 0o7777) | 0o001);
    }
    const { uid, gid } = await postgresIds();
    chownSync(dir, uid, gid);
  }
  await asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'deckhand', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  // Loopback only; fsync off: a throwaway database for trying and testing, not for keeping.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', options, '-w', '-t', '30', 'start']);
  return {
    name: 'postgres',
    url: `postgres://deckhand@127.0.0.1:${port}/postgres`,
    port,
    log,
    pid: Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop: async () => {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {});
    },
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** nginx in the foreground with the given configuration (see `nginxConfig.ts`). */
export async function startNginx(dir: string, port: number, config: string): Promise<Service> {
  mkdirSync(join(dir, 'temp'), { recursive: true });
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const child = spawn(NGINX, ['-p', dir, '-c', file, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  await waitForPort(port, 'nginx', 20_000, () => child.exitCode === null);
  // SIGQUIT: nginx finishes the requests in flight, then stops.
  return { name: 'nginx', url: `http://127.0.0.1:${port}`, port, log: join(dir, 'error.log'), stop: () => stopChild(child, 'SIGQUIT', 5000) };
}

/** A port free on loopback right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
