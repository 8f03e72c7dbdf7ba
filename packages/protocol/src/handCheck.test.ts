import { describe, expect, it } from 'vitest';
import { ownHandDisagrees } from './handCheck';
import { snapshotFromState } from './snapshot';
import type { TableStateJson } from './snapshot';

function table(hand: number[], counts: number[], phase = 'playing'): TableStateJson {
  return {
    phase,
    board: { list: { handCounts: { items: counts } } },
    hands: { '1': { seat: 1, list: { hand: { items: hand } } } },
  } as unknown as TableStateJson;
}

describe('ownHandDisagrees', () => {
  it('is false while the decoded hand has as many cards as the board counts for the seat', () => {
    expect(ownHandDisagrees(snapshotFromState(table([3, 9], [5, 2, 4])))).toBe(false);
  });
  it('is true when the decoded hand kept a card the board no longer counts', () => {
    expect(ownHandDisagrees(snapshotFromState(table([3, 9, 12], [5, 2, 4])))).toBe(true);
  });
  it('is false for a spectator and outside a game', () => {
    expect(ownHandDisagrees(snapshotFromState({ phase: 'playing', board: { list: { handCounts: { items: [1, 2] } } } } as unknown as TableStateJson))).toBe(false);
    expect(ownHandDisagrees(snapshotFromState(table([3, 9, 12], [5, 2, 4], 'gameOver')))).toBe(false);
  });
});
