import { describe, expect, it } from 'vitest';
import { playerOfNewTop } from './flyFromSeat';

describe('playerOfNewTop', () => {
  it('names the seat whose hand shrank by the card the pile gained', () => {
    expect(playerOfNewTop({ pile: 3, handCounts: [5, 7, 6] }, { pile: 4, handCounts: [5, 6, 6] })).toBe(1);
  });

  it('names nobody for a draw, a reshuffle, a new deal or the first board seen', () => {
    expect(playerOfNewTop({ pile: 3, handCounts: [5, 7] }, { pile: 3, handCounts: [6, 7] })).toBeNull();
    expect(playerOfNewTop({ pile: 30, handCounts: [5, 7] }, { pile: 1, handCounts: [5, 7] })).toBeNull();
    expect(playerOfNewTop({ pile: 20, handCounts: [0, 3] }, { pile: 1, handCounts: [7, 7] })).toBeNull();
    expect(playerOfNewTop(null, { pile: 1, handCounts: [7, 7] })).toBeNull();
  });
});
