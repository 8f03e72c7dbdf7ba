/**
 * Deckhand as several processes on this machine, the way `npm run cluster` runs it, without its proxy:
 * Redis (Colyseus' presence and driver, the table leases) and Postgres (the shared table log) from
 * Debian's packages, and N server hosts (`serverHost.ts`), each announcing its own loopback address in
 * the seat reservations (`PUBLIC_ADDRESS`), so a client's WebSocket goes straight to the process that
 * owns its table. Matchmaking may land on any of them: Colyseus puts a new table on the process with
 * the fewest rooms and forwards a join over Redis.
 *
 * The group answers as one server (`ServerHost`): CPU time, memory and rooms summed, Redis' and Postgres'
 * CPU counted in (as the servers' other threads: the work they do is the group's); the longest stall, the
 * longest GC pause and the event-loop delay those of the worst process; the main threads' CPU and their
 * wait for a CPU summed over the processes (so "waiting for a CPU" can pass 50% of a window). In the
 * worst process's stall anatomy, "other processes" includes the other server processes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, missingServices, startPostgres, startRedis } from '@deckhand/server';
import type { Service } from '@deckhand/server';
import { processTreeCpuMs } from '../machine';
import type { PauseFigures } from '../pauses';
import { ServerKind, startServerHost } from './hostProtocol';
import type { HostStats, ServerHost } from './hostProtocol';

/** Several server processes answering as one; `urls` has each one's address, for spreading the clients' HTTP. */
export interface ServerGroup extends ServerHost {
  readonly urls: readonly string[];
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  return values.some((value) => value === null) ? null : values.reduce<number>((sum, value) => sum + value!, 0);
}

function worstPauses(all: readonly PauseFigures[]): PauseFigures {
  const max = (pick: (pauses: PauseFigures) => number) => Math.max(...all.map(pick));
  const sum = (pick: (pauses: PauseFigures) => number | undefined) =>
    all.some((pauses) => pick(pauses) === undefined) ? undefined : all.reduce((total, pauses) => total + pick(pauses)!, 0);
  return {
    loopDelayMaxMs: max((pauses) => pauses.loopDelayMaxMs),
    loopDelayP99Ms: max((pauses) => pauses.loopDelayP99Ms),
    gcMaxMs: max((pauses) => pauses.gcMaxMs),
    gcTotalMs: max((pauses) => pauses.gcTotalMs),
    oldGenerationGrowthBytes: sum((pauses) => pauses.oldGenerationGrowthBytes),
    fullGcs: sum((pauses) => pauses.fullGcs),
  };
}

/** One reading of the whole group, with its services' CPU time so far (exported for its test). */
export function combineStats(all: readonly HostStats[], servicesCpuMs: number): HostStats {
  const total = (pick: (stats: HostStats) => number) => all.reduce((sum, stats) => sum + pick(stats), 0);
  const stalls = all.map((stats) => stats.longestStall).filter((stall) => stall !== null);
  return {
    cpuMs: total((stats) => stats.cpuMs) + servicesCpuMs,
    rssBytes: total((stats) => stats.rssBytes),
    heapUsedBytes: total((stats) => stats.heapUsedBytes),
    heapTotalBytes: total((stats) => stats.heapTotalBytes),
    externalBytes: total((stats) => stats.externalBytes),
    rooms: total((stats) => stats.rooms),
    bots: null,
    pauses: worstPauses(all.map((stats) => stats.pauses)),
    longestStall: stalls.reduce<(typeof stalls)[number] | null>((worst, stall) => (worst === null || stall.gapMs > worst.gapMs ? stall : worst), null),
    loopActiveMs: total((stats) => stats.loopActiveMs),
    loopIdleMs: total((stats) => stats.loopIdleMs),
    runQueueWaitMs: sumOrNull(all.map((stats) => stats.runQueueWaitMs)),
    mainThreadCpuMs: sumOrNull(all.map((stats) => stats.mainThreadCpuMs)),
  };
}

/** What a group needs that this machine lacks, as one sentence; null when nothing is missing. */
export function groupServicesMissing(): string | null {
  const missing = missingServices().filter((name) => name !== 'nginx');
  return missing.length === 0 ? null : `Deckhand as several processes needs ${missing.join(' and ')} (apt-get install redis-server postgresql)`;
}

export async function startDeckhandGroup(processes: number, logName: string, env: Readonly<Record<string, string>> = {}): Promise<ServerGroup> {
  if (!Number.isInteger(processes) || processes < 2) throw new Error(`a server group has 2 or more processes, not ${processes}`);
  const missing = groupServicesMissing();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-bench-group-'));
  const services: Service[] = [];
  const hosts: ServerHost[] = [];
  const stop = async (): Promise<void> => {
    await Promise.allSettled(hosts.map((host) => host.stop()));
    // Postgres runs detached and would outlive the run: each service whatever happened to the one before.
    for (const service of services.reverse()) await service.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redis = await startRedis(join(dir, 'redis'), await freePort());
    services.push(redis);
    const postgres = await startPostgres(join(dir, 'postgres'), await freePort());
    services.push(postgres);
    // Every process must open the others' guest passes.
    const shared = { REDIS_URL: redis.url, DATABASE_URL: postgres.url, TOKEN_SECRET: randomBytes(32).toString('hex') };
    const startOne = async (index: number): Promise<ServerHost> => {
      const port = await freePort();
      const host = await startServerHost(ServerKind.Deckhand, `${logName}-p${index}`, {
        ...shared,
        PORT: String(port),
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        ...env,
      });
      hosts.push(host);
      return host;
    };
    // The first runs Postgres' migrations; the others then start side by side and find them done.
    await startOne(1);
    await Promise.all(Array.from({ length: processes - 1 }, (_, index) => startOne(index + 2)));
    const first = hosts[0]!;
    return {
      kind: ServerKind.Deckhand,
      port: first.port,
      pid: first.pid,
      url: first.url,
      urls: hosts.map((host) => host.url),
      nodeFlags: first.nodeFlags,
      stats: async () =>
        combineStats(
          await Promise.all(hosts.map((host) => host.stats())),
          services.reduce((sum, service) => sum + processTreeCpuMs(service.pid, true), 0),
        ),
      collectGarbage: async () => {
        await Promise.all(hosts.map((host) => host.collectGarbage()));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
