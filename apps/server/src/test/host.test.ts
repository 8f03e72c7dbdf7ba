/** Tables, seats, spectators and every host control, through real clients. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import type { RoomAvailable } from 'colyseus.js';
import { CloseCode, ErrorCode, JoinErrorCode, RoomName, isTableCode } from '@deckhand/protocol';
import type { TableMetadata } from '../room/TableRoom';
import { Player, bootServer, guest, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25673, { MAX_SPECTATORS: '2' });
});
afterAll(async () => {
  await server.shutdown();
});

async function joinError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string };
  }
  throw new Error('the join succeeded');
}

describe('tables', () => {
  it('a new table has a 5-character code, the creator is host in seat 1, and joiners take free seats in order', async () => {
    const host = await Player.create(server, 'Ann', { gameId: 'hearts' });
    const snapshot = host.snapshot();
    expect(isTableCode(snapshot.code)).toBe(true);
    expect(snapshot.hostId).toBe(host.playerId);
    expect(snapshot.seats).toHaveLength(4);
    expect(snapshot.seats[0]).toMatchObject({ kind: 'human', name: 'Ann', connected: true });
    expect(snapshot.turnSeconds).toBe(30);
    expect(snapshot.options).toEqual({ target: 100, jackOfDiamonds: false, moonSubtract: false });
    const bob = await Player.join(server, 'Bob', snapshot.code);
    expect(bob.snapshot().seats[1]).toMatchObject({ kind: 'human', name: 'Bob', playerId: bob.playerId });
    expect(bob.snapshot().mySeat).toBeNull();
  });

  it('refuses unknown games, bad options, unknown codes and bad tokens with readable errors', async () => {
    const identity = await guest(server, 'Cid');
    const client = new Client(server.url);
    const noGame = await joinError(client.create(RoomName.Table, { token: identity.token, gameId: 'poker' }));
    expect(noGame.code).toBe(JoinErrorCode.NoSuchGame);
    const badOptions = await joinError(client.create(RoomName.Table, { token: identity.token, gameId: 'hearts', options: { target: 7 } }));
    expect(badOptions.message).toMatch(/target must be one of/);
    const badToken = await joinError(client.create(RoomName.Table, { token: 'forged', gameId: 'hearts' }));
    expect(badToken.code).toBe(JoinErrorCode.BadToken);
    const host = await Player.create(server, 'Dee', { gameId: 'hearts' });
    const forged = await joinError(client.joinById(host.snapshot().code, { token: `${identity.token}x` }));
    expect(forged.code).toBe(JoinErrorCode.BadToken);
    const unknown = await joinError(client.joinById('BCDFG', { token: identity.token }));
    expect(unknown.message).toBeTruthy();
  });

  it('a full table takes spectators up to the limit, who see public state only and may sit in a free seat between games', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const code = host.snapshot().code;
    for (const seat of [1, 2, 3]) host.send({ type: 'addBot', seat, level: 'easy' });
    await waitFor('bots', () => host.snapshot().seats.every((seat) => seat.kind !== 'empty'));
    const first = await Player.join(server, 'Spec 1', code);
    const second = await Player.join(server, 'Spec 2', code);
    expect(first.snapshot().spectators.map((spectator) => spectator.name)).toEqual(['Spec 1', 'Spec 2'].slice(0, first.snapshot().spectators.length));
    const identity = await guest(server, 'Spec 3');
    const full = await joinError(new Client(server.url).joinById(code, { token: identity.token }));
    expect(full.code).toBe(JoinErrorCode.TableFull);

    // A spectator cannot sit in a taken seat, but can once the host frees one.
    expect((await first.sendAndWaitError({ type: 'sit', seat: 3 })).code).toBe(ErrorCode.SeatTaken);
    host.send({ type: 'removeBot', seat: 3 });
    await waitFor('the free seat', () => first.snapshot().seats[3]!.kind === 'empty');
    first.send({ type: 'sit', seat: 3 });
    await waitFor('seated', () => first.snapshot().seats[3]!.playerId === first.playerId);
    expect(first.snapshot().spectators.map((spectator) => spectator.playerId)).toEqual([second.playerId]);

    host.send({ type: 'start' });
    await waitFor('the deal', () => first.snapshot().mine !== null);
    expect(second.snapshot().mine).toBeNull();
    expect((await second.sendAndWaitError({ type: 'sit', seat: 1 })).code).toBe(ErrorCode.TablePhase);
    expect((await second.sendAndWaitError({ type: 'move', move: { type: 'continue' } })).code).toBe(ErrorCode.NotSeated);
  });

  it('a player can stand up to watch between games', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'crazy-eights' });
    const bob = await Player.join(server, 'Bob', host.snapshot().code);
    bob.send({ type: 'stand' });
    await waitFor('standing', () => host.snapshot().seats[1]!.kind === 'empty');
    expect(host.snapshot().spectators.map((spectator) => spectator.name)).toEqual(['Bob']);
    expect((await bob.sendAndWaitError({ type: 'stand' })).code).toBe(ErrorCode.NotSeated);
  });
});

describe('host controls', () => {
  it('the host picks game, options, seats, timer and visibility before the start; others cannot', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const bob = await Player.join(server, 'Bob', host.snapshot().code);
    host.send({ type: 'configure', gameId: 'crazy-eights', seatCount: 6, options: { drawRule: 'drawOne' }, turnSeconds: 60 });
    await waitFor('the change', () => bob.snapshot().gameId === 'crazy-eights');
    expect(bob.snapshot().seats).toHaveLength(6);
    expect(bob.snapshot().options).toMatchObject({ drawRule: 'drawOne', target: 'auto' });
    expect(bob.snapshot().turnSeconds).toBe(60);

    const invalid = await host.sendAndWaitError({ type: 'configure', options: { drawRule: 'never' } });
    expect(invalid.code).toBe(ErrorCode.InvalidOptions);
    expect(invalid.message).toMatch(/drawRule/);
    const tooMany = await host.sendAndWaitError({ type: 'configure', seatCount: 9 });
    expect(tooMany.code).toBe(ErrorCode.InvalidOptions);
    // Seat 2 holds Bob: shrinking below it is refused.
    const shrink = await host.sendAndWaitError({ type: 'configure', seatCount: 1 });
    expect(shrink.code).toBe(ErrorCode.InvalidOptions);
    expect((await bob.sendAndWaitError({ type: 'configure', turnSeconds: 0 })).code).toBe(ErrorCode.NotHost);
    expect((await bob.sendAndWaitError({ type: 'start' })).code).toBe(ErrorCode.NotHost);
    expect(bob.snapshot().turnSeconds).toBe(60);
  });

  it('bots: easy and normal, added and removed by the host; start needs the game minimum', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    expect((await host.sendAndWaitError({ type: 'start' })).code).toBe(ErrorCode.NotEnoughPlayers);
    host.send({ type: 'addBot', seat: 1, level: 'easy' });
    host.send({ type: 'addBot', seat: 2, level: 'normal' });
    await waitFor('bots', () => host.snapshot().seats[2]!.kind === 'bot');
    expect(host.snapshot().seats.slice(1, 3).map((seat) => seat.botLevel)).toEqual(['easy', 'normal']);
    expect((await host.sendAndWaitError({ type: 'addBot', seat: 0, level: 'easy' })).code).toBe(ErrorCode.SeatTaken);
    expect((await host.sendAndWaitError({ type: 'addBot', seat: 7, level: 'easy' })).code).toBe(ErrorCode.NoSuchSeat);
    expect((await host.sendAndWaitError({ type: 'removeBot', seat: 0 })).code).toBe(ErrorCode.NotABot);
    host.send({ type: 'removeBot', seat: 1 });
    await waitFor('removed', () => host.snapshot().seats[1]!.kind === 'empty');
    expect((await host.sendAndWaitError({ type: 'start' })).code).toBe(ErrorCode.NotEnoughPlayers);
    host.send({ type: 'addBot', seat: 1, level: 'easy' });
    host.send({ type: 'addBot', seat: 3, level: 'easy' });
    host.send({ type: 'start' });
    await waitFor('the game', () => host.snapshot().phase === 'playing');
  });

  it('a kicked player is disconnected with the kick code and cannot rejoin that table; mid-game a bot takes the seat', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const code = host.snapshot().code;
    const bob = await Player.join(server, 'Bob', code);
    const cat = await Player.join(server, 'Cat', code);
    host.send({ type: 'kick', playerId: bob.playerId });
    await waitFor('the kick', () => bob.left);
    expect(bob.left?.code).toBe(CloseCode.Kicked);
    expect(host.snapshot().seats[1]!.kind).toBe('empty');
    const again = await joinError(bob.client.joinById(code, { token: bob.identity.token }));
    expect(again.code).toBe(JoinErrorCode.Banned);

    host.send({ type: 'addBot', seat: 1, level: 'easy' });
    host.send({ type: 'addBot', seat: 3, level: 'easy' });
    host.send({ type: 'start' });
    await waitFor('the game', () => host.snapshot().phase === 'playing');
    host.send({ type: 'kick', playerId: cat.playerId });
    await waitFor('the kick', () => cat.left);
    expect(host.snapshot().seats[2]).toMatchObject({ kind: 'bot', botLevel: 'normal' });
    expect((await host.sendAndWaitError({ type: 'kick', playerId: 'nobody' })).code).toBe(ErrorCode.NoSuchPlayer);
  });

  it('when the host leaves, the next seated human becomes host', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'crazy-eights', seatCount: 4 });
    const code = host.snapshot().code;
    const bob = await Player.join(server, 'Bob', code);
    const cat = await Player.join(server, 'Cat', code);
    await host.leave();
    await waitFor('the new host', () => bob.snapshot().hostId === bob.playerId);
    expect(bob.snapshot().seats[0]!.kind).toBe('empty');
    bob.send({ type: 'configure', turnSeconds: 15 });
    await waitFor('bob is obeyed', () => cat.snapshot().turnSeconds === 15);
  });
});

describe('lobby', () => {
  it('lists public tables live with game, host and seats, never private ones', async () => {
    const watcher = await guest(server, 'Lobby');
    const lobby = await new Client(server.url).joinOrCreate(RoomName.Lobby, { token: watcher.token });
    let rooms: RoomAvailable<TableMetadata>[] = [];
    lobby.onMessage('rooms', (list: RoomAvailable<TableMetadata>[]) => {
      rooms = list;
    });
    lobby.onMessage('+', ([roomId, room]: [string, RoomAvailable<TableMetadata>]) => {
      rooms = [...rooms.filter((entry) => entry.roomId !== roomId), room];
    });
    lobby.onMessage('-', (roomId: string) => {
      rooms = rooms.filter((entry) => entry.roomId !== roomId);
    });
    const open = await Player.create(server, 'Public host', { gameId: 'hearts', visibility: 'public' });
    const hidden = await Player.create(server, 'Private host', { gameId: 'hearts', visibility: 'private' });
    const listed = await waitFor('the public table', () => rooms.find((room) => room.roomId === open.snapshot().code));
    expect(listed.metadata).toMatchObject({ gameId: 'hearts', gameName: 'Hearts', hostName: 'Public host', seatsTaken: 1, seatsTotal: 4, phase: 'lobby' });
    await Player.join(server, 'Guest', open.snapshot().code);
    await waitFor('the seat count', () => rooms.find((room) => room.roomId === open.snapshot().code)?.metadata?.seatsTaken === 2);
    await sleep(100);
    expect(rooms.some((room) => room.roomId === hidden.snapshot().code)).toBe(false);
    // Turning a table private takes it off the list.
    open.send({ type: 'configure', visibility: 'private' });
    await waitFor('unlisted', () => !rooms.some((room) => room.roomId === open.snapshot().code));
    await lobby.leave();
  });
});
