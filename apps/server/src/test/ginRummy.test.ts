import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGame, Rng, ginRummyHeuristicBot } from '@deckhand/rules';
import type { GinRummyMove, GinRummyView, MoveBase } from '@deckhand/rules';
import { gameViewOf } from '@deckhand/protocol';
import { bootServer, playToEnd, seatedTable, waitFor } from './harness';
import type { Player, TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25760);
});
afterAll(async () => {
  await server.shutdown();
});

/** A person who plays like the casual bot, from what their own client shows them. */
function casualPlayer(player: Player): (moves: MoveBase[]) => MoveBase {
  const rng = Rng.fromSeed(`casual/${player.identity.name}`);
  return (moves) => ginRummyHeuristicBot.choose(gameViewOf(player.snapshot()) as GinRummyView, moves as GinRummyMove[], rng);
}

describe('Gin Rummy through real clients (no game code on the server)', () => {
  it('a person and a normal bot play a whole game; the person sees the bot\'s pile pickups, never its hidden cards', async () => {
    const [host] = (await seatedTable(server, 'gin-rummy', 1, { gameOptions: { target: 50 } })) as [Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => host.snapshot().phase === 'playing' && host.snapshot().mine !== null);
    expect(host.snapshot().seats.map((seat) => seat.kind)).toEqual(['human', 'bot']);
    expect((host.snapshot().mine!['hand'] as number[]).length).toBe(10);

    const game = findGame('gin-rummy')!;
    let sawBotPickup = false;
    let sawShowdown = false;
    const leaks: string[] = [];
    host.onPatch((player) => {
      const snapshot = player.snapshot();
      if (snapshot.phase !== 'playing' && snapshot.phase !== 'gameOver') return;
      const view = gameViewOf(snapshot) as GinRummyView;
      const board = view.public;
      if (board.takenBy.includes(1)) sawBotPickup = true;
      if (board.phase === 'handOver' && board.knocker >= 0 && board.result !== 'dead') sawShowdown = true;
      // Every card this client can decode is its own, on the pile, taken in the open, or in a hand laid down.
      const shown = new Set([
        ...(view.private?.hand ?? []), ...board.discard, ...board.taken, ...board.knockerMelds, ...board.knockerDeadwood,
        ...board.layoffs, ...board.defenderMelds, ...board.defenderDeadwood, board.upcard,
      ]);
      const inView = game.audit.cardsInView(view) as number[];
      if (inView.some((card) => !shown.has(card))) leaks.push(`move ${snapshot.moveNumber}`);
      if (board.phase === 'draw' || board.phase === 'discard') {
        // While the hand is played, the bot's hand is a count: nothing of it is laid out.
        expect(board.knockerMelds.length + board.knockerDeadwood.length + board.defenderMelds.length + board.defenderDeadwood.length).toBe(0);
        expect(board.handCounts[1]).toBeGreaterThanOrEqual(10);
      }
    });
    await playToEnd([host], casualPlayer(host), 120_000);
    const snapshot = host.snapshot();
    expect(leaks).toEqual([]);
    expect(snapshot.outcome?.ranking).toHaveLength(2);
    expect(Math.max(...(snapshot.board['points'] as number[]))).toBeGreaterThanOrEqual(50);
    expect(sawShowdown || sawBotPickup).toBe(true);

    // The record replays to the same result: the server ran only the rules package.
    host.send({ type: 'getRecord' });
    await waitFor('the record', () => host.records.length === 1);
    const record = host.records[0]!;
    let state = game.setup({ seed: record.seed, seats: record.seats, options: record.options });
    for (const { seat, move } of record.moves) {
      const result = game.apply(state, seat, move);
      expect(result.ok).toBe(true);
      if (result.ok) state = result.state;
    }
    expect(game.outcome(state)?.scores).toEqual(snapshot.outcome?.scores);
    expect(record.moves.some(({ move }) => move.type === 'knock' || move.type === 'gin' || move.type === 'bigGin')).toBe(true);
  });

  it('refuses a knock that is not legal with the rules\' own code, and nothing is lost', async () => {
    const [host] = (await seatedTable(server, 'gin-rummy', 1)) as [Player];
    host.send({ type: 'start' });
    await waitFor('my turn', () => host.snapshot().active.includes(host.snapshot().mySeat ?? -1) && host.snapshot().mine !== null);
    const snapshot = host.snapshot();
    const hand = snapshot.mine!['hand'] as number[];
    const error = await host.sendAndWaitError({ type: 'move', move: { type: 'knock', card: hand[0] } });
    expect(error.code).toBe('WRONG_PHASE');
    expect(host.snapshot().mine!['hand']).toEqual(hand);
    expect(host.snapshot().moveNumber).toBe(snapshot.moveNumber);
  });
});
