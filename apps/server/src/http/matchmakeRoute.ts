/**
 * Colyseus matchmaking (`POST /matchmake/:method/:room`, what colyseus.js
 * calls) behind the server's own door. Colyseus' built-in handler reads any
 * body whole and creates a table before anyone's token is checked; here, in
 * order: the body limit, the address's attempt budget, the guest token (from
 * the options or colyseus.js' `Authorization: Bearer`), the identity's
 * budget, the creator's open-table quota, and only then the matchmaker.
 *
 * Answers keep Colyseus' shape (200 with `{code, error}` for a refused join,
 * the seat reservation otherwise) so colyseus.js reads them as before; limits
 * answer with their HTTP status (413, 429, 503).
 */
import { ErrorCode as ColyseusErrorCode, ServerError, getBearerToken, matchMaker } from '@colyseus/core';
import express from 'express';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode, JoinErrorCode, RoomName } from '@deckhand/protocol';
import type { GuestIdentity, GuestTokens } from '../guestTokens';
import { bodyErrors, jsonBody, refusal } from './bodies';
import { limitKeys } from './joinLimits';
import type { JoinLimits } from './joinLimits';
import type { TableQuota } from './TableQuota';

export interface MatchmakeDeps {
  readonly tokens: GuestTokens;
  readonly limits: JoinLimits;
  readonly quota: TableQuota;
  readonly logger: Logger;
}

/** What each room type may be asked; everything else is refused before the matchmaker. */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  [RoomName.Table]: ['create', 'joinById', 'reconnect'],
  [RoomName.Lobby]: ['joinOrCreate', 'join'],
};

/** Colyseus' room ids and room names: `[a-zA-Z0-9_-]`. */
const ROOM_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/** One answer for a code that opens nothing you may join: unknown, closed or locked alike. */
export const NO_SUCH_TABLE = { code: JoinErrorCode.NoSuchTable, error: 'There is no open table with that code (it may have closed).' };

function refuseJoin(res: Response, code: number, error: string): void {
  res.json({ code, error });
}

function tooMany(res: Response, seconds: number, message: string): void {
  res.set('Retry-After', String(seconds));
  refusal(res, 429, ErrorCode.RateLimited, message);
}

function tokenOf(req: Request): unknown {
  const body: unknown = req.body;
  const inOptions = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
  return inOptions ?? getBearerToken(req.headers.authorization ?? '');
}

/**
 * Colyseus' `SeatReservationError`, which its controller rewraps as an unhandled `ServerError` keeping
 * only the message: the room's process did not answer (it died), or the room refused the seat.
 */
function isSeatRefusal(error: unknown): boolean {
  return error instanceof Error && /^process \S+ is not available\.$|^\S+ is already full\.$/.test(error.message);
}

function errorCodeOf(error: unknown): number {
  return error instanceof ServerError || (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number')
    ? (error as { code: number }).code
    : ColyseusErrorCode.MATCHMAKE_UNHANDLED;
}

export function matchmakeRouter(deps: MatchmakeDeps): express.Router {
  const { tokens, limits, quota, logger } = deps;
  const router = express.Router();

  router.use((req, res, next) => {
    res.set({ ...matchMaker.controller.DEFAULT_CORS_HEADERS, ...matchMaker.controller.getCorsHeaders(req) });
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });

  const answer = async (req: Request, res: Response): Promise<void> => {
    const method = req.params['method'] ?? '';
    const room = req.params['room'] ?? '';
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) {
      refusal(res, 503, 'SHUTTING_DOWN', 'The server is restarting. Try again in a moment.');
      return;
    }
    const wait = await limits.attempt(limitKeys(address));
    if (wait !== null) {
      tooMany(res, wait, `Too many attempts to join or open a table: wait ${wait} s.`);
      return;
    }

    const options: unknown = req.body;
    const clientOptions = typeof options === 'object' && options !== null && !Array.isArray(options) ? options : {};
    const context = { token: getBearerToken(req.headers.authorization ?? ''), headers: req.headers, ip: address, req };
    // joinById and reconnect name a table by its code; create, join and joinOrCreate name a room type.
    const byCode = method === 'joinById' || method === 'reconnect';
    const kind = byCode ? RoomName.Table : room;
    if (!(METHODS[kind] ?? []).includes(method)) {
      refuseJoin(res, JoinErrorCode.BadRequest, `"${method}/${room}" is not a way to join or open a table.`);
      return;
    }
    if (byCode && !ROOM_SEGMENT.test(room)) {
      refuseJoin(res, NO_SUCH_TABLE.code, NO_SUCH_TABLE.error);
      return;
    }
    const table = kind === RoomName.Table;

    // A reconnection token is its own credential; every other table request needs a guest pass first.
    let identity: GuestIdentity | null = null;
    if (table && method !== 'reconnect') {
      identity = await tokens.verify(tokenOf(req));
      if (!identity) {
        refuseJoin(res, JoinErrorCode.BadToken, 'Your guest pass is missing or expired: choose a name again.');
        return;
      }
      const keys = limitKeys(address, identity.playerId);
      const identityWait = await limits.attempt(keys.slice(1));
      if (identityWait !== null) {
        tooMany(res, identityWait, `Too many attempts to join or open a table: wait ${identityWait} s.`);
        return;
      }
      if (method === 'joinById') {
        const blocked = await limits.guessingBlocked(keys);
        if (blocked !== null) {
          tooMany(res, blocked, `Too many wrong table codes: wait ${Math.ceil(blocked / 60)} min.`);
          return;
        }
      }
    }

    let claim = null;
    if (method === 'create' && identity) {
      const claimed = await quota.claim(identity.playerId, address);
      if (!claimed.ok) {
        refuseJoin(res, JoinErrorCode.TooManyTables, claimed.message);
        return;
      }
      claim = claimed.claim;
    }

    try {
      const reservation = (await matchMaker.controller.invokeMethod(method, room, clientOptions, context)) as { room: { roomId: string } };
      if (claim) await quota.opened(reservation.room.roomId, claim);
      res.json(reservation);
    } catch (error) {
      if (claim) await quota.release(claim);
      const code = errorCodeOf(error);
      const missed = code === ColyseusErrorCode.MATCHMAKE_INVALID_ROOM_ID || code === ColyseusErrorCode.MATCHMAKE_EXPIRED;
      // The table's process just died (another takes the table over in a moment) or the room refused the seat:
      // the same answer as a closed table, which clients retry; the code exists, so it is no wrong guess.
      if (table && isSeatRefusal(error)) {
        refuseJoin(res, NO_SUCH_TABLE.code, NO_SUCH_TABLE.error);
        return;
      }
      if (table && missed) {
        // Unknown, closed, locked or a stale reconnection: the same words, so a code's existence does not leak.
        if (identity && method === 'joinById') await limits.wrongCode(limitKeys(address, identity.playerId));
        refuseJoin(res, NO_SUCH_TABLE.code, NO_SUCH_TABLE.error);
        return;
      }
      if (code === ColyseusErrorCode.MATCHMAKE_UNHANDLED) logger.warn({ err: error, method, room }, 'matchmaking failed');
      refuseJoin(res, code, error instanceof Error ? error.message : 'Could not join the table.');
    }
  };

  router.post('/:method/:room', jsonBody(), (req, res) => {
    // Express 4 does not catch a rejected handler: a bug here must answer, not end the process.
    answer(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'matchmaking route failed');
      if (!res.headersSent) refusal(res, 500, 'INTERNAL', 'The server could not handle that request.');
    });
  });
  router.use(bodyErrors());
  return router;
}
