import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@deckhand/protocol';
import { findGame, Rng } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import { Player, bootServer, playToEnd, replayedScores, seatedTable, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25672);
});
afterAll(async () => {
  await server.shutdown();
});

/** A person choosing among their legal moves, reproducibly; like most people, they play a card when they can. */
function seededPick(seed: string): (moves: MoveBase[]) => MoveBase {
  const rng = Rng.fromSeed(seed);
  return (moves) => {
    const plays = moves.filter((move) => move.type === 'play');
    return rng.pick(plays.length > 0 ? plays : moves);
  };
}

/** Anyone can check the game from the revealed seed and the published moves. */
function replayMatches(player: Player): void {
  const snapshot = player.snapshot();
  const record = player.records.at(-1)!;
  expect(createHash('sha256').update(snapshot.seed).digest('hex')).toBe(snapshot.seedHash);
  expect(record.seed).toBe(snapshot.seed);
  expect(replayedScores(record)).toEqual(snapshot.outcome?.scores);
}

describe('full games', () => {
  it('Hearts: two humans and two bots play to the end; the seed is revealed and the deal checks out', async () => {
    const players = await seatedTable(server, 'hearts', 2, { gameOptions: { target: 50 } });
    const [host, other] = players as [Player, Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => host.snapshot().phase === 'playing' && host.snapshot().mine !== null);
    const firstHand = host.snapshot().mine!['hand'];
    expect(host.snapshot().seed).toBe('');
    expect(host.snapshot().seedHash).toMatch(/^[0-9a-f]{64}$/);

    await playToEnd(players, seededPick('hearts-1'));
    host.send({ type: 'getRecord' });
    await waitFor('the record', () => host.records.length === 1);
    expect(other.records).toEqual([]);
    const snapshot = host.snapshot();
    expect(snapshot.outcome?.ranking).toHaveLength(4);
    expect(Math.max(...snapshot.outcome!.scores)).toBeGreaterThanOrEqual(50);
    replayMatches(host);
    // The hand dealt to seat 0 is the one the revealed seed deals.
    const game = findGame('hearts')!;
    const dealt = game.view(game.setup({ seed: snapshot.seed, seats: 4, options: snapshot.options }), 0).private;
    expect(dealt?.['hand']).toEqual(firstHand);
  });

  it('Crazy Eights: three humans and an easy bot play to the end', async () => {
    const players = await seatedTable(server, 'crazy-eights', 3, { seats: 4, botLevel: 'easy', gameOptions: { target: 100 } });
    players[0]!.send({ type: 'start' });
    await waitFor('the deal', () => players.every((player) => player.snapshot().mine !== null));
    expect(players[0]!.snapshot().seats.map((seat) => seat.kind)).toEqual(['human', 'human', 'human', 'bot']);
    await playToEnd(players, seededPick('c8-1'));
    players[2]!.send({ type: 'getRecord' });
    await waitFor('the record', () => players[2]!.records.length === 1);
    replayMatches(players[2]!);
  });

  it('Crazy Eights: empty seats are dropped at the start, so one human and one bot play heads-up', async () => {
    const players = await seatedTable(server, 'crazy-eights', 1, { seats: 5, gameOptions: { target: 100, drawRule: 'drawOne' } });
    const host = players[0]!;
    // seatedTable filled every seat with bots: free three of them again.
    for (const seat of [1, 2, 4]) host.send({ type: 'removeBot', seat });
    await waitFor('two seats taken', () => host.snapshot().seats.filter((seat) => seat.kind !== 'empty').length === 2);
    host.send({ type: 'start' });
    await waitFor('the deal', () => host.snapshot().phase === 'playing');
    expect(host.snapshot().seats.map((seat) => seat.kind)).toEqual(['human', 'bot']);
    expect(host.snapshot().board['handCounts']).toHaveLength(2);
    await playToEnd(players, seededPick('c8-2'));
    expect(host.snapshot().outcome?.ranking).toHaveLength(2);
  });

  it('Spades: the host seats a friend as partner by swapping seats; two people and two bots bid and play to the end as sides', async () => {
    const players = await seatedTable(server, 'spades', 2, { gameOptions: { target: 300 } });
    const [host, friend] = players as [Player, Player];
    expect(host.snapshot().seats.map((seat) => seat.kind)).toEqual(['human', 'human', 'bot', 'bot']);
    // Seats 0 and 2 are partners: the friend moves across from the host, the bot takes the friend's seat.
    expect((await friend.sendAndWaitError({ type: 'swapSeats', seat: 1, with: 2 })).code).toBe(ErrorCode.NotHost);
    expect((await host.sendAndWaitError({ type: 'swapSeats', seat: 1, with: 1 })).code).toBe(ErrorCode.BadMessage);
    host.send({ type: 'swapSeats', seat: 1, with: 2 });
    await waitFor('the swap', () => friend.snapshot().seats[2]?.playerId === friend.playerId);
    expect(host.snapshot().seats.map((seat) => [seat.kind, seat.name])).toEqual([['human', 'Host'], ['bot', 'Bot 2'], ['human', 'P2'], ['bot', 'Bot 4']]);

    host.send({ type: 'start' });
    await waitFor('the deal', () => players.every((player) => player.snapshot().phase === 'playing' && player.snapshot().mine !== null));
    expect((await host.sendAndWaitError({ type: 'swapSeats', seat: 1, with: 2 })).code).toBe(ErrorCode.TablePhase);
    // Bidding first: every seat's bid is public and unset; each person holds 13 cards only they can see.
    expect(host.snapshot().board['phase']).toBe('bidding');
    expect(host.snapshot().board['bids']).toEqual([-1, -1, -1, -1]);
    expect(host.snapshot().mine?.['hand']).toHaveLength(13);
    expect(friend.snapshot().mine?.['hand']).toHaveLength(13);
    expect(friend.snapshot().mine?.['hand']).not.toEqual(host.snapshot().mine?.['hand']);
    expect(host.legalMoves()).toHaveLength(14);

    await playToEnd(players, seededPick('spades-1'), 120_000);
    const snapshot = host.snapshot();
    const outcome = snapshot.outcome!;
    // Partners carry one score and win together.
    expect(outcome.scores[0]).toBe(outcome.scores[2]);
    expect(outcome.scores[1]).toBe(outcome.scores[3]);
    expect([[0, 2], [1, 3]]).toContainEqual([...outcome.winners].sort());
    expect(snapshot.board['sideScores']).toEqual([outcome.scores[0], outcome.scores[1]]);
    host.send({ type: 'getRecord' });
    await waitFor('the record', () => host.records.length === 1);
    replayMatches(host);
  }, 150_000);

  it('a client reads every move\'s events from its patches; only one that asks also gets them as messages, the same', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts', options: { target: 50 }, turnSeconds: 0 });
    for (const seat of [1, 2, 3]) host.send({ type: 'addBot', seat, level: 'normal' });
    const watcher = await Player.join(server, 'Watcher', host.snapshot().code, { events: true });
    await waitFor('bots', () => host.snapshot().seats.every((seat) => seat.kind === 'bot' || seat.playerId === host.playerId));
    expect(host.snapshot().lastMove).toBeNull();
    host.send({ type: 'start' });
    await playToEnd([host], seededPick('events'));
    await waitFor('the last move everywhere', () => watcher.snapshot().phase === 'gameOver');

    const moves = host.snapshot().moveNumber;
    expect(host.sentEvents).toEqual([]);
    expect(host.events.map((message) => message.moveNumber)).toEqual(Array.from({ length: moves }, (_, index) => index + 1));
    expect(watcher.sentEvents).toHaveLength(moves);
    expect(watcher.events).toEqual(watcher.sentEvents);
    expect(host.events).toEqual(watcher.sentEvents);
    expect(host.events.flatMap((message) => message.events.map((event) => event.type))).toEqual(
      expect.arrayContaining(['passed', 'passesExchanged', 'played', 'trickWon', 'handScored', 'continued', 'handDealt', 'gameOver']),
    );
  }, 60_000);

  it('rematch deals a new game to the same seats with a new seed; back to the lobby lets the host change games', async () => {
    const players = await seatedTable(server, 'hearts', 1, { gameOptions: { target: 50 } });
    const host = players[0]!;
    host.send({ type: 'start' });
    await playToEnd(players, seededPick('rematch'));
    const first = host.snapshot();
    host.send({ type: 'rematch' });
    await waitFor('the rematch', () => host.snapshot().phase === 'playing');
    const second = host.snapshot();
    expect(second.seedHash).not.toBe(first.seedHash);
    expect(second.seed).toBe('');
    expect(second.outcome).toBeNull();
    expect(second.seats.map((seat) => [seat.kind, seat.playerId])).toEqual(first.seats.map((seat) => [seat.kind, seat.playerId]));
    await playToEnd(players, seededPick('rematch-2'));

    host.send({ type: 'toLobby' });
    await waitFor('the lobby', () => host.snapshot().phase === 'lobby');
    expect(host.snapshot().board).toEqual({});
    expect(host.snapshot().mine).toBeNull();
    host.send({ type: 'configure', gameId: 'crazy-eights', seatCount: 5 });
    await waitFor('the new game', () => host.snapshot().gameId === 'crazy-eights' && host.snapshot().seats.length === 5);
    host.send({ type: 'addBot', seat: 4, level: 'easy' });
    host.send({ type: 'start' });
    await waitFor('the deal', () => host.snapshot().phase === 'playing');
    expect(host.snapshot().seats).toHaveLength(5);
    expect(host.errors).toEqual([]);
  });
});
