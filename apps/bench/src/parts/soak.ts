/**
 * Part 4: soak. A fixed number of tables (half the measured capacity) play
 * for a number of minutes, with rematches at each game over; the server's
 * RSS, heap, CPU and open rooms are sampled along the way. Then every client
 * leaves, and the run checks that no room is left and that RSS is back within
 * 10% of where it started. Both ends are read the same way: no room open,
 * then a GC every few seconds until RSS stops falling (see `settle`); the
 * start comes after a short warm-up round at the soak's own size.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerKind, startServerHost } from '../host/hostProtocol';
import type { HostStats, ServerHost } from '../host/hostProtocol';
import { LoadFleet } from '../load/LoadFleet';
import { machineBusyMs } from '../machine';
import { settle } from '../memory';
import type { SoakFigures, SoakSample } from '../results';
import { round, summarize } from '../stats';

export interface SoakConfig {
  readonly minutes: number;
  readonly tables: number;
  readonly workers: number;
  readonly moveIntervalMs: number;
  readonly gameIds: readonly string[];
  readonly sampleSeconds: number;
  /** Length of the warm-up round before the start figure. */
  readonly warmupSeconds: number;
  readonly log: (line: string) => void;
}

/** How long rooms may take to close after their last client left. */
const DRAIN_SECONDS = 30;
const RSS_TOLERANCE = 0.1;

/** Waits until the server has no room open, or `DRAIN_SECONDS` passed; the last stats. */
async function drain(server: ServerHost): Promise<HostStats> {
  let stats = await server.stats();
  const until = performance.now() + DRAIN_SECONDS * 1000;
  while (stats.rooms > 0 && performance.now() < until) {
    await sleep(500);
    stats = await server.stats();
  }
  return stats;
}

export async function runSoak(config: SoakConfig): Promise<SoakFigures> {
  let server: ServerHost | null = null;
  let fleet: LoadFleet | null = null;
  try {
    server = await startServerHost(ServerKind.Deckhand, 'server-soak');
    const { stats: idle } = await settle(server);
    // A fresh process grows on first use, and the first time it serves this many clients
    // (compiled code, lazily loaded modules, the allocator's high-water mark: about 10 MiB of
    // glibc heap that stays fragmented once 1,000 connections have come and gone, while later
    // rounds of the same size add about 2 MiB each). A short round at the soak's own size first, so that
    // the start is a server that has served this load once, and the end shows what the soak kept.
    const warmup = await LoadFleet.start(config.workers, [server.url], { gameIds: config.gameIds, moveIntervalMs: config.moveIntervalMs });
    try {
      await warmup.growTo(config.tables);
      await sleep(config.warmupSeconds * 1000);
    } finally {
      await warmup.stop();
    }
    await drain(server);
    const { stats: start, seconds: settleStartSeconds } = await settle(server);
    config.log(`  start (after the warm-up, settled in ${settleStartSeconds} s): RSS ${Math.round(start.rssBytes / 2 ** 20)} MiB, heap ${Math.round(start.heapUsedBytes / 2 ** 20)} of ${Math.round(start.heapTotalBytes / 2 ** 20)} MiB`);
    fleet = await LoadFleet.start(config.workers, [server.url], {
      gameIds: config.gameIds,
      moveIntervalMs: config.moveIntervalMs,
    });
    const opening = await fleet.growTo(config.tables);
    // The minutes count from when every table is open: opening 700 tables on a loaded machine
    // took longer than a short soak, which then measured nothing and still passed.
    const began = performance.now();
    let errors = opening.failed;
    const errorSamples = [...opening.errorSamples];
    let moves = 0;
    const latencies: number[] = [];
    const samples: SoakSample[] = [];
    let previous = { report: await fleet.report(), server: await server.stats(), machine: machineBusyMs() };
    let clients = previous.report.clients;
    const endAt = began + config.minutes * 60_000;
    while (performance.now() < endAt) {
      await sleep(Math.min(config.sampleSeconds * 1000, Math.max(0, endAt - performance.now())));
      const report = await fleet.report();
      const stats = await server.stats();
      const machine = machineBusyMs();
      const wallMs = report.at - previous.report.at;
      moves += report.moves;
      errors += report.errors;
      errorSamples.push(...report.errorSamples);
      latencies.push(...report.latenciesMs);
      clients = Math.max(clients, report.clients);
      samples.push({
        atSeconds: round((report.at - began) / 1000, 1),
        serverRssBytes: stats.rssBytes,
        serverHeapUsedBytes: stats.heapUsedBytes,
        serverHeapTotalBytes: stats.heapTotalBytes,
        serverCpuPercent: round(((stats.cpuMs - previous.server.cpuMs) / wallMs) * 100, 1),
        serverPauses: stats.pauses,
        machineCpuPercent: round(((machine - previous.machine) / wallMs) * 100, 1),
        rooms: stats.rooms,
        movesPerSecond: round(report.moves / (wallMs / 1000), 1),
        p99Ms: summarize(report.latenciesMs).p99Ms,
        errors: report.errors,
      });
      config.log(
        `  ${samples.at(-1)!.atSeconds} s: RSS ${Math.round(stats.rssBytes / 2 ** 20)} MiB, heap ${Math.round(stats.heapUsedBytes / 2 ** 20)} of ${Math.round(stats.heapTotalBytes / 2 ** 20)} MiB, rooms ${stats.rooms}, ` +
          `${samples.at(-1)!.movesPerSecond} moves/s, p99 ${samples.at(-1)!.p99Ms} ms, errors ${report.errors}`,
      );
      previous = { report, server: stats, machine };
    }

    await fleet.stop();
    fleet = null;
    const roomsLeft = (await drain(server)).rooms;
    await server.collectGarbage();
    const left = await server.stats();
    const { stats: end, seconds: settleEndSeconds } = await settle(server);
    config.log(
      `  end: RSS ${Math.round(left.rssBytes / 2 ** 20)} MiB once the rooms closed, ${Math.round(end.rssBytes / 2 ** 20)} MiB settled (in ${settleEndSeconds} s), ` +
        `heap ${Math.round(end.heapUsedBytes / 2 ** 20)} of ${Math.round(end.heapTotalBytes / 2 ** 20)} MiB, rooms left ${roomsLeft}`,
    );
    const rssChange = (end.rssBytes - start.rssBytes) / start.rssBytes;
    return {
      minutes: config.minutes,
      tables: config.tables,
      clients,
      samples,
      moves,
      errors,
      errorSamples: errorSamples.slice(0, 5),
      latency: summarize(latencies),
      rssIdleBytes: idle.rssBytes,
      rssStartBytes: start.rssBytes,
      rssEndBytes: end.rssBytes,
      rssLeftBytes: left.rssBytes,
      settleStartSeconds,
      settleEndSeconds,
      heapStartBytes: start.heapUsedBytes,
      heapEndBytes: end.heapUsedBytes,
      heapTotalStartBytes: start.heapTotalBytes,
      heapTotalEndBytes: end.heapTotalBytes,
      externalStartBytes: start.externalBytes,
      externalEndBytes: end.externalBytes,
      rssChange: round(rssChange, 4),
      roomsLeft,
      passed: moves > 0 && roomsLeft === 0 && rssChange <= RSS_TOLERANCE,
    };
  } finally {
    await fleet?.stop();
    await server?.stop();
  }
}
