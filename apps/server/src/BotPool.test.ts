import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng, createIsmctsBot, findGame, randomBot } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import { BotPool } from './BotPool';
import { clock, searchMove } from './botSearch';
import type { SearchRequest } from './botSearch';

/** A Hearts trick decision with a real choice, reached by random play from a fixed deal. */
function heartsDecision(seed: string): SearchRequest {
  const game = findGame('hearts')!;
  const rng = Rng.fromSeed(seed);
  let state = game.setup({ seed, seats: 4, options: game.defaultOptions(4) });
  for (let step = 0; step < 200; step++) {
    const seat = game.activeSeats(state)[0]!;
    const legalMoves: MoveBase[] = game.legalMoves(state, seat);
    if (step > 10 && legalMoves.length > 1 && legalMoves[0]!.type === 'play') {
      return { gameId: 'hearts', view: game.view(state, seat), legalMoves, seed: `${seed}/search`, iterations: 150, timeMs: 60_000 };
    }
    const result = game.apply(state, seat, randomBot().choose(game.view(state, seat), legalMoves, rng));
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  throw new Error('no decision found');
}

describe('BotPool', () => {
  let pool: BotPool;
  beforeAll(() => {
    pool = new BotPool({ workers: 2, deadlineMs: 30_000 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('searches in worker threads and, with the iteration budget deciding, replays the same move from the same seed', async () => {
    const request = heartsDecision('pool-1');
    const [first, second] = await Promise.all([pool.search(request), pool.search(request)]);
    const inline = await new BotPool({ workers: 0, deadlineMs: 30_000 }).search(request);
    const direct = createIsmctsBot(findGame('hearts')!, { iterations: 150 }).choose(
      request.view as never,
      request.legalMoves as never,
      Rng.fromSeed(request.seed),
    );
    expect(first.threadId).not.toBe(0);
    expect(inline.threadId).toBe(0);
    expect(first.move).toEqual(direct);
    expect(second.move).toEqual(direct);
    expect(inline.move).toEqual(direct);
    expect(request.legalMoves).toContainEqual(first.move);
  });

  it('stops a search at its time cap, whatever its iteration budget', async () => {
    const request = { ...heartsDecision('pool-2'), iterations: 1_000_000, timeMs: 100 };
    const started = performance.now();
    const answer = await pool.search(request);
    expect(request.legalMoves).toContainEqual(answer.move);
    expect(answer.thinkMs).toBeLessThan(1_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('rejects a search with no answer by its deadline, so its table can play the normal move', async () => {
    const hurried = new BotPool({ workers: 1, deadlineMs: 1 });
    try {
      await expect(hurried.search(heartsDecision('pool-3'))).rejects.toThrow(/no answer within 1 ms/);
    } finally {
      await hurried.close();
    }
    expect(hurried.tally()).toEqual({ threads: 0, answered: 0, failed: 1 });
  });

  it('a search that starts late shortens its time cap to the time left; one that is due already does not start', () => {
    const request = { ...heartsDecision('pool-4'), iterations: 1_000_000, timeMs: 60_000 };
    const answer = searchMove({ ...request, answerBy: clock() + 250 });
    expect(request.legalMoves).toContainEqual(answer.move);
    expect(answer.thinkMs).toBeLessThan(250);
    expect(() => searchMove({ ...request, answerBy: clock() - 1 })).toThrow(/due already/);
  });
});
