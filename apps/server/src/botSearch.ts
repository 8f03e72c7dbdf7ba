/**
 * One hard-bot decision as plain data, so it can cross to a worker thread:
 * the game id, the seat's view and legal moves (never the full state, so the
 * search cannot cheat), a seed and the budget. `searchMove` answers it the
 * same way in a worker (`botWorker.ts`) and inline (`BOT_WORKERS=0`).
 */
import { threadId } from 'node:worker_threads';
import { Rng, createIsmctsBot, findGame } from '@deckhand/rules';
import type { AnyGame, Bot, MoveBase } from '@deckhand/rules';

export interface SearchRequest {
  readonly gameId: string;
  readonly view: unknown;
  readonly legalMoves: readonly MoveBase[];
  /** Seeds the search: with the iteration budget alone deciding, the same request gives the same move. */
  readonly seed: string;
  readonly iterations: number;
  /** Time cap in ms, on the searching thread's own clock; whichever budget runs out first stops the search. */
  readonly timeMs: number;
}

export interface SearchAnswer {
  readonly move: MoveBase;
  /** The thread that searched: 0 is the main thread (`BOT_WORKERS=0`). */
  readonly threadId: number;
  readonly thinkMs: number;
}

const now = (): number => performance.now();
const bots = new Map<string, Bot<unknown, MoveBase>>();

function botFor(game: AnyGame, iterations: number, timeMs: number): Bot<unknown, MoveBase> {
  const key = `${game.id}/${iterations}/${timeMs}`;
  let bot = bots.get(key);
  if (bot === undefined) {
    bot = createIsmctsBot(game, { iterations, timeMs, now }) as Bot<unknown, MoveBase>;
    bots.set(key, bot);
  }
  return bot;
}

/** Runs the search on this thread. Throws on a game the registry does not know (a bug in the caller). */
export function searchMove(request: SearchRequest): SearchAnswer {
  const game = findGame(request.gameId);
  if (!game) throw new Error(`no game "${request.gameId}" to search`);
  const started = now();
  const move = botFor(game, request.iterations, request.timeMs).choose(request.view, request.legalMoves, Rng.fromSeed(request.seed));
  return { move, threadId, thinkMs: now() - started };
}
