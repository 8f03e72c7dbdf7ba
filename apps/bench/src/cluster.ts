/**
 * `npm run bench:cluster -w @deckhand/bench -- [--tables 12] [--seconds 20] [--think 150]`:
 * what running past one process costs a move. In one run, on the same machine:
 *
 *   A. one process, the log on Postgres, no Redis, clients straight to it (the baseline);
 *   B. the same joined to Redis (presence, driver, leases), clients straight to it (no public address);
 *   C. that process behind nginx, clients through the proxy;
 *   D. two processes behind nginx, the tables spread over both.
 *
 * Each configuration holds `--tables` Hearts tables of four colyseus.js
 * clients, each table making a move every `--think` ms, for `--seconds`; a
 * move's latency runs from its send to the moment all four clients hold the
 * patch (`DeckhandTable.playMove`). Prints p50/p99 per configuration, whether
 * p99 stayed within 100 ms, and what Redis (B - A) and the proxy (C - B) add.
 * Needs Debian's redis-server, postgresql and nginx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { ClusterProcess, missingServices, startLocalCluster } from '@deckhand/server';
import type { LocalCluster } from '@deckhand/server';
import { DeckhandTable } from './deckhand/DeckhandTable';
import { processTreeCpuMs } from './machine';
import { summarize } from './stats';
import type { LatencySummary } from './stats';

const P99_LIMIT_MS = 100;

interface Figures {
  readonly name: string;
  readonly latency: LatencySummary;
  readonly errors: number;
  /** CPU time per accepted move (user + system, from /proc): the server processes, and nginx. */
  readonly serverCpuUsPerMove: number;
  readonly proxyCpuUsPerMove: number;
  /** Redis commands per accepted move (lease renewals and Colyseus' counters included). */
  readonly redisCommandsPerMove: number;
}

/** What to read around a measuring window: whose CPU to count, and which Redis. */
interface Probe {
  readonly servers: readonly (number | undefined)[];
  /** nginx's master; its workers are found as its children. */
  readonly proxy?: number;
  readonly redisUrl?: string;
}

/** CPU time of a process (and its children) so far, in microseconds. */
function cpuUs(pid: number | undefined, withChildren = false): number {
  return processTreeCpuMs(pid, withChildren) * 1000;
}

async function redisCommands(url: string | undefined): Promise<number> {
  if (!url) return 0;
  const redis = new Redis(url);
  try {
    const info = await redis.info('stats');
    return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
  } finally {
    redis.disconnect();
  }
}

