/**
 * The HTTP side: guest tokens, health, the Colyseus monitor and, in
 * production, the web build on the same port.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { monitor } from '@colyseus/monitor';
import { getBearerToken } from '@colyseus/core';
import * as v from 'valibot';
import type { Logger } from 'pino';
import { ErrorCode, GuestRequestSchema, parseName, parseTableCode } from '@deckhand/protocol';
import type { BotTally } from './BotPool';
import type { ServerConfig } from './config';
import type { GuestTokens } from './guestTokens';
import { bodyErrors, jsonBody, refusal, refuseLargeBodies } from './http/bodies';
import { historyRouter } from './http/historyRoute';
import type { HistoryDeps } from './http/historyRoute';
import { limitKeys } from './http/joinLimits';
import { matchmakeRouter } from './http/matchmakeRoute';
import type { MatchmakeDeps } from './http/matchmakeRoute';
import { webBuild } from './http/webBuild';

export interface HttpDeps {
  readonly config: ServerConfig;
  readonly tokens: GuestTokens;
  readonly logger: Logger;
  readonly startedAt: number;
  /** Rooms open in this process, for /health. */
  readonly roomCount: () => number;
  /** The hard bots' pool: threads, searches answered and failed, for /health. */
  readonly botTally: () => BotTally;
  /** Token check, limits and quota in front of Colyseus matchmaking. */
  readonly matchmake: MatchmakeDeps;
  /** Whether a table with this join code is open (in any process sharing the presence). */
  readonly tableOpen: (code: string) => Promise<boolean>;
  /** Where finished games are read from (a player's recent games, one game by its link). */
  readonly history: HistoryDeps['store'];
}

/** This machine's IPv4 addresses on its networks (not loopback), private ranges first. */
export function lanAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
  const isPrivate = (address: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
  return [...addresses.filter(isPrivate), ...addresses.filter((address) => !isPrivate(address))];
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function basicAuth(user: string, password: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const [scheme, encoded] = header.split(' ');
    if (scheme === 'Basic' && encoded) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0 && sameText(decoded.slice(0, colon), user) && sameText(decoded.slice(colon + 1), password)) {
        next();
        return;
      }
    }
    res.set('WWW-Authenticate', 'Basic realm="deckhand monitor"').status(401).send('Authentication required.');
  };
}

export function httpApp(deps: HttpDeps): express.Express {
  const { config, tokens, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Addresses for the join limits: X-Forwarded-For only from the proxies TRUST_PROXY names.
  app.set('trust proxy', config.trustProxy);
  app.use(refuseLargeBodies());
  app.use('/matchmake', matchmakeRouter(deps.matchmake));

  // The dev web server runs on another port; tokens travel in the body or the Authorization header, never in cookies,
  // so any origin may ask.
  app.use('/api', (req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use('/api', jsonBody());
  app.use('/api', bodyErrors());
  app.use('/api', historyRouter({ tokens, store: deps.history, logger }));

  app.post('/api/guest', (req, res) => {
    const body = v.safeParse(GuestRequestSchema, req.body);
    if (!body.success) {
      res.status(400).json({ code: ErrorCode.BadName, message: 'Send {"name": "..."} as JSON.' });
      return;
    }
    const name = parseName(body.output.name);
    if (!name.ok) {
      res.status(400).json(name.error);
      return;
    }
    // A player renaming sends their current pass: the new one keeps their player id, and with it their
    // seats and their games. Without a valid pass (none, expired, forged) the name gets a new player.
    tokens.verify(getBearerToken(req.headers.authorization ?? '')).then((current) => tokens.issue(name.value, current?.playerId)).then(
      (guest) => res.json(guest),
      (error: unknown) => {
        logger.error({ err: error }, 'could not issue a guest token');
        res.status(500).json({ code: 'INTERNAL', message: 'Could not create a guest pass.' });
      },
    );
  });

  // An invite link is checked before its visitor is asked for a name: a bad or closed link says so first.
  // The lookup is a join attempt like any other (issue 11.4): it spends the address's join and wrong-code
  // budgets, so it is no faster way to guess private codes than joining.
  app.get('/api/tables/:code', (req, res) => {
    const { limits } = deps.matchmake;
    const keys = limitKeys(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const lookUp = async (): Promise<void> => {
      const wait = (await limits.attempt(keys)) ?? (await limits.guessingBlocked(keys));
      if (wait !== null) {
        res.set('Retry-After', String(wait)).status(429).json({ code: ErrorCode.RateLimited, message: `Too many tries: wait ${wait} s.` });
        return;
      }
      const code = parseTableCode(req.params.code ?? '');
      if (code !== null && (await deps.tableOpen(code))) {
        res.json({ code, open: true });
        return;
      }
      await limits.wrongCode(keys);
      res.status(404).json({ code: ErrorCode.NoSuchTable, message: 'There is no open table with that code.' });
    };
    lookUp().catch((error: unknown) => {
      logger.error({ err: error }, 'could not look a table up');
      res.status(500).json({ code: 'INTERNAL', message: 'Could not look the table up.' });
    });
  });

  app.get('/health', (_req, res) => {
    res.json({
      ok: true, uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000), rooms: deps.roomCount(), bots: deps.botTally(),
    });
  });

  if (!config.production) {
    // Development only: the page opened on localhost builds an invite link a friend on the LAN can open.
    // Never in production, where it would tell the internet the machine's private addresses.
    app.get('/api/net', (_req, res) => {
      res.json({ lanAddresses: config.lanAddress !== '' ? [config.lanAddress] : lanAddresses() });
    });
    app.use('/monitor', monitor());
  } else if (config.monitorUser !== '') {
    app.use('/monitor', basicAuth(config.monitorUser, config.monitorPassword), monitor());
  }

  if (config.production && existsSync(config.webDist)) {
    app.use(webBuild(config.webDist));
    logger.info({ webDist: config.webDist }, 'serving the web build');
  } else if (config.production) {
    logger.warn({ webDist: config.webDist }, 'no web build to serve at /: run `npm run build` first (or set WEB_DIST)');
  }
  // Anything else (an unknown API path, the monitor when it is off) is the same plain 404.
  app.use((_req, res) => refusal(res, 404, 'NOT_FOUND', 'There is nothing here.'));
  return app;
}
