/** The shapes of the history routes' answers (see `history.ts`), as valibot schemas the web app checks them with. */
import * as v from 'valibot';

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
