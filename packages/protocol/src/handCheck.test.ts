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

/** A Spades table in bidding seen from seat 1, whose side trails: `looked` says whether seat 1 turned its cards up. */
function spadesBidding(hand: number[], looked: boolean): TableStateJson {
  return {
    gameId: 'spades',
    phase: 'playing',
    board: {
      str: { phase: 'bidding' },
      list: { handCounts: { items: [13, 13, 13, 13] }, bids: { items: [-1, -1, -1, -1] } },
      flags: { looked: { items: [1, looked ? 1 : 0, 1, 1] } },
    },
    hands: { '1': { seat: 1, list: { hand: { items: hand } }, flag: { canBlindNil: !looked } } },
  } as unknown as TableStateJson;
}

const THIRTEEN = [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48];

describe('ownHandDisagrees', () => {
  it('[S-06] is false for a Spades hand face down before a blind nil is decided, true if it shows cards then', () => {
    expect(ownHandDisagrees(snapshotFromState(spadesBidding([], false)))).toBe(false);
    expect(ownHandDisagrees(snapshotFromState(spadesBidding(THIRTEEN, false)))).toBe(true);
  });
  it('[S-06] expects the whole Spades hand once its player looked', () => {
    expect(ownHandDisagrees(snapshotFromState(spadesBidding(THIRTEEN, true)))).toBe(false);
    expect(ownHandDisagrees(snapshotFromState(spadesBidding([], true)))).toBe(true);
  });

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
