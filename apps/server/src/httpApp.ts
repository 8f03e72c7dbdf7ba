/**
 * The HTTP side: guest tokens, health, the Colyseus monitor and, in
 * production, the web build on the same port.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { monitor } from '@colyseus/monitor';
import * as v from 'valibot';
import type { Logger } from 'pino';
import { ErrorCode, GuestRequestSchema, parseName, parseTableCode } from '@deckhand/protocol';
import type { BotTally } from './BotPool';
import type { ServerConfig } from './config';
import type { GuestTokens } from './guestTokens';

export interface HttpDeps {
  readonly config: ServerConfig;
  readonly tokens: GuestTokens;
  readonly logger: Logger;
  readonly startedAt: number;
  /** Rooms open in this process, for /health. */
  readonly roomCount: () => number;
  /** The hard bots' pool: threads, searches answered and failed, for /health. */
  readonly botTally: () => BotTally;
  /** Whether a table with this join code is open (in any process sharing the presence). */
  readonly tableOpen: (code: string) => Promise<boolean>;
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

  // The dev web server runs on another port; tokens travel in the body, never in cookies, so any origin may ask.
  app.use('/api', (req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Access-Control-Allow-Headers', 'Content-Type');
    res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use('/api', express.json({ limit: '2kb' }));

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
    tokens.issue(name.value).then(
      (guest) => res.json(guest),
      (error: unknown) => {
        logger.error({ err: error }, 'could not issue a guest token');
        res.status(500).json({ code: 'INTERNAL', message: 'Could not create a guest pass.' });
      },
    );
  });

  // An invite link is checked before its visitor is asked for a name: a bad or closed link says so first.
  app.get('/api/tables/:code', (req, res) => {
    const code = parseTableCode(req.params.code ?? '');
    if (code === null) {
      res.status(404).json({ code: ErrorCode.NoSuchTable, message: 'That is not a table code.' });
      return;
    }
    deps.tableOpen(code).then(
      (open) => {
        if (open) res.json({ code, open: true });
        else res.status(404).json({ code: ErrorCode.NoSuchTable, message: 'There is no open table with that code.' });
      },
      (error: unknown) => {
        logger.error({ err: error }, 'could not look a table up');
        res.status(500).json({ code: 'INTERNAL', message: 'Could not look the table up.' });
      },
    );
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

  // Bad JSON and oversized bodies get a readable answer rather than an HTML stack trace.
  app.use('/api', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) {
      next();
      return;
    }
    res.status(400).json({ code: ErrorCode.BadMessage, message: 'The request body is not valid JSON (or is too large).' });
  });

  if (config.production && existsSync(config.webDist)) {
    app.use(express.static(config.webDist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes such as /t/CODE load the app shell.
    app.get(/^\/(?!api\/|matchmake\/|monitor|health).*/, (_req, res) => {
      res.sendFile(join(config.webDist, 'index.html'));
    });
    logger.info({ webDist: config.webDist }, 'serving the web build');
  } else if (config.production) {
    logger.warn({ webDist: config.webDist }, 'no web build to serve at /: run `npm run build` first (or set WEB_DIST)');
  }
  return app;
}
