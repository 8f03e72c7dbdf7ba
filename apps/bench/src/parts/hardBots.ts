/**
 * Part 6: hard bots beside human tables. Human tables (load workers, four
 * colyseus.js clients each, about one move per second, as in part 3) are
 * measured alone, then while bot tables (every seat a hard bot, watched by
 * the client that opened them, rematch at each game over) play on the same
 * server. The whole is done twice: with the server's bot worker pool, and
 * with BOT_WORKERS=0, where the searches run on the main thread, for contrast.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BotLevel } from '@deckhand/protocol';
import { BotTable } from '../deckhand/BotTable';
import { ServerKind, startServerHost } from '../host/hostProtocol';
import type { ServerHost } from '../host/hostProtocol';
import { LoadFleet } from '../load/LoadFleet';
import type { HardBotsFigures, HardBotsRun, HardBotsWindow } from '../results';
import { round } from '../stats';
import { measureWindow } from './capacity';
import type { LoadWindowConfig } from './capacity';

/** `workers` are the load-generator processes for the human tables. */
export interface HardBotsConfig extends LoadWindowConfig {
  readonly humanTables: number;
  readonly botTables: number;
}

/** The production default: bots pause as a person would, and a hard bot searches during the pause. */
const BOT_DELAY_MS = '700-1200';
const SEATS_PER_BOT_TABLE = 4;
/** Bot tables opened at once. */
const OPEN_CONCURRENCY = 4;

export async function measureHardBots(config: HardBotsConfig): Promise<HardBotsFigures> {
  const pool = await measureRun(config, null);
  const inline = await measureRun(config, 0);
  return {
    humanTables: config.humanTables,
    botTables: config.botTables,
    seatsPerBotTable: SEATS_PER_BOT_TABLE,
    botLevel: BotLevel.Hard,
    botDelayMs: BOT_DELAY_MS,
    moveIntervalMs: config.moveIntervalMs,
    pool,
    inline,
  };
}

/** One server: the human tables alone, then with the bot tables. `botWorkers` null keeps the server's default. */
async function measureRun(config: HardBotsConfig, botWorkers: number | null): Promise<HardBotsRun> {
  const label = botWorkers === 0 ? 'inline' : 'pool';
  let server: ServerHost | null = null;
  let fleet: LoadFleet | null = null;
  const botTables: BotTable[] = [];
  try {
    const env = { BOT_DELAY_MS, ...(botWorkers === null ? {} : { BOT_WORKERS: String(botWorkers) }) };
    server = await startServerHost(ServerKind.Deckhand, `server-hardbots-${label}`, env);
    fleet = await LoadFleet.start(config.workers, [server.url], { gameIds: config.gameIds, moveIntervalMs: config.moveIntervalMs });
    const opening = await fleet.growTo(config.humanTables);
    await sleep(config.settleSeconds * 1000);
    config.log(`  ${label}: ${config.humanTables} human tables alone`);
    const alone = await measureBotWindow(server, fleet, botTables, opening, config);

    let next = 0;
    const openOne = async (): Promise<void> => {
      while (next < config.botTables) {
        const gameId = config.gameIds[next++ % config.gameIds.length]!;
        botTables.push(await BotTable.open({ baseUrl: server!.url, gameId, seats: SEATS_PER_BOT_TABLE, level: BotLevel.Hard }));
      }
    };
    await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, openOne));
    await sleep(config.settleSeconds * 1000);
    config.log(`  ${label}: the same with ${botTables.length} tables of ${SEATS_PER_BOT_TABLE} hard bots`);
    const withBots = await measureBotWindow(server, fleet, botTables, { failed: 0, errorSamples: [] }, config);
    return { botWorkers: (await server.stats()).bots?.threads ?? Number.NaN, alone, withBots };
  } finally {
    await Promise.allSettled(botTables.map((table) => table.leave()));
    await fleet?.stop();
    await server?.stop();
  }
}

/** A capacity window over the human tables, with the bot tables' moves and the server's searches over the same time. */
async function measureBotWindow(
  server: ServerHost,
  fleet: LoadFleet,
  botTables: readonly BotTable[],
  opening: { failed: number; errorSamples: string[] },
  config: HardBotsConfig,
): Promise<HardBotsWindow> {
  const movesOf = (): number => botTables.reduce((sum, table) => sum + table.moves, 0);
  const started = performance.now();
  const [botMovesBefore, before] = [movesOf(), await server.stats()];
  const humans = await measureWindow(server, fleet, opening, config);
  const [botMovesAfter, after] = [movesOf(), await server.stats()];
  const seconds = (performance.now() - started) / 1000;
  const active = after.loopActiveMs - before.loopActiveMs;
  const window: HardBotsWindow = {
    humans,
    botTables: botTables.length,
    botMovesPerSecond: round((botMovesAfter - botMovesBefore) / seconds, 1),
    searchesAnswered: (after.bots?.answered ?? 0) - (before.bots?.answered ?? 0),
    searchesFailed: (after.bots?.failed ?? 0) - (before.bots?.failed ?? 0),
    serverMainThreadBusyPercent: round((active / (active + after.loopIdleMs - before.loopIdleMs)) * 100, 1),
  };
  config.log(
    `    server main thread busy ${window.serverMainThreadBusyPercent}%` +
      (botTables.length > 0
        ? `; bot tables: ${window.botMovesPerSecond} moves/s, searches answered ${window.searchesAnswered}, failed ${window.searchesFailed}`
        : ''),
  );
  return window;
}
