/**
 * The floor server (`src/floor`) must carry a move the way Deckhand does, or
 * its cost says nothing about Deckhand's: each client decodes its own hand and
 * no other, a move is one patch to all four, a deal follows the last card, and
 * a move out of turn is refused.
 */
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FloorTable } from '../floor/FloorTable';
import { FLOOR_ROOM } from '../floor/floorRoomName';
import { startFloorServer } from '../floor/floorServer';
import type { FloorServer } from '../floor/floorServer';

interface Decoded {
  moveNumber: number;
  hands: Map<string, { seat: number; live: number[] }> & { size: number };
}

let server: FloorServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startFloorServer();
  baseUrl = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
});

function nextState(room: Room): Promise<void> {
  return new Promise((resolve) => {
    const listener = room.onStateChange(() => {
      listener.clear();
      resolve();
    });
  });
}

describe('the floor server', () => {
  it('shows each of the four clients its own hand of 13 cards and no other', async () => {
    const rooms: Room[] = [];
    try {
      for (let index = 0; index < 4; index++) {
        const client = new Client(baseUrl);
        const room = index === 0 ? await client.create(FLOOR_ROOM) : await client.joinById(rooms[0]!.roomId);
        await nextState(room);
        rooms.push(room);
      }
      const seen = rooms.map((room) => [...(room.state as Decoded).hands.values()].map((hand) => ({ seat: hand.seat, cards: [...hand.live] })));
      expect(seen.map((hands) => hands.length)).toEqual([1, 1, 1, 1]);
      expect(seen.map((hands) => hands[0]!.seat)).toEqual([0, 1, 2, 3]);
      expect(seen[1]![0]!.cards).toEqual([1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49]);

      // Seat 1 out of turn: an error, and the move number stays.
      const refused = new Promise<{ message: string }>((resolve) => rooms[1]!.onMessage('error', resolve));
      rooms[1]!.send('move', 1);
      expect((await refused).message).toMatch(/seat 1 cannot play 1/);
      expect((rooms[0]!.state as Decoded).moveNumber).toBe(0);
    } finally {
      await Promise.allSettled(rooms.map((room) => room.leave(true)));
    }
  });

  it('plays move after move through a new deal, every move reaching all four clients', async () => {
    const table = await FloorTable.open(baseUrl);
    try {
      const results = [];
      // 52 cards a deal: the 53rd move is the first of the next.
      for (let move = 0; move < 60; move++) results.push(await table.playMove());
      expect(results.filter((result) => !result.ok)).toEqual([]);
      for (const result of results) if (result.ok) expect(result.latencyMs).toBeGreaterThan(0);
    } finally {
      await table.leave();
    }
  });
});
