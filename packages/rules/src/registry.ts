import type { AnyGame, Bot, MoveBase } from './game';
import { ISMCTS_BOT_ID, createIsmctsBot } from './bots/ismcts';
import { crazyEights } from './games/crazy-eights/crazyEights';
import { ginRummy } from './games/gin-rummy/ginRummy';
import { hearts } from './games/hearts/hearts';
import { spades } from './games/spades/spades';

/**
 * Every playable game. Adding a game is its folder under `games/` plus one
 * line here.
 */
export const GAMES: readonly AnyGame[] = [hearts, crazyEights, spades, ginRummy];

export function findGame(id: string): AnyGame | undefined {
  return GAMES.find((game) => game.id === id);
}

export function gameIds(): string[] {
  return GAMES.map((game) => game.id);
}

const searchBots = new WeakMap<AnyGame, Bot<unknown, MoveBase>>();

/** A bot by name for a game (`random`, `heuristic`, ...); `ismcts` searches any game that can determinize. */
export function findBot(game: AnyGame, id: string): Bot<unknown, MoveBase> | undefined {
  if (Object.hasOwn(game.bots, id)) return game.bots[id] as Bot<unknown, MoveBase>;
  if (id !== ISMCTS_BOT_ID || typeof game.determinize !== 'function') return undefined;
  let bot = searchBots.get(game);
  if (bot === undefined) {
    bot = createIsmctsBot(game) as Bot<unknown, MoveBase>;
    searchBots.set(game, bot);
  }
  return bot;
}

export function botIds(game: AnyGame): string[] {
  const ids = Object.keys(game.bots);
  return findBot(game, ISMCTS_BOT_ID) && !ids.includes(ISMCTS_BOT_ID) ? [...ids, ISMCTS_BOT_ID] : ids;
}
