/**
 * Finished games over HTTP. A player lists their own recent games with their
 * guest token (`Authorization: Bearer`, as colyseus.js sends it); anyone with
 * a game's link reads that one game whole. A finished game has no secret left:
 * its seed is revealed at game over and every hand may be shown. What is not
 * shown is anything that would reach a live table: no player ids (public, but
 * a key to nobody's business) and no table code (a private table may still be
 * open under it).
 */
import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, HistoryErrorCode, RECENT_GAMES_LIMIT, parseFinishedGameId } from '@deckhand/protocol';
import type { FinishedGame as FinishedGameJson, HistoryPlayer, RecentGame } from '@deckhand/protocol';
import type { GuestTokens } from '../guestTokens';
import type { FinishedGame, GamePlayer, GameSummary, TableStore } from '../store/TableStore';
import { refusal } from './bodies';

/** History reads per minute per address: a page shows one list and one game at a time, so this is generous. */
export const HISTORY_READS_PER_MINUTE = 120;

const BAD_ID = 'That is not a game link: a finished game\'s id is a UUID.';

export interface HistoryDeps {
  readonly tokens: GuestTokens;
  readonly store: Pick<TableStore, 'gamesOf' | 'game'>;
  readonly logger: Logger;
}

function publicPlayer(player: GamePlayer): HistoryPlayer {
  return { seat: player.seat, name: player.name, kind: player.kind };
}

function recentGame(game: GameSummary, playerId: string): RecentGame {
  return {
    id: game.id, gameId: game.gameId, players: game.players.map(publicPlayer), scores: [...game.scores],
    seat: game.players.find((player) => player.playerId === playerId)?.seat ?? 0,
    startedAt: game.startedAt, finishedAt: game.finishedAt,
  };
}

function finishedGame(game: FinishedGame): FinishedGameJson {
  return {
    id: game.id, gameId: game.gameId, seed: game.seed, seedHash: game.seedHash,
    options: game.options as FinishedGameJson['options'], players: game.players.map(publicPlayer),
    moves: game.moves as FinishedGameJson['moves'], scores: [...game.scores], startedAt: game.startedAt, finishedAt: game.finishedAt,
  };
}

/** The guest token from `Authorization: Bearer <token>`, or undefined. */
function bearerToken(req: Request): string | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

export function historyRouter(deps: HistoryDeps): Router {
  const reads = new RateLimiterMemory({ keyPrefix: 'history-reads', points: HISTORY_READS_PER_MINUTE, duration: 60 });
  const router = Router();

  /** Spends one read of the asking address; false (and the 429 sent) past the budget. */
  const allowed = async (req: Request, res: Response): Promise<boolean> => {
    try {
      await reads.consume(`address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const wait = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      res.set('Retry-After', String(wait));
      refusal(res, 429, ErrorCode.RateLimited, `Too many requests: wait ${wait} s.`);
      return false;
    }
  };

  const answer = (what: string, handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    handler(req, res).catch((error: unknown) => {
      deps.logger.error({ err: error }, `could not read ${what}`);
      refusal(res, 500, 'INTERNAL', `Could not read ${what}; try again.`);
    });
  };

  router.get('/history', answer('the recent games', async (req, res) => {
    if (!(await allowed(req, res))) return;
    const guest = await deps.tokens.verify(bearerToken(req));
    if (!guest) {
      res.set('WWW-Authenticate', 'Bearer realm="deckhand"');
      refusal(res, 401, ErrorCode.BadToken, 'Send your guest pass as "Authorization: Bearer <token>" (it is missing, forged or expired).');
      return;
    }
    const games = await deps.store.gamesOf(guest.playerId, RECENT_GAMES_LIMIT);
    res.set('Cache-Control', 'no-store').json({ games: games.map((game) => recentGame(game, guest.playerId)) });
  }));

  router.get('/games/:id', answer('the game', async (req, res) => {
    if (!(await allowed(req, res))) return;
    const id = parseFinishedGameId(req.params['id'] ?? '');
    if (id === null) {
      refusal(res, 400, HistoryErrorCode.BadGameId, BAD_ID);
      return;
    }
    const game = await deps.store.game(id);
    if (!game) {
      refusal(res, 404, HistoryErrorCode.NoSuchFinishedGame, 'There is no finished game with that id: the link may be mistyped, or the game is past the server\'s history.');
      return;
    }
    // A finished game never changes: a browser may keep it.
    res.set('Cache-Control', 'public, max-age=3600, immutable').json(finishedGame(game));
  }));

  // Express could not decode the id (`/api/games/%E0`): a bad link like any other, in words rather than HTML.
  router.use('/games', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof URIError) refusal(res, 400, HistoryErrorCode.BadGameId, BAD_ID);
    else next(error);
  });

  return router;
}
