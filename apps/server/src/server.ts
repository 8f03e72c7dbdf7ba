/**
 * Starts a Deckhand server programmatically: HTTP (guest tokens, health,
 * monitor, web build) and the Colyseus rooms on one port. Used by main.ts,
 * by the tests and by the benchmark.
 *
 * Colyseus keeps its matchmaker in module state, so one process runs one
 * server at a time: shut one down before starting another.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LobbyRoom, Server, matchMaker } from '@colyseus/core';
import type { Presence } from '@colyseus/core';
import pino from 'pino';
import type { Logger } from 'pino';
import { GAMES } from '@deckhand/rules';
import type { AnyGame } from '@deckhand/rules';
import { RoomName } from '@deckhand/protocol';
import { BotPool } from './BotPool';
import type { BotThinking } from './BotPool';
import { loadConfig } from './config';
import type { ServerConfig } from './config';
import { guestTokens } from './guestTokens';
import type { GuestTokens } from './guestTokens';
import { httpApp } from './httpApp';
import { StaggeredPingTransport } from './StaggeredPingTransport';
import { tableRoomWith } from './TableRoom';
import type { TableObserver } from './TableRoom';

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
  /** Shared presence for several processes (Redis); in-memory by default. */
  readonly presence?: Presence;
  /** Sees every deal and move with the full rules state (tests, benchmark). */
  readonly observer?: TableObserver;
  /** Where hard bots search; defaults to a `BotPool` sized by the configuration. Closed on shutdown. */
  readonly bots?: BotThinking;
}

export interface RunningServer {
  readonly port: number;
  readonly config: ServerConfig;
  readonly tokens: GuestTokens;
  /** Where hard bots search. */
  readonly bots: BotThinking;
  /** Closes every table (clients get CloseCode.ServerShutdown), then the port and the bot threads. */
  shutdown(): Promise<void>;
}

function defaultLogger(config: ServerConfig): Logger {
  // pino-pretty is a development dependency: a production install never loads it.
  if (config.logFormat === 'pretty' && config.logLevel !== 'silent') {
    return pino({
      level: config.logLevel,
      transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l', singleLine: true } },
    });
  }
  return pino({ level: config.logLevel });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig({ ...process.env, ...options.env });
  const logger = options.logger ?? defaultLogger(config);
  if (config.tokenSecretSource === 'generated') {
    logger.info(`TOKEN_SECRET is not set: generated one into ${config.tokenSecretFile ?? config.dataDir}, reused from there on later starts`);
  }
  const games = options.games ?? GAMES;
  const tokens = guestTokens(config.tokenSecret, config.tokenDays);
  const startedAt = Date.now();
  // The search stops itself at botSearchMs; the deadline leaves as long again for the queue, plus a margin.
  const bots = options.bots ?? new BotPool({ workers: config.botWorkers, deadlineMs: 2 * config.botSearchMs + 250 });

  const app = httpApp({
    config, tokens, logger, startedAt, roomCount: () => matchMaker.stats.local.roomCount, botTally: () => bots.tally(),
    tableOpen: async (code) => (await matchMaker.query({ name: RoomName.Table, roomId: code })).length > 0,
  });
  const httpServer = http.createServer(app);
  // Moves are tiny and latency matters more than packet count.
  httpServer.on('connection', (socket) => socket.setNoDelay(true));
  const transport = new StaggeredPingTransport({ server: httpServer, maxPayload: 16 * 1024 });
  const gameServer = new Server({
    transport,
    presence: options.presence,
    greet: false,
    gracefullyShutdown: false,
    logger: logger.child({ component: 'colyseus' }),
  });
  gameServer.define(RoomName.Table, tableRoomWith({ config, games, tokens, logger, bots, observer: options.observer })).enableRealtimeListing();
  gameServer.define(RoomName.Lobby, LobbyRoom);

  try {
    await gameServer.listen(options.port ?? config.port, config.host === '' ? undefined : config.host);
  } catch (error) {
    await bots.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  logger.info(
    { port, games: games.map((game) => game.id), production: config.production, botWorkers: bots.tally().threads },
    'deckhand server listening',
  );

  let stopping: Promise<void> | null = null;
  return {
    port,
    config,
    tokens,
    bots,
    shutdown() {
      stopping ??= (async () => {
        logger.info('shutting down');
        await gameServer.gracefullyShutdown(false);
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        });
        await bots.close();
      })();
      return stopping;
    },
  };
}
