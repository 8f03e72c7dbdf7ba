/**
 * Parts 1 and 2: wire bytes per move against the baseline, and latency with
 * one table. Each game is first played through real colyseus.js clients on
 * the real server (clients choose moves from their own views with a seeded
 * bot); at game over the server reveals its seed, and the baseline replays
 * exactly that game (same seed, same moves in the same order). Both servers
 * run at the same time in their own processes, so the comparison holds on a
 * noisy machine.
 */
import { DEFAULT_TURN_SECONDS } from '@deckhand/protocol';
import type { TurnSeconds } from '@deckhand/protocol';
import { findGame, replayGame } from '@deckhand/rules';
import type { AnyGame } from '@deckhand/rules';
import { replayOnBaseline } from '../baseline/baselineTable';
import { DeckhandTable } from '../deckhand/DeckhandTable';
import { machineBusyMs } from '../machine';
import { ServerKind, startServerHost } from '../host/hostProtocol';
import type { ServerHost } from '../host/hostProtocol';
import { startChild } from '../processes';
import type { LatencyFigures, WireGameFigures, WireSide } from '../results';
import { byIdleBefore, round, summarize } from '../stats';
import type { TableRun } from '../tableRun';
import { addCounts } from '../wire';

/** The move before which a spectator joins and a seat reconnects, in the first game of each kind. */
const MID_GAME_JOIN_AT = 100;

export interface WireConfig {
  readonly gameIds: readonly string[];
  readonly gamesPerKind: number;
  /** Play to the game's lowest target score (quick runs). */
  readonly shortGames: boolean;
  readonly log: (line: string) => void;
}

/** Options for a short game: the smallest `target` the game offers, if it has that option. */
export function shortGameOptions(game: AnyGame): Record<string, number> {
  const target = game.options.find((option) => option.key === 'target');
  const values = (target?.choices ?? []).map((choice) => choice.value).filter((value): value is number => typeof value === 'number');
  return values.length > 0 ? { target: Math.min(...values) } : {};
}

function side(runs: readonly TableRun[]): WireSide {
  const moves = runs.reduce((sum, run) => sum + run.moves, 0);
  const clients = runs.flatMap((run) => run.clients);
  const moveCount = addCounts(clients.map((client) => client.moves));
  const perMoveClient = moves * (clients.length / Math.max(1, runs.length));
  const perKind: Record<string, number> = {};
  for (const [kind, bytes] of Object.entries(moveCount.byKind)) perKind[kind] = round(bytes / perMoveClient, 2);
  return {
    bytesPerMovePerClient: round(moveCount.wireBytes / perMoveClient, 2),
    payloadBytesPerMovePerClient: round(moveCount.payloadBytes / perMoveClient, 2),
    messagesPerMovePerClient: round(moveCount.messages / perMoveClient, 3),
    perMoveByKind: perKind,
    joinBytesPerClient: round(addCounts(clients.map((client) => client.join)).wireBytes / clients.length, 1),
    startBytesPerClient: round(addCounts(clients.map((client) => client.start)).wireBytes / clients.length, 1),
    seatedByKind: Object.fromEntries(
      Object.entries(addCounts(clients.flatMap((client) => [client.join, client.start])).byKind).map(([kind, bytes]) => [kind, round(bytes / clients.length, 1)]),
    ),
  };
}

/** Four seats, as the web app opens a table, where the game allows four; else the nearest it allows (Gin Rummy: two). */
export function benchSeats(game: AnyGame): number {
  return Math.min(game.maxSeats, Math.max(game.minSeats, 4));
}

/** Random play in Gin Rummy seldom ends a hand (nobody knocks), so its clients play its heuristic bot. */
const BOT_BY_GAME: Readonly<Record<string, string>> = { 'gin-rummy': 'heuristic' };

/** One Deckhand game at one table, start to game over; the first game of a kind also records its anatomy and a mid-game join. */
async function playOne(url: string, gameId: string, index: number, options: Record<string, number>, turnSeconds: TurnSeconds, detailed: boolean): Promise<TableRun> {
  // One table at a time: part 2's figure is the latency with one table.
  const game = findGame(gameId);
  if (!game) throw new Error(`game ${gameId} is not in the rules registry`);
  const table = await DeckhandTable.open({ baseUrl: url, gameId, seats: benchSeats(game), bot: BOT_BY_GAME[gameId], botSeed: `wire-${gameId}-${index}`, options, turnSeconds, anatomy: detailed });
  try {
    return await table.playToEnd(5_000, detailed ? MID_GAME_JOIN_AT : null);
  } finally {
    await table.leave();
  }
}

/**
 * The one-table latency again, same games, while a child process spins on a
 * core: the figure a player sees on a server that is not idle.
 */
