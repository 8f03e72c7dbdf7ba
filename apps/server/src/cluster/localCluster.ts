/**
 * A whole cluster on one machine, for trying it and for the tests: Redis,
 * Postgres, N server processes (`src/main.ts`, each its own OS process) and
 * nginx in front, every log in one folder. `npm run cluster` runs it from a
 * terminal (`cli.ts`); the tests start it, kill processes, and stop it.
 *
 * Ports (loopback only): the proxy at `basePort`, Redis at +1, Postgres at
 * +2, server process i (from 1) at +10+i.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../nodeFlags';
import { nginxConfig } from './nginxConfig';
import { startNginx, startPostgres, startRedis, stopChild, waitForPort } from './services';
import type { Service } from './services';

const serverRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');

export interface LocalClusterOptions {
  readonly processes: number;
  readonly basePort: number;
  /** Folder for the services' data and every log (`logs/`). */
  readonly dir: string;
  /** Extra environment for every server process (BOT_DELAY_MS, LEASE_MS, ...). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run the production bundle (`dist/main.js`, after `npm run build`) instead of the TypeScript sources. */
  readonly built?: boolean;
}

/** One server process of the cluster. */
export class ClusterProcess {
  private child: ChildProcess | null = null;
  private logFile: WriteStream | null = null;
  /** Everything it printed since its last start (JSON log lines). */
  output = '';

  constructor(
    /** 1-based. */
    readonly index: number,
    readonly port: number,
    readonly logPath: string,
    private readonly env: Readonly<Record<string, string>>,
    private readonly built: boolean,
  ) {}

  /** The path segment the proxy reaches it under. */
  get prefix(): string {
    return `p${this.index}`;
  }

  /** The OS process id while running. */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Colyseus' process id, from its start line. */
  get processId(): string | null {
    return /"processId":"([^"]+)"/.exec(this.output)?.[1] ?? null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.output = '';
    this.logFile = createWriteStream(this.logPath, { flags: 'a' });
    const entry = this.built ? ['dist/main.js', '--production'] : ['--conditions=@deckhand/source', '--import', 'tsx', 'src/main.ts'];
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...entry], {
      cwd: serverRoot,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      this.logFile?.write(chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    try {
      await waitForPort(this.port, `server process ${this.index}`, 60_000, () => this.running);
      // Listening comes before the first takeover sweep: wait for the start line.
      const started = Date.now();
      while (!this.output.includes('deckhand server listening')) {
        if (!this.running) throw new Error(`server process ${this.index} exited:\n${this.output.slice(-2000)}`);
        if (Date.now() - started > 60_000) throw new Error(`server process ${this.index} did not start:\n${this.output.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } catch (error) {
      await this.stop('SIGKILL');
      throw error;
    }
  }

  /** SIGTERM stops it cleanly (its tables move to the others); SIGKILL is the `kill -9` of the tests. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (child) await stopChild(child, signal, 15_000);
    this.child = null;
    await new Promise<void>((resolve) => (this.logFile ? this.logFile.end(resolve) : resolve()));
    this.logFile = null;
  }
}

export interface LocalCluster {
  /** Where browsers and clients go: the proxy. */
  readonly url: string;
  readonly redis: Service;
  readonly postgres: Service;
  readonly proxy: Service;
  readonly processes: readonly ClusterProcess[];
  /** The secret every process signs guest passes with. */
  readonly tokenSecret: string;
  readonly logDir: string;
  /** nginx's master process id (its workers are its children). */
  readonly proxyPid: number;
  /** Stops the servers (SIGTERM), then the proxy, Redis and Postgres. */
  stop(): Promise<void>;
}

export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const { basePort, dir, processes: count } = options;
  const logDir = join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const started: Service[] = [];
  const processes: ClusterProcess[] = [];
  const stopAll = async () => {
    await Promise.allSettled(processes.map((server) => server.stop('SIGTERM')));
    // Each one whatever happened to the one before: Postgres runs detached and would outlive us.
    for (const service of started.reverse()) await service.stop().catch(() => {});
  };
  try {
    const redis = await startRedis(join(dir, 'redis'), basePort + 1);
    started.push(redis);
    const postgres = await startPostgres(join(dir, 'postgres'), basePort + 2);
    started.push(postgres);
    const tokenSecret = randomBytes(32).toString('hex');
    for (let index = 1; index <= count; index++) {
      const port = basePort + 10 + index;
      processes.push(
        new ClusterProcess(index, port, join(logDir, `server-p${index}.log`), {
          NODE_ENV: options.built ? 'production' : 'test',
          HOST: '127.0.0.1',
          REDIS_URL: redis.url,
          DATABASE_URL: postgres.url,
          PUBLIC_ADDRESS: `127.0.0.1:${basePort}/p${index}`,
          TOKEN_SECRET: tokenSecret,
          // nginx on loopback tells each process the client's address.
          TRUST_PROXY: 'loopback',
          DATA_DIR: join(dir, `p${index}`),
          LOG_LEVEL: 'info',
          LOG_FORMAT: 'json',
          BOT_WORKERS: '1',
          ...options.env,
        }, options.built ?? false),
      );
    }
    // The first runs Postgres' migrations; the others then start side by side and find them done.
    await processes[0]?.start();
    await Promise.all(processes.slice(1).map((server) => server.start()));
    const proxyDir = join(dir, 'nginx');
    const proxy = await startNginx(
      proxyDir,
      basePort,
      nginxConfig({ listenPort: basePort, dir: proxyDir, processes: processes.map((server) => ({ prefix: server.prefix, port: server.port })) }),
    );
    started.push(proxy);
    const proxyPid = Number(readFileSync(join(proxyDir, 'nginx.pid'), 'utf8').trim());
    return { url: proxy.url, redis, postgres, proxy, processes, tokenSecret, logDir, proxyPid, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
