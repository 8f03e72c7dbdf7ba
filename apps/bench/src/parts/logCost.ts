/**
 * Part 7: what the durable table log costs. The same server twice in one run,
 * once with the log on (a SQLite file in a data directory of its own, as
 * players get it) and once with it off (`DATA_DIR` empty: tables in memory
 * only), each measured the same way: one table's action-to-all-clients
 * latency over whole games with the default turn timer, then a fixed number
 * of tables of four clients (the capacity target) held for two windows.
 * The server CPU per move of the two runs, side by side, is the log's write
 * cost in place (it includes the JSON and the SQLite write of every action).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_TURN_SECONDS } from '@deckhand/protocol';
import { startCanary } from '../canaryProcess';
import type { Canary } from '../canaryProcess';
import { DeckhandTable } from '../deckhand/DeckhandTable';
import { ServerKind, startServerHost } from '../host/hostProtocol';
import type { ServerHost } from '../host/hostProtocol';
import { LoadFleet } from '../load/LoadFleet';
import type { CapacityStep, LogCostFigures, LogCostRun } from '../results';
import { round, summarize } from '../stats';
import { measureWindow } from './capacity';
import type { LoadWindowConfig } from './capacity';

export interface LogCostConfig extends LoadWindowConfig {
  /** Tables held at once (4 clients each): the capacity target is 2,000 clients. */
  readonly tables: number;
  /** Whole one-table Hearts games played for the latency figure. */
  readonly oneTableGames: number;
}

async function oneTableLatencies(server: ServerHost, games: number): Promise<{ latencies: number[]; moves: number }> {
  const latencies: number[] = [];
  let moves = 0;
  for (let index = 0; index < games; index++) {
    const table = await DeckhandTable.open({
      baseUrl: server.url, gameId: 'hearts', seats: 4, botSeed: `logcost-${index}`, options: {}, turnSeconds: DEFAULT_TURN_SECONDS,
    });
    try {
      const run = await table.playToEnd(5_000, null);
      latencies.push(...run.latenciesMs);
      moves += run.moves;
    } finally {
      await table.leave();
    }
  }
  return { latencies, moves };
}

async function measureOne(log: 'on' | 'off', config: LogCostConfig): Promise<LogCostRun> {
  let server: ServerHost | null = null;
  let fleet: LoadFleet | null = null;
  let canary: Canary | null = null;
  try {
    // Log on is the server's default (a data directory of its own, see deckhandServer.ts); empty DATA_DIR turns it off.
    server = await startServerHost(ServerKind.Deckhand, `server-log-${log}`, log === 'off' ? { DATA_DIR: '' } : {});
    const one = await oneTableLatencies(server, config.oneTableGames);
    config.log(`  log ${log}: one table, ${one.moves} moves, p99 ${summarize(one.latencies).p99Ms} ms`);
    fleet = await LoadFleet.start(config.workers, [server.url], { gameIds: config.gameIds, moveIntervalMs: config.moveIntervalMs });
    const opening = await fleet.growTo(config.tables);
    await sleep(config.settleSeconds * 1000);
    canary = await startCanary(`canary-log-${log}`);
    const windows: CapacityStep[] = [];
    windows.push(await measureWindow(server, fleet, opening, config, canary));
    windows.push(await measureWindow(server, fleet, { failed: 0, errorSamples: [] }, config, canary));
    const moves = windows.reduce((sum, step) => sum + step.movesPerSecond * step.windowSeconds, 0);
    const cpuMs = windows.reduce((sum, step) => sum + (step.serverCpuPercent / 100) * step.windowSeconds * 1000, 0);
    return {
      log,
      oneTable: summarize(one.latencies),
      oneTableMoves: one.moves,
      windows,
      serverCpuMsPerMove: round(cpuMs / Math.max(1, moves), 4),
    };
  } finally {
    await canary?.stop();
    await fleet?.stop();
    await server?.stop();
  }
}

export async function measureLogCost(config: LogCostConfig): Promise<LogCostFigures> {
  const on = await measureOne('on', config);
  const off = await measureOne('off', config);
  return {
    tables: config.tables,
    clients: config.tables * 4,
    oneTableGames: config.oneTableGames,
    runs: [on, off],
    writeCostMsPerMove: round(on.serverCpuMsPerMove - off.serverCpuMsPerMove, 4),
  };
}
