/**
 * Starts a Deckhand server programmatically: HTTP (guest tokens, health,
 * monitor, web build) and the Colyseus rooms on one port. Used by main.ts,
 * by the tests and by the benchmark.
 *
 * Colyseus keeps its matchmaker in module state, so one process runs one
 * server at a time: shut one down before starting another.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LobbyRoom, LocalPresence, Server, matchMaker } from '@colyseus/core';
import type { Presence } from '@colyseus/core';
import pino from 'pino';
import type { Logger } from 'pino';
import { GAMES } from '@deckhand/rules';
import type { AnyGame } from '@deckhand/rules';
import { RoomName } from '@deckhand/protocol';
import { BotPool } from './BotPool';
import type { BotThinking } from './BotPool';
import { joinCluster } from './cluster/cluster';
import type { ClusterLink } from './cluster/cluster';
import { soleOwnership } from './cluster/TableLeases';
import { loadConfig } from './config';
import type { ServerConfig } from './config';
import { guestTokens } from './guestTokens';
import type { GuestTokens } from './guestTokens';
import { GuardedTransport } from './GuardedTransport';
import { JoinLimits } from './http/joinLimits';
import { TableQuota } from './http/TableQuota';
import { httpApp } from './httpApp';
import { repeatLimitHooks } from './logLines';
import { skipPm2AgentOutsidePm2 } from './pm2Metrics';
import { ClosedTables } from './room/ClosedTables';
import { tableRoomWith } from './room/TableRoom';
import type { TableRoom } from './room/TableRoom';
import { openTableStore } from './store/openStore';
import type { OpenTableLog, TableStore } from './store/TableStore';
import type { TableObserver } from './table/types';

export interface StartOptions {
  /** Overrides the configured PORT; 0 picks a free port. */
  readonly port?: number;
  /** Full configuration; defaults to `loadConfig(env)`. */
  readonly config?: ServerConfig;
  /** Environment overrides merged over `process.env` when `config` is not given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Games to serve; defaults to the rules registry. */
  readonly games?: readonly AnyGame[];
  readonly logger?: Logger;
  /** Shared presence; by default Redis presence with `REDIS_URL`, else in memory. */
  readonly presence?: Presence;
  /** Sees every deal and move with the full rules state (tests, benchmark). */
  readonly observer?: TableObserver;
  /** Where hard bots search; defaults to a `BotPool` sized by the configuration. Closed on shutdown. */
  readonly bots?: BotThinking;
  /** The table log and game history; defaults to `DATA_DIR` (SQLite), or memory when it is empty. Closed on shutdown. */
  readonly store?: TableStore;
}

export interface RunningServer {
  readonly port: number;
  readonly config: ServerConfig;
  readonly tokens: GuestTokens;
  /** Where hard bots search. */
  readonly bots: BotThinking;
  /** The table log and game history. */
  readonly store: TableStore;
  /** Codes of the tables brought back from the log at start (with Redis: those this process took). */
  readonly restored: readonly string[];
  /** Colyseus' id of this process (in seat reservations and table leases). */
  readonly processId: string;
  /** Closes every table (clients get CloseCode.ServerShutdown), then the port and the bot threads. */
  shutdown(): Promise<void>;
}

function defaultLogger(config: ServerConfig): Logger {
  const hooks = repeatLimitHooks();
  // pino-pretty is a development dependency: a production install never loads it.
  if (config.logFormat === 'pretty' && config.logLevel !== 'silent') {
    return pino({
      level: config.logLevel,
      hooks,
      transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l', singleLine: true } },
    });
  }
  return pino({ level: config.logLevel, hooks });
}

/**
 * Colyseus' server without its built-in matchmaking handler, which reads any
 * body whole and creates tables before a token is checked: `/matchmake` is an
 * express route of `httpApp` instead (see http/matchmakeRoute.ts).
 */
