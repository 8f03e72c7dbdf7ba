/**
 * Finished games over HTTP: a player's recent games (`GET /api/history`, with
 * their guest token) and one game with everything needed to replay and check
 * it (`GET /api/games/:id`, for anyone holding the link). The server writes
 * these shapes; the web app reads them back through the schemas in
 * `historySchemas.ts` (a module of its own, so a page that only reads links
 * does not bundle them), and refuses a broken or foreign answer in words.
 */

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