async function measureBusy(url: string, config: WireConfig): Promise<NonNullable<LatencyFigures['busy']>> {
  const spinner = startChild('busyLoop.ts', [], 'busy-loop');
  try {
    const latencies: number[] = [];
    const started = performance.now();
    const busyBefore = machineBusyMs();
    for (const gameId of config.gameIds) {
      const game = findGame(gameId);
      if (!game) throw new Error(`game ${gameId} is not in the rules registry`);
      const options = config.shortGames ? shortGameOptions(game) : {};
      for (let index = 0; index < config.gamesPerKind; index++) {
        const run = await playOne(url, gameId, index, options, DEFAULT_TURN_SECONDS, false);
        latencies.push(...run.latenciesMs);
        config.log(`  ${gameId} game ${index + 1}/${config.gamesPerKind} beside a busy core: ${run.moves} moves`);
      }
    }
    return {
      oneTable: summarize(latencies),
      machineCpuPercent: round(((machineBusyMs() - busyBefore) / (performance.now() - started)) * 100, 1),
    };
  } finally {
    spinner.kill('SIGKILL');
  }
}

export async function measureWireAndLatency(config: WireConfig): Promise<{ wire: WireGameFigures[]; latency: LatencyFigures }> {
  let deckhand: ServerHost | null = null;
  let baseline: ServerHost | null = null;
  try {
    [deckhand, baseline] = await Promise.all([startServerHost(ServerKind.Deckhand), startServerHost(ServerKind.Baseline)]);
    const wire: WireGameFigures[] = [];
    const started = performance.now();
    const busyBefore = machineBusyMs();
    const ourLatencies: number[] = [];
    const ourIdleBefore: number[] = [];
    const baselineLatencies: number[] = [];
    for (const gameId of config.gameIds) {
      const game = findGame(gameId);
      if (!game) throw new Error(`game ${gameId} is not in the rules registry`);
      const options = config.shortGames ? shortGameOptions(game) : {};
      const ours: TableRun[] = [];
      const theirs: TableRun[] = [];
      const timerOff: TableRun[] = [];
      for (let index = 0; index < config.gamesPerKind; index++) {
        // What players get: the web app creates tables with the default turn timer.
        const run = await playOne(deckhand.url, gameId, index, options, DEFAULT_TURN_SECONDS, index === 0);
        // The same bot seed with the timer off: another deal, the same kind of game.
        timerOff.push(await playOne(deckhand.url, gameId, index, options, 0, false));
        // The record must rebuild the server's game, or the baseline would play another one.
        const replay = replayGame(game, run.record);
        if (!replay.ok) throw new Error(`${gameId}: the recorded game does not replay (${replay.error.code} at move ${replay.error.moveIndex})`);
        const baselineRun = await replayOnBaseline(baseline.url, `${gameId}-${index}`, run.record);
        ours.push(run);
        theirs.push(baselineRun);
        ourLatencies.push(...run.latenciesMs);
        ourIdleBefore.push(...(run.idleBeforeMs ?? []));
        baselineLatencies.push(...baselineRun.latenciesMs);
        config.log(`  ${gameId} game ${index + 1}/${config.gamesPerKind}: ${run.moves} moves`);
      }
      const deckhandSide = side(ours);
      const baselineSide = side(theirs);
      const first = ours[0];
      wire.push({
        gameId,
        turnSeconds: DEFAULT_TURN_SECONDS,
        timerOff: side(timerOff),
        timerOffMoves: timerOff.reduce((sum, run) => sum + run.moves, 0),
        midGameJoin: first?.midGameJoin ?? null,
        anatomy: first?.anatomy ?? [],
        moveKinds: first?.moveKinds ?? {},
        games: ours.length,
        moves: ours.reduce((sum, run) => sum + run.moves, 0),
        seeds: ours.map((run) => run.seed),
        options: ours[0]?.record.options as Record<string, unknown>,
        deckhand: deckhandSide,
        baseline: baselineSide,
        ratio: round(deckhandSide.bytesPerMovePerClient / baselineSide.bytesPerMovePerClient, 4),
        patchOnlyRatio: round((deckhandSide.perMoveByKind['patch'] ?? 0) / baselineSide.bytesPerMovePerClient, 4),
      });
    }
    const machineCpuPercent = round(((machineBusyMs() - busyBefore) / (performance.now() - started)) * 100, 1);
    const busy = await measureBusy(deckhand.url, config);
    return {
      wire,
      latency: {
        machineCpuPercent,
        oneTable: summarize(ourLatencies),
        byIdleBefore: byIdleBefore(ourLatencies, ourIdleBefore),
        baselineOneTable: summarize(baselineLatencies),
        underLoad: null,
        busy,
      },
    };
  } finally {
    await Promise.all([deckhand?.stop(), baseline?.stop()]);
  }
}
