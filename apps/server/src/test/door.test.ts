/**
 * Issue 11, point 5: a kick sticks. Kicked identities and their device stay
 * out for the life of the table, and a locked table lets newcomers in only
 * when the host says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, JoinErrorCode } from '@deckhand/protocol';
import { Player, bootServer, guest, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25762);
});
afterAll(async () => {
  await server.shutdown();
});

type JoinRefusal = { code: number; message: string } | null;

/** Joins with a fresh guest identity; resolves to the refusal, or null once in. */
async function tryJoin(code: string, name: string, options: Record<string, unknown>): Promise<{ player: Player; refused: JoinRefusal }> {
  const player = new Player(server, await guest(server, name));
  const refused = await player.joinAgain(code, options).then(() => null, (error: unknown) => error as { code: number; message: string });
  return { player, refused };
}

describe('a kick sticks', () => {
  it('[D-01] a kicked player with a fresh guest token is refused from the same device; the host may still let a new device in', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts', device: 'host-device-0001' });
    const code = host.snapshot().code;
    const { player: mallory } = await tryJoin(code, 'Mallory', { device: 'mallory-device-01' });
    host.send({ type: 'kick', playerId: mallory.playerId });
    await waitFor('the kick', () => mallory.left);

    // The same identity, and a new identity on the same device: both out.
    const again = await mallory.joinAgain(code, { device: 'mallory-device-01' }).then(() => null, (error: unknown) => error as { code: number });
    expect(again?.code).toBe(JoinErrorCode.Banned);
    const fresh = await tryJoin(code, 'Mallory2', { device: 'mallory-device-01' });
    expect(fresh.refused?.code).toBe(JoinErrorCode.Banned);
    expect(host.snapshot().seats.filter((seat) => seat.kind === 'human')).toHaveLength(1);
    // A device id is only what the browser keeps: a new one is a newcomer, which is what the lock is for.
    const otherDevice = await tryJoin(code, 'Mallory3', { device: 'another-device-01' });
    expect(otherDevice.refused).toBeNull();
  });
});

describe('a locked table', () => {
  it('[D-02] a newcomer is told the table is locked, knocks, waits until the host admits, and sits', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const code = host.snapshot().code;
    const bob = await Player.join(server, 'Bob', code);
    expect((await bob.sendAndWaitError({ type: 'lock', locked: true })).code).toBe(ErrorCode.NotHost);
    host.send({ type: 'lock', locked: true });
    await waitFor('locked', () => bob.snapshot().locked);

    const plain = await tryJoin(code, 'Ann', { device: 'ann-device-0001' });
    expect(plain.refused?.code).toBe(JoinErrorCode.Locked);
    expect(plain.refused?.message).toMatch(/locked/);
    expect(host.snapshot().knocking).toEqual([]);

    // Knocking: the join waits while the host sees the knock.
    const ann = plain.player;
    let admitted = false;
    const joining = ann.joinAgain(code, { device: 'ann-device-0001', knock: true }).then(() => (admitted = true));
    await waitFor('the knock', () => host.snapshot().knocking.some((knocker) => knocker.name === 'Ann'));
    expect(admitted).toBe(false);
    expect(host.snapshot().seats.filter((seat) => seat.kind === 'human')).toHaveLength(2);
    host.send({ type: 'admit', playerId: ann.playerId });
    await joining;
    expect(ann.snapshot().seats[2]).toMatchObject({ kind: 'human', playerId: ann.playerId });
    expect(host.snapshot().knocking).toEqual([]);

    // Players already at the table come and go freely: a second tab is not a newcomer.
    const bobTab = new Player(server, bob.identity);
    await bobTab.joinAgain(code);
    expect(bobTab.snapshot().seats[1]!.playerId).toBe(bob.playerId);
  });

  it('[D-03] a refused knocker is told clearly and stays out, with a fresh token too; unlocking lets the others in', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const code = host.snapshot().code;
    host.send({ type: 'lock', locked: true });
    await waitFor('locked', () => host.snapshot().locked);

    const eve = new Player(server, await guest(server, 'Eve'));
    const eveJoin = eve.joinAgain(code, { device: 'eve-device-00001', knock: true }).then(() => null, (error: unknown) => error as { code: number; message: string });
    const carl = new Player(server, await guest(server, 'Carl'));
    const carlJoin = carl.joinAgain(code, { device: 'carl-device-0001', knock: true }).then(() => null, (error: unknown) => error as { code: number });
    await waitFor('two knocks', () => host.snapshot().knocking.length === 2);
    host.send({ type: 'refuse', playerId: eve.playerId });
    const refusal = await eveJoin;
    expect(refusal?.code).toBe(JoinErrorCode.Refused);
    expect(refusal?.message).toBe('The host did not let you in.');
    const back = await tryJoin(code, 'Eve again', { device: 'eve-device-00001', knock: true });
    expect(back.refused?.code).toBe(JoinErrorCode.Banned);

    host.send({ type: 'lock', locked: false });
    expect(await carlJoin).toBeNull();
    expect(host.snapshot().knocking).toEqual([]);
    expect(host.snapshot().seats.filter((seat) => seat.kind === 'human').map((seat) => seat.name)).toEqual(['Host', 'Carl']);
    expect(host.messages.some((message) => message.type === 'notice' && message.text === 'The host did not let Eve in.')).toBe(true);
  });

  it('[D-04] the host can lock during a game, and answering nobody is an error', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    for (const seat of [1, 2, 3]) host.send({ type: 'addBot', seat, level: 'normal' });
    await waitFor('bots', () => host.snapshot().seats.every((seat) => seat.kind !== 'empty'));
    host.send({ type: 'start' });
    await waitFor('playing', () => host.snapshot().phase === 'playing');
    host.send({ type: 'lock', locked: true });
    await waitFor('locked', () => host.snapshot().locked);
    expect((await host.sendAndWaitError({ type: 'admit', playerId: 'nobody' })).code).toBe(ErrorCode.NoSuchPlayer);
    const watcher = await tryJoin(host.snapshot().code, 'Watcher', { spectate: true });
    expect(watcher.refused?.code).toBe(JoinErrorCode.Locked);
  });
});
