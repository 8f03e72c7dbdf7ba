/**
 * The baseline must be what the issue describes: after each accepted move,
 * every client receives the whole JSON of its own view, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGame, playGame, randomBot } from '@deckhand/rules';
import type { AnyGame, GameRecord } from '@deckhand/rules';
import { startBaselineServer } from '../baseline/baselineServer';
import type { BaselineServer } from '../baseline/baselineServer';
import { replayOnBaseline } from '../baseline/baselineTable';
import { shortGameOptions } from '../parts/wireBytes';
import { frameHeaderBytes } from '../wire';

let server: BaselineServer;

beforeAll(async () => {
  server = await startBaselineServer();
});

afterAll(async () => {
  await server.close();
});

function recordedGame(game: AnyGame, seed: string): { record: GameRecord; states: unknown[] } {
  const bots = [randomBot(), randomBot(), randomBot(), randomBot()];
  const options = shortGameOptions(game);
  const played = playGame(game, { seed, bots, record: true, options });
  const record: GameRecord = { game: game.id, seed, options, seats: 4, moves: played.moves };
  // Rebuild every intermediate state to know what the baseline should have sent.
  const parsed = game.parseOptions(record.options, 4);
  if (!parsed.ok) throw new Error(parsed.error.message);
  let state: unknown = game.setup({ seed, seats: 4, options: parsed.value });
  const states: unknown[] = [];
  for (const { seat, move } of record.moves) {
    const result = game.apply(state, seat, move);
    if (!result.ok) throw new Error(result.error.code);
    state = result.state;
    states.push(state);
  }
  return { record, states };
}

describe('baseline server', () => {
  it('[bench-baseline] each client receives exactly its own whole view as JSON after every move', async () => {
    const game = findGame('hearts')!;
    const { record, states } = recordedGame(game, 'baseline-test-1');
    const run = await replayOnBaseline(`ws://127.0.0.1:${server.port}`, 'test-1', record);
    expect(run.moves).toBe(record.moves.length);
    for (let seat = 0; seat < 4; seat++) {
      const expected = states.reduce<number>((sum, state) => {
        const bytes = Buffer.byteLength(JSON.stringify({ type: 'view', view: game.view(state, seat) }));
        return sum + bytes + frameHeaderBytes(bytes);
      }, 0);
      expect(run.clients[seat]!.moves).toMatchObject({ messages: record.moves.length, wireBytes: expected });
    }
  });

  it('[bench-baseline] a move out of turn is refused, so a replay of the wrong game fails loudly', async () => {
    const game = findGame('crazy-eights')!;
    const { record } = recordedGame(game, 'baseline-test-2');
    const first = record.moves[0]!;
    const wrongSeat: GameRecord = { ...record, moves: [{ seat: (first.seat + 1) % 4, move: first.move }] };
    await expect(replayOnBaseline(`ws://127.0.0.1:${server.port}`, 'test-2', wrongSeat)).rejects.toThrow(/baseline refused: NOT_YOUR_TURN/);
  });

  it('[bench-baseline] a table is forgotten once its last client leaves', async () => {
    const game = findGame('crazy-eights')!;
    const { record } = recordedGame(game, 'baseline-test-3');
    await replayOnBaseline(`ws://127.0.0.1:${server.port}`, 'test-3', { ...record, moves: record.moves.slice(0, 5) });
    for (let attempt = 0; attempt < 50 && server.tableCount() > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.tableCount()).toBe(0);
  });
});
