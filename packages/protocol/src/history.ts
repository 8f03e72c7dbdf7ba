/**
 * Finished games over HTTP: a player's recent games (`GET /api/history`, with
 * their guest token) and one game with everything needed to replay and check
 * it (`GET /api/games/:id`, for anyone holding the link). The server writes
 * these shapes; the web app reads them back through the schemas below, so a
 * broken or foreign answer is refused in words rather than drawn wrong.
 */
import * as v from 'valibot';

/** How many finished games `GET /api/history` lists, newest first. */
export const RECENT_GAMES_LIMIT = 20;

/** Error codes of the history routes (beside the protocol's `BAD_TOKEN` and `RATE_LIMITED`). */
export const HistoryErrorCode = {
  /** The id in a game link is not an id the server ever hands out. */
  BadGameId: 'BAD_GAME_ID',
  /** No finished game has this id (never existed, or past the server's retention). */
  NoSuchFinishedGame: 'NO_SUCH_FINISHED_GAME',
} as const;
export type HistoryErrorCode = (typeof HistoryErrorCode)[keyof typeof HistoryErrorCode];

/** Finished games are named by a random UUID (v4, lower case): 122 random bits, so a link cannot be guessed. */
const FINISHED_GAME_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The finished game id in a link, or null when it cannot be one (upper case from a retyped link is accepted). */
export function parseFinishedGameId(text: string): string | null {
  const id = text.trim().toLowerCase();
  return FINISHED_GAME_ID.test(id) ? id : null;
}

const Seat = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(15));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
const Score = v.pipe(v.number(), v.finite());

/** A player of a finished game as anyone may see them: no player id (only the list says which seat was yours). */
export const HistoryPlayerSchema = v.object({
  seat: Seat,
  name: v.string(),
  /** 'human', or the bot's level (easy, normal, hard). */
  kind: v.string(),
});
export type HistoryPlayer = v.InferOutput<typeof HistoryPlayerSchema>;

/** One line of a player's recent games. */
export const RecentGameSchema = v.object({
  id: v.string(),
  gameId: v.string(),
  players: v.array(HistoryPlayerSchema),
  scores: v.array(Score),
  /** The asking player's seat in that game. */
  seat: Seat,
  startedAt: Millis,
  finishedAt: Millis,
});
export type RecentGame = v.InferOutput<typeof RecentGameSchema>;

export const RecentGamesResponseSchema = v.object({ games: v.array(RecentGameSchema) });
export type RecentGamesResponse = v.InferOutput<typeof RecentGamesResponseSchema>;

/** A move as the table accepted it; the move itself is the game's own shape, checked by replaying it. */
export const RecordedMoveSchema = v.object({
  seat: Seat,
  move: v.looseObject({ type: v.string() }),
});

/** A finished game: the seed revealed, the seed's hash published at the deal, every move and the final scores. */
export const FinishedGameSchema = v.object({
  id: v.string(),
  gameId: v.string(),
  seed: v.string(),
  seedHash: v.string(),
  options: v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])),
  players: v.array(HistoryPlayerSchema),
  moves: v.array(RecordedMoveSchema),
  scores: v.array(Score),
  startedAt: Millis,
  finishedAt: Millis,
});
export type FinishedGame = v.InferOutput<typeof FinishedGameSchema>;
