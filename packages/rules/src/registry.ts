import type { AnyGame, Bot, MoveBase } from './game';

/**
 * Every playable game. Adding a game is its folder under `games/` plus one
 * line here.
 */
export const GAMES: readonly AnyGame[] = [];

export function findGame(id: string): AnyGame | undefined {
  return GAMES.find((game) => game.id === id);
}

export function gameIds(): string[] {
  return GAMES.map((game) => game.id);
}

/** A bot by name for a game (`random`, `heuristic`, ...). */
export function findBot(game: AnyGame, id: string): Bot<unknown, MoveBase> | undefined {
  return Object.hasOwn(game.bots, id) ? (game.bots[id] as Bot<unknown, MoveBase>) : undefined;
}

export function botIds(game: AnyGame): string[] {
  return Object.keys(game.bots);
}
