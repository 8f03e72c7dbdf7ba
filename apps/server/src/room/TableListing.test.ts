/**
 * What the lobby is told when a table's listing changes. With Redis, Colyseus'
 * driver lets lobby reads share one query in flight, so every change is told
 * a second time once the write has settled, as the table is by then; without
 * Redis once is enough. (The race itself needs a cluster: cluster.test.ts.)
 */
import type * as ColyseusCore from '@colyseus/core';
import type { Room } from '@colyseus/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SeatKind, TablePhase, Visibility } from '@deckhand/protocol';
import type { TableState } from '@deckhand/table-schema';
import type { Table } from '../table/Table';
import { TableListing } from './TableListing';
import type { TableMetadata } from './TableListing';

/** Every word to the lobbies, in order: the room, and whether it left the lobby. */
const told: { roomId: string; removed: boolean }[] = [];

// As Colyseus' own: a removal is always told, a change only of a listed (not private) room.
vi.mock('@colyseus/core', async (original) => ({
  ...(await original<typeof ColyseusCore>()),
  updateLobby: (room: { roomId: string; listing: { private: boolean } }, removed = false) => {
    if (removed || !room.listing.private) told.push({ roomId: room.roomId, removed });
  },
}));

function fakeRoom(): Room<TableState, TableMetadata> {
  const room = {
    roomId: 'R1',
    listing: { private: false },
    metadata: undefined as TableMetadata | undefined,
    setPrivate: async (hidden: boolean) => void (room.listing.private = hidden),
    setMetadata: async (metadata: TableMetadata) => void (room.metadata = metadata),
  };
  return room as unknown as Room<TableState, TableMetadata>;
}

/** A table whose visibility and host's name the test sets. */
function fakeTable(visibility: Visibility, hostName: string): Table {
  return {
    game: { id: 'hearts', name: 'Hearts' },
    model: {
      visibility,
      hostId: 'p1',
      phase: TablePhase.Lobby,
      spectators: new Map(),
      seats: [
        { playerId: hostName === '' ? '' : 'p1', name: hostName, kind: hostName === '' ? SeatKind.Empty : SeatKind.Human },
        { playerId: '', name: '', kind: SeatKind.Empty },
      ],
    },
  } as unknown as Table;
}

function listing(redisUrl: string, closing = () => false): TableListing {
  return new TableListing(fakeRoom(), { testCodes: [], redisUrl }, closing);
}

beforeEach(() => {
  told.length = 0;
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the lobby is told of a listing change', () => {
  it('with Redis: at once, and again 300 ms after the last change, once for the changes of that time', async () => {
    const tables = listing('redis://127.0.0.1:6379');
    await tables.refresh(fakeTable(Visibility.Public, ''));
    expect(told).toEqual([{ roomId: 'R1', removed: false }]);
    // 200 ms later the host sits down: the listing changes (their name), and is told now and once it settled.
    await vi.advanceTimersByTimeAsync(200);
    await tables.refresh(fakeTable(Visibility.Public, 'Ann'));
    expect(told).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(299);
    expect(told).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(told).toHaveLength(3);
    expect(told.every((word) => !word.removed)).toBe(true);
    // Nothing changed: nothing is told.
    await tables.refresh(fakeTable(Visibility.Public, 'Ann'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(told).toHaveLength(3);
  });

  it('with Redis, the second word says how the table is then: made public again meanwhile, it stays listed', async () => {
    const tables = listing('redis://127.0.0.1:6379');
    await tables.refresh(fakeTable(Visibility.Public, 'Ann'));
    await vi.advanceTimersByTimeAsync(1_000);
    told.length = 0;
    // Private, then public again within the 300 ms: the removal's second word must not take it off the lobby.
    await tables.refresh(fakeTable(Visibility.Private, 'Ann'));
    await tables.refresh(fakeTable(Visibility.Public, 'Ann'));
    const atOnce = told.length;
    expect(told.map((word) => word.removed).slice(0, 2)).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(300);
    expect(told.length).toBeGreaterThan(atOnce);
    expect(told.slice(atOnce).every((word) => !word.removed)).toBe(true);
  });

  it('without Redis, once', async () => {
    const tables = listing('');
    await tables.refresh(fakeTable(Visibility.Public, ''));
    await tables.refresh(fakeTable(Visibility.Public, 'Ann'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(told).toHaveLength(2);
  });

  it('a table closing by the time of the second word is not listed again', async () => {
    let closing = false;
    const tables = listing('redis://127.0.0.1:6379', () => closing);
    await tables.refresh(fakeTable(Visibility.Public, 'Ann'));
    closing = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(told).toHaveLength(1);
  });
});
