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
  /** Time cap in ms; whichever budget runs out first stops the search. */
  readonly timeMs: number;
  /**
   * When the answer is due, on `clock()`. A search that starts late (it
   * waited in the queue) shortens its time cap to fit; one that starts too
   * late for any search refuses at once. Absent: no due time.
   */
  readonly answerBy?: number;
}

export interface SearchAnswer {
  readonly move: MoveBase;
  /** The thread that searched: 0 is the main thread (`BOT_WORKERS=0`). */
  readonly threadId: number;
  readonly thinkMs: number;
}

/** Milliseconds on one clock for every thread of the process (`performance.now()` counts from each thread's start). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** A search shorter than this is not worth starting: the table falls back to the normal bot. */
const MIN_SEARCH_MS = 5;
/** Of the time left before the answer is due, the part a late search may use; the rest is for the way back. */
const LATE_SHARE = 0.8;

/**
 * Runs the search on this thread. Throws when the answer is due already,
 * and on a game the registry does not know (a bug in the caller).
 */
export function searchMove(request: SearchRequest): SearchAnswer {
  const game: AnyGame | undefined = findGame(request.gameId);
  if (!game) throw new Error(`no game "${request.gameId}" to search`);
  const started = clock();
  const timeMs = request.answerBy === undefined ? request.timeMs : Math.min(request.timeMs, (request.answerBy - started) * LATE_SHARE);
  if (!(timeMs >= MIN_SEARCH_MS)) throw new Error('the answer is due already: the search was not started');
  // Cheap to make: the costly part, the game's score scale, is cached by the rules package.
  const bot = createIsmctsBot(game, { iterations: request.iterations, timeMs, now: clock }) as Bot<unknown, MoveBase>;
  const move = bot.choose(request.view, request.legalMoves, Rng.fromSeed(request.seed));
  return { move, threadId, thinkMs: clock() - started };
}
