import { describe, expect, it } from 'vitest';
import { GroupCommit } from './GroupCommit';

/** A store of numbers that refuses a number it already holds, and counts its statements. */
function fakeStore() {
  const rows: number[] = [];
  const statements: number[][] = [];
  const clash = (item: number) => rows.includes(item);
  return {
    rows,
    statements,
    writeMany: async (items: readonly number[]) => {
      statements.push([...items]);
      if (items.some(clash) || new Set(items).size < items.length) throw new Error('clash in the batch');
      rows.push(...items);
    },
    writeOne: async (item: number) => {
      statements.push([item]);
      if (clash(item)) throw new Error(`already have ${item}`);
      rows.push(item);
    },
  };
}

describe('GroupCommit', () => {
  it('stores the writes of one turn in one statement and answers each once stored', async () => {
    const store = fakeStore();
    const commit = new GroupCommit(store.writeMany, store.writeOne);
    const seen: number[] = [];
    const writes = [1, 2, 3].map((item) => commit.write(item).then(() => seen.push(item)));
    expect(store.rows).toEqual([]);
    await Promise.all(writes);
    expect(store.statements).toEqual([[1, 2, 3]]);
    expect(store.rows).toEqual([1, 2, 3]);
    expect(seen).toEqual([1, 2, 3]);
    await commit.write(4);
    expect(store.statements).toEqual([[1, 2, 3], [4]]);
  });

  it('writes each row alone when the shared statement fails: only the clashing one is refused', async () => {
    const store = fakeStore();
    store.rows.push(2);
    const commit = new GroupCommit(store.writeMany, store.writeOne);
    const results = await Promise.allSettled([1, 2, 3].map((item) => commit.write(item)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('already have 2'));
    expect(store.rows).toEqual([2, 1, 3]);
  });

  it('splits a long queue into statements of at most the batch size', async () => {
    const store = fakeStore();
    const commit = new GroupCommit(store.writeMany, store.writeOne, 2);
    await Promise.all([1, 2, 3, 4, 5].map((item) => commit.write(item)));
    expect(store.statements).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('keeps an item of several rows whole: statements hold at most the row limit, and a clash refuses the item alone', async () => {
    const rows: number[] = [];
    const statements: number[][] = [];
    const commit = new GroupCommit<number[]>(
      async (items) => {
        statements.push(items.flat());
        if (items.flat().some((row) => rows.includes(row))) throw new Error('clash in the batch');
        rows.push(...items.flat());
      },
      async (item) => {
        statements.push([...item]);
        if (item.some((row) => rows.includes(row))) throw new Error(`already have one of ${item.join(', ')}`);
        rows.push(...item);
      },
      3,
      (item) => item.length,
    );
    await Promise.all([[1, 2], [3], [4, 5], [6, 7, 8, 9]].map((item) => commit.write(item)));
    // [1, 2] and [3] fill a statement of 3 rows; [4, 5] does not fit beside [6, 7, 8, 9], which is over the limit alone.
    expect(statements).toEqual([[1, 2, 3], [4, 5], [6, 7, 8, 9]]);
    statements.length = 0;
    const results = await Promise.allSettled([[10, 11], [9, 12], [13]].map((item) => commit.write(item)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The clashing item's other row (12) is not stored either.
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
  });

  it('drains: resolves once every write made so far is stored', async () => {
    const store = fakeStore();
    const commit = new GroupCommit(store.writeMany, store.writeOne);
    const writes = [1, 2].map((item) => commit.write(item));
    await commit.drain();
    expect(store.rows).toEqual([1, 2]);
    await Promise.all(writes);
    await commit.drain();
  });
});
