/**
 * The contract every `TableStore` keeps, as a vitest suite a backend runs
 * against itself (`describeTableStore('sqlite', ...)`). A Postgres backend
 * calls the same function with its own factory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LogConflictError } from './TableStore';
import type { FinishedGame, TableStore } from './TableStore';

export interface StoreFactory {
  /** A fresh, empty store. */
  open(): Promise<TableStore>;
  /** Closes `store` and opens the same data again; absent for stores that live in memory only. */
  reopen?(store: TableStore): Promise<TableStore>;
}

function finishedGame(id: string, finishedAt: number, players: FinishedGame['players']): FinishedGame {
  return {
    id,
    tableCode: 'BCDFG',
    gameId: 'hearts',
    seed: `seed-${id}`,
    seedHash: `hash-${id}`,
    options: { targetScore: 100, passing: true },
    players,
    moves: [{ seat: 0, move: { type: 'play', card: 12 } }, { seat: 1, move: { type: 'continue' } }],
    scores: [26, 0, 0, 0],
    startedAt: finishedAt - 60_000,
    finishedAt,
  };
}

const ANN = { seat: 0, playerId: 'p-ann', name: 'Ann', kind: 'human' };
const BOB = { seat: 1, playerId: 'p-bob', name: 'Bob', kind: 'human' };
const BOT = { seat: 2, playerId: '', name: 'Bot 3', kind: 'normal' };

