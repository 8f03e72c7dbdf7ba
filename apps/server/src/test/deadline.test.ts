/**
 * The turn deadline with the real clock (no time scale): a move that starts a
 * fresh turn timer does not carry the deadline, every client counts down from
 * the moment it saw the move, a kept deadline stays as each client showed
 * it, a joining client gets it written out, and all of them agree on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Player, bootServer, seatedTable, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25681);
});
afterAll(async () => {
  await server.shutdown();
});

/** The decoded state's own fields, before the snapshot computes anything. */
function raw(player: Player): { deadline: number; deadlineMove: number; moveNumber: number } {
  const state = player.room.state as unknown as { deadline: number; deadlineMove: number; moveNumber: number };
  return { deadline: state.deadline, deadlineMove: state.deadlineMove, moveNumber: state.moveNumber };
}

/** The one human who must act plays their first legal move; resolves when every player saw it. */
async function playOne(players: readonly Player[]): Promise<Player> {
  const actor = players.find((player) => player.legalMoves().length > 0);
  if (!actor) throw new Error('nobody can move');
  const moveNumber = actor.snapshot().moveNumber;
  actor.send({ type: 'move', move: actor.legalMoves()[0]! });
  await waitFor('the move everywhere', () => players.every((player) => player.snapshot().moveNumber > moveNumber));
  return actor;
}

describe('turn deadline on the wire', () => {
  it('a fresh turn timer is counted from the move, a kept one stays, a joiner\'s is written, and every client agrees', async () => {
    const players = await seatedTable(server, 'hearts', 4, { turnSeconds: 30 });
    const [host] = players as [Player, Player, Player, Player];
    host.send({ type: 'start' });
    await waitFor('the deal', () => players.every((player) => player.snapshot().deadline > 0));
    const passDeadline = host.snapshot().deadline;
    expect(passDeadline).toBeGreaterThan(Date.now() + 25_000);

    // [H-04] Passing is simultaneous: one pass keeps the others' deadline; every client keeps it, so it does not travel.
    await playOne(players);
    for (const player of players) expect(player.snapshot().deadline).toBe(passDeadline);
    expect(raw(host).deadlineMove).toBeLessThan(raw(host).moveNumber);
    while (host.snapshot().board['phase'] === 'passing') await playOne(players);

    // Card play: each move starts a fresh 30 s timer, which the patch does not carry.
    for (let move = 0; move < 3; move++) {
      const before = raw(host).deadline;
      const seenAt = Date.now();
      await playOne(players);
      const state = raw(host);
      expect(state.deadlineMove).toBeLessThan(state.moveNumber);
      expect(state.deadline).toBe(before);
      for (const player of players) {
        const { deadline } = player.snapshot();
        expect(deadline).toBeGreaterThanOrEqual(seenAt + 30_000);
        expect(deadline).toBeLessThanOrEqual(Date.now() + 30_000);
      }
    }

    // A spectator joining now never saw the move: the deadline is written out for it, the same as the others count to.
    const seatedDeadline = players[1]!.snapshot().deadline;
    const spectator = await Player.join(server, 'Watcher', host.snapshot().code, { spectate: true });
    expect(raw(spectator).deadlineMove).toBe(raw(spectator).moveNumber);
    expect(Math.abs(spectator.snapshot().deadline - seatedDeadline)).toBeLessThan(250);
    await waitFor('the written deadline at every seat', () => players.every((player) => raw(player).deadlineMove === raw(player).moveNumber));
    for (const player of players) expect(Math.abs(player.snapshot().deadline - spectator.snapshot().deadline)).toBe(0);
  });
});
