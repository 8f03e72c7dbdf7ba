/** Finished games' links: kept apart from the fetching and its schemas, which only the lazy chunks need. */

/** What a person reads for a game link that leads nowhere: malformed, mistyped or past the server's history. */
export const NO_GAME_TEXT = 'There is no finished game at this link: it may be mistyped, or the game is older than this server keeps.';

/** The path of a finished game's replay. */
export const gamePath = (id: string): string => `/g/${id}`;

/** The shareable address of a finished game on this site. */
export function gameLink(id: string, origin = location.origin): string {
  return `${origin}${gamePath(id)}`;
}