export function describeTableStore(name: string, factory: StoreFactory): void {
  describe(`TableStore contract: ${name}`, () => {
    let store: TableStore | null = null;
    afterEach(async () => {
      await store?.close();
      store = null;
    });
    const open = async () => (store = await factory.open());

    it('keeps each open table with its actions in order, JSON intact', async () => {
      const db = await open();
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1000 });
      await db.openTable({ tableId: 't2', code: 'HJKMN', createdAt: 2000 });
      const deal = { kind: 'deal', seed: 'abc', nested: { list: [1, 2, 3], flag: true, none: null }, text: 'é ♥ "q"' };
      await db.append('t1', [{ seq: 0, at: 1001, action: deal }]);
      await db.append('t2', [{ seq: 0, at: 2001, action: { kind: 'chat', text: 'hi' } }]);
      await db.append('t1', [{ seq: 1, at: 1002, action: { kind: 'move', seat: 0, move: { type: 'play', card: 5 } } }]);
      const tables = await db.openTables();
      expect(tables.map((table) => [table.tableId, table.code, table.createdAt])).toEqual([
        ['t1', 'BCDFG', 1000],
        ['t2', 'HJKMN', 2000],
      ]);
      expect(tables[0]!.actions).toEqual([
        { seq: 0, at: 1001, action: deal },
        { seq: 1, at: 1002, action: { kind: 'move', seat: 0, move: { type: 'play', card: 5 } } },
      ]);
      expect(tables[1]!.actions).toEqual([{ seq: 0, at: 2001, action: { kind: 'chat', text: 'hi' } }]);
    });

    it('lists open tables without their logs, and loads one log by id', async () => {
      const db = await open();
      // Real epoch milliseconds: past 32 bits, where Postgres' bigint comes back as text.
      const now = 1_764_000_000_000;
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: now });
      await db.openTable({ tableId: 't2', code: 'HJKMN', createdAt: now + 5 });
      await db.append('t2', [{ seq: 0, at: now + 6, action: { kind: 'chat', text: 'hi' } }]);
      await db.append('t2', [{ seq: 1, at: now + 7, action: { kind: 'start' } }]);
      expect(await db.openTableList()).toEqual([
        { tableId: 't1', code: 'BCDFG', createdAt: now },
        { tableId: 't2', code: 'HJKMN', createdAt: now + 5 },
      ]);
      expect(await db.tableLog('t2')).toEqual({
        tableId: 't2', code: 'HJKMN', createdAt: now + 5,
        actions: [{ seq: 0, at: now + 6, action: { kind: 'chat', text: 'hi' } }, { seq: 1, at: now + 7, action: { kind: 'start' } }],
      });
      expect(await db.tableLog('t1')).toEqual({ tableId: 't1', code: 'BCDFG', createdAt: now, actions: [] });
      await db.closeTable('t2');
      expect(await db.tableLog('t2')).toBeNull();
      expect((await db.openTableList()).map((table) => table.tableId)).toEqual(['t1']);
    });

    it('refuses a second action with the same sequence number, keeping the first', async () => {
      const db = await open();
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
      await db.append('t1', [{ seq: 0, at: 1, action: 'first' }]);
      // A conflict of its own kind: the room must not send what the log refused (see LogConflictError).
      await expect(db.append('t1', [{ seq: 0, at: 2, action: 'second' }])).rejects.toBeInstanceOf(LogConflictError);
      expect((await db.openTables())[0]!.actions).toEqual([{ seq: 0, at: 1, action: 'first' }]);
    });

    it('stores many tables\' actions made at once, refusing only the one that clashes', async () => {
      const db = await open();
      for (const tableId of ['t1', 't2', 't3']) await db.openTable({ tableId, code: `C${tableId}`, createdAt: 1 });
      await db.append('t2', [{ seq: 0, at: 1, action: 'kept' }]);
      // In one turn, as a busy server's tables write them: a store may write them together.
      const results = await Promise.allSettled([
        db.append('t1', [{ seq: 0, at: 2, action: 'a' }]),
        db.append('t2', [{ seq: 0, at: 2, action: 'clash' }]),
        db.append('t3', [{ seq: 0, at: 2, action: 'c' }]),
        db.append('t2', [{ seq: 1, at: 2, action: 'b' }]),
      ]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(LogConflictError);
      expect((await db.openTables()).map((table) => table.actions.map((entry) => entry.action))).toEqual([['a'], ['kept', 'b'], ['c']]);
    });

    it('stores one call\'s actions together and in order, or none of them when one place is taken', async () => {
      const db = await open();
      for (const tableId of ['t1', 't2']) await db.openTable({ tableId, code: `C${tableId}`, createdAt: 1 });
      await db.append('t1', [{ seq: 0, at: 1, action: 'deal' }, { seq: 1, at: 1, action: 'clock' }]);
      // Another process took place 3: this process's call (a move and its clock at 2 and 3) must leave no trace.
      await db.append('t1', [{ seq: 3, at: 2, action: 'theirs' }]);
      const results = await Promise.allSettled([
        db.append('t1', [{ seq: 2, at: 3, action: 'move' }, { seq: 3, at: 3, action: 'clock' }]),
        db.append('t2', [{ seq: 0, at: 3, action: 'other table' }, { seq: 1, at: 3, action: 'its clock' }]),
      ]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
      expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(LogConflictError);
      expect((await db.openTables()).map((table) => table.actions.map((entry) => `${entry.seq}:${String(entry.action)}`))).toEqual([
        ['0:deal', '1:clock', '3:theirs'],
        ['0:other table', '1:its clock'],
      ]);
    });

    it('keeps every action appended just before it closes', async () => {
      if (!factory.reopen) return;
      let db = await open();
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
      const writes = Array.from({ length: 20 }, (_, seq) => db.append('t1', [{ seq, at: seq, action: seq }]));
      db = store = await factory.reopen(db);
      await Promise.all(writes);
      expect((await db.openTables())[0]!.actions.map((entry) => entry.action)).toEqual(Array.from({ length: 20 }, (_, seq) => seq));
    });

    it('refuses a second open table with the same code, and frees the code once closed', async () => {
      const db = await open();
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
      await expect(db.openTable({ tableId: 't2', code: 'BCDFG', createdAt: 2 })).rejects.toThrow();
      await db.closeTable('t1');
      await db.openTable({ tableId: 't3', code: 'BCDFG', createdAt: 3 });
      expect((await db.openTables()).map((table) => table.tableId)).toEqual(['t3']);
    });

    it('forgets a closed table and its log but keeps its finished games', async () => {
      const db = await open();
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
      await db.append('t1', [{ seq: 0, at: 1, action: { kind: 'deal' } }]);
      await db.saveGame(finishedGame('g1', 5000, [ANN, BOB, BOT]));
      await db.closeTable('t1');
      expect(await db.openTables()).toEqual([]);
      expect((await db.game('g1'))?.seed).toBe('seed-g1');
    });

    it('lists a player\'s finished games newest first, without moves, only their own', async () => {
      const db = await open();
      await db.saveGame(finishedGame('old', 1000, [ANN, BOT]));
      await db.saveGame(finishedGame('new', 3000, [ANN, BOB]));
      await db.saveGame(finishedGame('bobs', 2000, [BOB, BOT]));
      const anns = await db.gamesOf('p-ann', 10);
      expect(anns.map((game) => game.id)).toEqual(['new', 'old']);
      expect(anns[0]).toEqual({
        id: 'new', tableCode: 'BCDFG', gameId: 'hearts', seedHash: 'hash-new', players: [ANN, BOB],
        scores: [26, 0, 0, 0], startedAt: 3000 - 60_000, finishedAt: 3000,
      });
      expect(await db.gamesOf('p-ann', 1)).toHaveLength(1);
      expect(await db.gamesOf('nobody', 10)).toEqual([]);
      // A bot's empty id matches nothing.
      expect(await db.gamesOf('', 10)).toEqual([]);
    });

    it('loads a finished game whole, and null for an unknown id', async () => {
      const db = await open();
      const game = finishedGame('g1', 5000, [ANN, BOB, BOT]);
      await db.saveGame(game);
      expect(await db.game('g1')).toEqual(game);
      expect(await db.game('nope')).toBeNull();
    });

    it('deletes finished games past retention and nothing newer', async () => {
      const db = await open();
      await db.saveGame(finishedGame('a', 1000, [ANN]));
      await db.saveGame(finishedGame('b', 2000, [ANN]));
      await db.saveGame(finishedGame('c', 3000, [ANN]));
      expect(await db.deleteGamesBefore(2500)).toBe(2);
      expect((await db.gamesOf('p-ann', 10)).map((game) => game.id)).toEqual(['c']);
      expect(await db.game('a')).toBeNull();
    });

    it.skipIf(!factory.reopen)('keeps everything through a close and reopen', async () => {
      const db = await open();
      await db.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
      await db.append('t1', [{ seq: 0, at: 10, action: { kind: 'deal', seed: 's' } }]);
      await db.saveGame(finishedGame('g1', 5000, [ANN]));
      const again = await factory.reopen!(db);
      store = again;
      expect((await again.openTables())[0]!.actions).toEqual([{ seq: 0, at: 10, action: { kind: 'deal', seed: 's' } }]);
      expect((await again.gamesOf('p-ann', 5)).map((game) => game.id)).toEqual(['g1']);
    });
  });
}
