/** Drops, reconnection, the grace period, rejoining by code and a second tab. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@deckhand/protocol';
import { Player, bootServer, playToEnd, seatedTable, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  // A one-second grace period keeps the expiry tests short.
  server = await bootServer(25675, { RECONNECT_SECONDS: '1' });
});
afterAll(async () => {
  await server.shutdown();
});

describe('reconnection', () => {
  it('a dropped player keeps the seat during the grace period and gets the same hand back with the reconnection token', async () => {
    const [host, bob] = (await seatedTable(server, 'hearts', 2, { gameOptions: { target: 50 } })) as [Player, Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => bob.snapshot().mine !== null);
    const hand = bob.snapshot().mine;
    const token = bob.room.reconnectionToken;
    await bob.drop();
    await waitFor('reconnecting', () => host.snapshot().seats[1]!.connected === false);
    const seat = host.snapshot().seats[1]!;
    expect(seat.reconnectDeadline).toBeGreaterThan(Date.now());
    expect(seat.reconnectDeadline).toBeLessThanOrEqual(Date.now() + 1000);
    expect(seat.away).toBe(false);
    await bob.reconnect(token);
    await waitFor('back', () => host.snapshot().seats[1]!.connected);
    expect(host.snapshot().seats[1]!.reconnectDeadline).toBe(0);
    expect(bob.snapshot().mine).toEqual(hand);
    expect(bob.snapshot().mySeat).toBe(1);
    // And the game goes on with the reconnected client.
    await playToEnd([host, bob]);
  });

  it('after the grace period a bot plays the seat, and the same identity joining by code gets it back, hand included', async () => {
    const [host, bob] = (await seatedTable(server, 'crazy-eights', 2, { seats: 3, gameOptions: { target: 100 } })) as [Player, Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => bob.snapshot().mine !== null);
    const code = host.snapshot().code;
    await bob.drop();
    await waitFor('the seat marked away', () => host.snapshot().seats[1]!.away, 5000);
    expect(host.snapshot().seats[1]).toMatchObject({ kind: 'human', playerId: bob.playerId, connected: false, reconnectDeadline: 0 });
    // The server plays for Bob while the host keeps playing.
    const started = Date.now();
    while (!host.events.some((event) => event.seat === 1 && event.by === 'away')) {
      if (Date.now() - started > 10_000) throw new Error('no move was played for the away seat');
      const moves = host.legalMoves();
      const before = host.patches;
      if (moves.length > 0) {
        host.send({ type: 'move', move: moves.find((move) => move.type === 'play') ?? moves[0]! });
        await waitFor('an answer', () => host.patches > before || host.errors.length > 0);
      }
      await sleep(60);
    }
    expect(host.errors).toEqual([]);

    await bob.joinAgain(code);
    expect(bob.snapshot().mySeat).toBe(1);
    expect(bob.snapshot().mine).not.toBeNull();
    expect(host.snapshot().seats[1]).toMatchObject({ connected: true, away: false });
    const count = (bob.snapshot().board['handCounts'] as number[])[1];
    expect((bob.snapshot().mine!['hand'] as number[]).length).toBe(count);
  });

  it('a lobby seat is freed when the grace period runs out', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const bob = await Player.join(server, 'Bob', host.snapshot().code);
    await bob.drop();
    await waitFor('the seat freed', () => host.snapshot().seats[1]!.kind === 'empty', 5000);
  });

  it('opening the table in a second tab takes the seat over; the first tab is closed with the takeover code', async () => {
    const [host, bob] = (await seatedTable(server, 'hearts', 2)) as [Player, Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => bob.snapshot().mine !== null);
    const hand = bob.snapshot().mine;
    const secondTab = new Player(server, bob.identity);
    await secondTab.joinAgain(host.snapshot().code);
    await waitFor('the first tab closed', () => bob.left);
    expect(bob.left?.code).toBe(CloseCode.TakenOver);
    expect(secondTab.snapshot().mySeat).toBe(1);
    expect(secondTab.snapshot().mine).toEqual(hand);
    await sleep(100);
    // The takeover is not a departure: the seat stays connected and Bob stays seated.
    expect(host.snapshot().seats[1]).toMatchObject({ playerId: bob.playerId, connected: true, away: false });
    expect(host.snapshot().spectators).toEqual([]);
  });
});
