import { describe, expect, it } from 'vitest';
import { deepFreeze, shareStructure } from './shareStructure';

describe('shareStructure', () => {
  it('keeps the identity of every slice a patch did not touch', () => {
    const before = deepFreeze({ seats: [{ name: 'Ana' }, { name: 'Ben' }], board: { trick: [1, -1], turn: 1 } });
    const after = shareStructure(before, { seats: [{ name: 'Ana' }, { name: 'Ben' }], board: { trick: [1, 7], turn: 2 } });
    expect(after).not.toBe(before);
    expect(after.seats).toBe(before.seats);
    expect(after.board).not.toBe(before.board);
    expect(after.board.trick).toEqual([1, 7]);
    expect(after.board.trick).not.toBe(before.board.trick);
  });

  it('returns the previous root when nothing changed', () => {
    const before = deepFreeze({ a: [1, 2], b: { c: 'x' } });
    expect(shareStructure(before, { a: [1, 2], b: { c: 'x' } })).toBe(before);
  });

  it('sees added and removed keys and array length changes', () => {
    const before = deepFreeze({ hand: [1, 2, 3], extra: 1 } as Record<string, unknown>);
    const removed = shareStructure(before, { hand: [1, 2, 3] });
    expect(removed).not.toBe(before);
    expect(Object.keys(removed)).toEqual(['hand']);
    expect(removed.hand).toBe(before.hand);
    const shorter = shareStructure(before, { hand: [1, 2], extra: 1 });
    expect(shorter.hand).toEqual([1, 2]);
  });

  it('hands out frozen snapshots so no component can change what others share', () => {
    const next = shareStructure(null, deepFreeze({ seats: [{ name: 'Ana' }] }));
    expect(Object.isFrozen(next)).toBe(true);
    expect(Object.isFrozen(next.seats[0])).toBe(true);
  });
});