/** Plays `tables` tables side by side at `baseUrl` for `seconds`, a move per table every `thinkMs`. */
async function measure(name: string, baseUrl: string, tables: number, seconds: number, thinkMs: number, probe: Probe): Promise<Figures> {
  const open: DeckhandTable[] = [];
  for (let index = 0; index < tables; index++) {
    open.push(await DeckhandTable.open({ baseUrl, gameId: 'hearts', seats: 4, botSeed: `cluster-${index}`, turnSeconds: 0 }));
  }
  const latencies: number[] = [];
  let errors = 0;
  let moves = 0;
  const until = Date.now() + seconds * 1000;
  // A short warm-up: the first moves pay for JIT and connection set-up.
  const warmUntil = Date.now() + 2000;
  const serverCpu = () => probe.servers.reduce((sum: number, pid) => sum + cpuUs(pid), 0);
  const before = { server: serverCpu(), proxy: cpuUs(probe.proxy, true), redis: await redisCommands(probe.redisUrl) };
  await Promise.all(
    open.map(async (table, index) => {
      await sleep((thinkMs * index) / tables);
      while (Date.now() < until) {
        if (table.over) await table.rematch();
        const result = await table.playMove();
        if (result.ok) moves++;
        if (!result.ok) errors++;
        else if (Date.now() > warmUntil) latencies.push(result.latencyMs);
        await sleep(thinkMs);
      }
    }),
  );
  const after = { server: serverCpu(), proxy: cpuUs(probe.proxy, true), redis: await redisCommands(probe.redisUrl) };
  await Promise.allSettled(open.map((table) => table.leave()));
  const perMove = (value: number) => (moves > 0 ? Math.round(value / moves) : Number.NaN);
  const figures = {
    name, latency: summarize(latencies), errors,
    serverCpuUsPerMove: perMove(after.server - before.server),
    proxyCpuUsPerMove: perMove(after.proxy - before.proxy),
    redisCommandsPerMove: Math.round(((after.redis - before.redis) / Math.max(1, moves)) * 1000) / 1000,
  };
  console.log(
    `  ${name.padEnd(46)} moves ${String(figures.latency.samples).padStart(5)}  p50 ${figures.latency.p50Ms.toFixed(2).padStart(6)} ms` +
      `  p99 ${figures.latency.p99Ms.toFixed(2).padStart(6)} ms  ${figures.latency.p99Ms <= P99_LIMIT_MS ? 'held' : 'NOT held'}  errors ${errors}` +
      `  CPU/move: servers ${figures.serverCpuUsPerMove} us, nginx ${figures.proxyCpuUsPerMove} us  Redis commands/move ${figures.redisCommandsPerMove}`,
  );
  return figures;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '12' },
      seconds: { type: 'string', default: '20' },
      think: { type: 'string', default: '150' },
      port: { type: 'string', default: '26080' },
    },
  });
  const tables = Number(values.tables);
  const seconds = Number(values.seconds);
  const thinkMs = Number(values.think);
  const basePort = Number(values.port) + (Number(process.env.DECKHAND_PORT_OFFSET ?? 0) || 0);
  const missing = missingServices();
  if (missing.length > 0) throw new Error(`missing: ${missing.join(', ')} (apt-get install redis-server postgresql nginx)`);
  const env = {
    BOT_DELAY_MS: '0', JOINS_PER_MINUTE: '1000000', WRONG_CODES_PER_HOUR: '1000000', TABLES_PER_PLAYER: '1000000',
    TABLES_PER_ADDRESS: '1000000',
  };
  console.log(`${tables} Hearts tables x 4 clients, a move per table every ${thinkMs} ms, ${seconds} s per configuration`);
  const results: Figures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-bench-cluster-'));
  let cluster: LocalCluster | null = null;
  try {
    cluster = await startLocalCluster({ processes: 1, basePort, dir: join(dir, 'one'), env });
    const clustered = cluster.processes[0]!;
    // A and B: a process of its own beside the cluster's (stopped meanwhile), same Postgres, without a
    // public address, so its WebSockets do not go through nginx either; B joins it to Redis.
    const standalone = (name: string, extra: Record<string, string>) =>
      new ClusterProcess(0, basePort + 9, join(cluster!.logDir, `server-${name}.log`), {
        NODE_ENV: 'test', HOST: '127.0.0.1', DATABASE_URL: cluster!.postgres.url, TOKEN_SECRET: cluster!.tokenSecret,
        LOG_FORMAT: 'json', BOT_WORKERS: '1', DATA_DIR: join(dir, name), ...env, LOG_LEVEL: 'info', ...extra,
      }, false);
    await clustered.stop('SIGTERM');
    const configurations: [string, ClusterProcess][] = [
      ['A. 1 process, Postgres, no Redis, direct', standalone('alone', {})],
      ['B. 1 process + Redis, direct', standalone('redis', { REDIS_URL: cluster.redis.url })],
    ];
    for (const [name, server] of configurations) {
      await server.start();
      results.push(await measure(name, `http://127.0.0.1:${server.port}`, tables, seconds, thinkMs, {
        servers: [server.pid], proxy: cluster.proxyPid, redisUrl: cluster.redis.url,
      }));
      await server.stop('SIGTERM');
    }
    await clustered.start();
    results.push(await measure('C. 1 process + Redis, through nginx', cluster.url, tables, seconds, thinkMs, {
      servers: [clustered.pid], proxy: cluster.proxyPid, redisUrl: cluster.redis.url,
    }));
    await cluster.stop();
    cluster = await startLocalCluster({ processes: 2, basePort, dir: join(dir, 'two'), env });
    const two = cluster;
    results.push(await measure('D. 2 processes + Redis, through nginx', cluster.url, tables, seconds, thinkMs, {
      servers: two.processes.map((server) => server.pid), proxy: two.proxyPid, redisUrl: two.redis.url,
    }));
  } finally {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const [a, b, c, d] = results;
  const delta = (x: Figures | undefined, y: Figures | undefined, key: 'p50Ms' | 'p99Ms') =>
    x && y ? (x.latency[key] - y.latency[key]).toFixed(2) : '?';
  const cpu = (x: Figures | undefined, y: Figures | undefined, key: 'serverCpuUsPerMove' | 'proxyCpuUsPerMove') => (x && y ? x[key] - y[key] : '?');
  console.log(`\nRedis adds per move (B - A): p50 ${delta(b, a, 'p50Ms')} ms, p99 ${delta(b, a, 'p99Ms')} ms, server CPU ${cpu(b, a, 'serverCpuUsPerMove')} us, ${b?.redisCommandsPerMove ?? '?'} Redis commands`);
  console.log(`the proxy adds per move (C - B): p50 ${delta(c, b, 'p50Ms')} ms, p99 ${delta(c, b, 'p99Ms')} ms, nginx CPU ${cpu(c, b, 'proxyCpuUsPerMove')} us`);
  console.log(`two processes against one, both through nginx (D - C): p50 ${delta(d, c, 'p50Ms')} ms, p99 ${delta(d, c, 'p99Ms')} ms`);
  const failed = results.filter((figures) => figures.latency.p99Ms > P99_LIMIT_MS || figures.errors > 0);
  console.log(failed.length === 0 ? `every configuration held p99 <= ${P99_LIMIT_MS} ms` : `NOT held: ${failed.map((figures) => figures.name).join('; ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
