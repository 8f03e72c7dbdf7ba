/**
 * A client built with the table's schema classes joins without their
 * description in the handshake (about 1,000 bytes less per join) and decodes
 * with its own classes, across a reconnection too; any other client still
 * gets the description and decodes by reflection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSerializer } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { TABLE_SCHEMA_ID, TableState, TableStateSerializer } from '@deckhand/table-schema';
import { bootServer, Player, waitFor } from './harness';
import type { TestServer } from './harness';

registerSerializer('schema', TableStateSerializer as unknown as Parameters<typeof registerSerializer>[1]);

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25757);
});
afterAll(async () => {
  await server.shutdown();
});

/** True when the room decodes into the table's own classes: its handshake carried no description. */
function decodesWithOwnClasses(room: Room): boolean {
  return (room as unknown as { serializer: { state: unknown } }).serializer.state instanceof TableState;
}

describe('the schema description in the handshake', () => {
  it('is left out for a client holding the classes, and the table reads the same', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts', options: {}, turnSeconds: 0, visibility: 'private', schema: TABLE_SCHEMA_ID });
    const code = host.snapshot().code;
    const reflecting = await Player.join(server, 'Guest', code);
    const knowing = await Player.join(server, 'Knower', code, { schema: TABLE_SCHEMA_ID });
    const stale = await Player.join(server, 'Stale', code, { schema: '00000000' });
    expect(decodesWithOwnClasses(host.room)).toBe(true);
    expect(decodesWithOwnClasses(knowing.room)).toBe(true);
    expect(decodesWithOwnClasses(reflecting.room)).toBe(false);
    expect(decodesWithOwnClasses(stale.room)).toBe(false);

    host.send({ type: 'start' });
    const players = [host, reflecting, knowing, stale];
    await waitFor('the deal', () => players.every((player) => player.snapshot().mine !== null));
    // Each reads its own hand and nobody else's, whichever way it decodes.
    for (const player of players) {
      const snapshot = player.snapshot();
      expect((snapshot.mine!['hand'] as number[]).length).toBe(13);
      expect(Object.keys((player.room.state as { toJSON(): { hands?: object } }).toJSON().hands ?? {})).toHaveLength(1);
    }
    const { mine: _host, mySeat: _hostSeat, ...hostView } = host.snapshot();
    const { mine: _knowing, mySeat: _knowingSeat, ...knowingView } = knowing.snapshot();
    const { mine: _reflecting, mySeat: _reflectingSeat, ...reflectingView } = reflecting.snapshot();
    expect(knowingView).toEqual(hostView);
    expect(reflectingView).toEqual(hostView);

    // A reconnection carries no options: the session's join said it holds the classes.
    const hand = knowing.snapshot().mine;
    await knowing.drop();
    await knowing.reconnect();
    expect(decodesWithOwnClasses(knowing.room)).toBe(true);
    expect(knowing.snapshot().mine).toEqual(hand);
    await reflecting.drop();
    await reflecting.reconnect();
    expect(decodesWithOwnClasses(reflecting.room)).toBe(false);
    expect(reflecting.snapshot().board).toEqual(host.snapshot().board);
    for (const player of players) await player.leave();
  });
});