class DeckhandServer extends Server {
  protected override attachMatchMakingRoutes(): void {}
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Brings an unfinished table back under its own code, in this process (never
 * handed to another by Colyseus' process selection: the log is here). A table
 * whose log does not replay is reported and left in the store for a person to
 * look at.
 */
async function restoreTable(log: OpenTableLog, restores: Map<string, OpenTableLog>, logger: Logger): Promise<boolean> {
  const key = randomUUID();
  restores.set(key, log);
  try {
    await matchMaker.handleCreateRoom(RoomName.Table, { restore: key });
    return true;
  } catch (error) {
    logger.error({ err: error, table: log.code, actions: log.actions.length }, 'a table could not be restored from its log; the log is kept');
    return false;
  } finally {
    restores.delete(key);
  }
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig({ ...process.env, ...options.env });
  const logger = options.logger ?? defaultLogger(config);
  if (config.tokenSecretSource === 'generated') {
    logger.info(`TOKEN_SECRET is not set: generated one into ${config.tokenSecretFile ?? config.dataDir}, reused from there on later starts`);
  }
  // First: an unreadable database stops the start here, before any port or thread is opened.
  const store = options.store ?? (await openTableStore(config));
  const games = options.games ?? GAMES;
  const tokens = guestTokens(config.tokenSecret, config.tokenDays);
  const startedAt = Date.now();
  // The search stops itself at botSearchMs; the deadline leaves as long again for the queue, plus a margin.
  const bots = options.bots ?? new BotPool({ workers: config.botWorkers, deadlineMs: 2 * config.botSearchMs + 250 });

  let cluster: ClusterLink | null = null;
  try {
    cluster = config.redisUrl === '' ? null : await joinCluster(config.redisUrl, logger);
  } catch (error) {
    await bots.close();
    await store.close();
    throw error;
  }
  const presence = options.presence ?? cluster?.presence ?? new LocalPresence();
  const limits = new JoinLimits(config, cluster?.redis ?? null);
  const quota = new TableQuota(config, presence);
  const app = httpApp({
    config, tokens, logger, startedAt, roomCount: () => matchMaker.stats.local.roomCount, botTally: () => bots.tally(),
    matchmake: { tokens, limits, quota, logger },
    tableOpen: async (code) => (await matchMaker.query({ name: RoomName.Table, roomId: code })).length > 0,
    history: store,
  });
  const httpServer = http.createServer(app);
  // Moves are tiny and latency matters more than packet count.
  httpServer.on('connection', (socket) => socket.setNoDelay(true));
  skipPm2AgentOutsidePm2();
  const transport = new GuardedTransport({ server: httpServer, maxPayload: 16 * 1024 }, logger.child({ component: 'socket' }));
  const gameServer = new DeckhandServer({
    transport,
    presence,
    driver: cluster?.driver,
    publicAddress: config.publicAddress === '' ? undefined : config.publicAddress,
    greet: false,
    gracefullyShutdown: false,
    logger: logger.child({ component: 'colyseus' }),
  });
  const restores = new Map<string, OpenTableLog>();
  // Set by the constructor above (matchMaker.setup); leases carry it so a takeover can tell who held a table.
  const leases = cluster?.leases(matchMaker.processId, config.leaseMs) ?? null;
  const closedTables = new ClosedTables(quota, presence, cluster !== null, logger);
  gameServer
    .define(RoomName.Table, tableRoomWith({
      config, games, tokens, logger, bots, observer: options.observer, store, restores, ownership: leases ?? soleOwnership,
      disposals: closedTables,
    }))
    .enableRealtimeListing()
    .on('dispose', (room: TableRoom) => closedTables.closed(room.roomId, room.keptOpen));
  gameServer.define(RoomName.Lobby, LobbyRoom);

  try {
    await gameServer.listen(options.port ?? config.port, config.host === '' ? undefined : config.host);
  } catch (error) {
    await cluster?.close(true);
    await bots.close();
    await store.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const restore = (log: OpenTableLog) => restoreTable(log, restores, logger);
  let takeover = null;
  let restored: string[];
  if (cluster && leases) {
    leases.start();
    takeover = cluster.takeover({ store, leases, logger, restore, sweepMs: Math.min(1000, Math.floor(config.leaseMs / 2)) });
    restored = await takeover.start();
  } else {
    restored = [];
    for (const log of await store.openTables()) if (await restore(log)) restored.push(log.code);
  }
  const forgetOldGames = () => {
    store.deleteGamesBefore(Date.now() - config.historyDays * DAY_MS).then(
      (deleted) => deleted > 0 && logger.info({ deleted }, 'finished games past retention deleted'),
      (error: unknown) => logger.error({ err: error }, 'could not delete old games'),
    );
  };
  forgetOldGames();
  const retention = setInterval(forgetOldGames, DAY_MS);
  retention.unref();
  logger.info(
    {
      port, games: games.map((game) => game.id), production: config.production, botWorkers: bots.tally().threads,
      dataDir: config.dataDir || '(memory)', restored: restored.length, processId: matchMaker.processId,
      redis: cluster !== null, postgres: config.databaseUrl !== '', publicAddress: config.publicAddress || undefined,
    },
    'deckhand server listening',
  );

  let stopping: Promise<void> | null = null;
  return {
    port,
    config,
    tokens,
    bots,
    store,
    restored,
    processId: matchMaker.processId,
    shutdown() {
      stopping ??= (async () => {
        logger.info('shutting down');
        // No new takeovers here; the tables this process keeps are let go once their rooms are closed.
        takeover?.stop();
        await gameServer.gracefullyShutdown(false);
        // Colyseus counts the rooms gone once their closing has started: it and what they owe Redis finish here, while
        // the presence and the store are still open.
        await closedTables.settle();
        await cluster?.close();
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        });
        clearInterval(retention);
        await bots.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
