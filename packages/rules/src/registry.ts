import type { AnyGame } from './game';

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
