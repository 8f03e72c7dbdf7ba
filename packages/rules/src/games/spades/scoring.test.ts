import { describe, expect, it } from 'vitest';
import { scoreHand, winnerOf } from './scoring';

const NO_BLIND = [false, false, false, false];

describe('Spades scoring', () => {
  it('[S-09] a side that makes its combined bid scores 10 a bid trick and 1 a bag', () => {
    // Side 0 bid 3 + 2 and took 4 + 3; side 1 bid 4 + 2 and took 3 + 3.
    const result = scoreHand([3, 4, 2, 2], NO_BLIND, [4, 3, 3, 3], [0, 0], [0, 0]);
    expect(result.contracts).toEqual([5, 6]);
    expect(result.tricks).toEqual([7, 6]);
    expect(result.points).toEqual([52, 60]);
    expect(result.bags).toEqual([2, 0]);
  });

  it('[S-09] a side that falls short loses 10 a bid trick, whichever partner took them', () => {
    const result = scoreHand([5, 3, 4, 1], NO_BLIND, [6, 2, 2, 3], [100, 100], [4, 4]);
    expect(result.points).toEqual([-90, 41]);
    expect(result.scores).toEqual([10, 141]);
    expect(result.bags).toEqual([4, 5]);
  });

  it('[S-05] [S-09] a failed nil\'s tricks still count for the partner\'s bid', () => {
    // Seat 0 bid nil and took 2; seat 2 bid 4 and took 2: the side's 4 is made, the nil fails.
    const result = scoreHand([0, 4, 4, 3], NO_BLIND, [2, 4, 2, 5], [0, 0], [0, 0]);
    expect(result.nil).toEqual([-100, 0, 0, 0]);
    expect(result.points).toEqual([40 - 100, 70 + 2]);
  });

  it('[S-10] nil made scores 100, blind nil 200, each beside the partner\'s own bid', () => {
    const made = scoreHand([0, 3, 5, 3], NO_BLIND, [0, 3, 6, 4], [0, 0], [0, 0]);
    expect(made.nil).toEqual([100, 0, 0, 0]);
    expect(made.points).toEqual([100 + 51, 61]);
    const blind = scoreHand([0, 3, 5, 3], [true, false, false, false], [0, 3, 6, 4], [0, 0], [0, 0]);
    expect(blind.points[0]).toBe(200 + 51);
    const blindFailed = scoreHand([0, 3, 5, 3], [true, false, false, false], [1, 3, 5, 4], [0, 0], [0, 0]);
    expect(blindFailed.nil[0]).toBe(-200);
    expect(blindFailed.points[0]).toBe(-200 + 51);
  });

  it('[S-09] a side whose players both bid nil has a bid of 0: its tricks are bags', () => {
    const result = scoreHand([0, 6, 0, 5], NO_BLIND, [0, 7, 1, 5], [0, 0], [0, 0]);
    expect(result.nil).toEqual([100, 0, -100, 0]);
    expect(result.points).toEqual([1, 111]);
    expect(result.bags).toEqual([1, 1]);
  });

  it('[S-11] every tenth bag costs 100, and the count starts again from what is left', () => {
    const result = scoreHand([1, 1, 1, 1], NO_BLIND, [6, 0, 6, 1], [200, 0], [8, 0]);
    // Side 0: 2 bid, 12 taken: 20 + 10 bags; 8 + 10 = 18 bags carried, one penalty, 8 left.
    expect(result.bagPenalty).toEqual([-100, 0]);
    expect(result.points).toEqual([20 + 10 - 100, -20]);
    expect(result.bags).toEqual([8, 0]);
  });

  it('[S-12] the game ends when a side reaches the target or falls to -200; the higher side wins; level plays on', () => {
    expect(winnerOf([480, 300], 500)).toBeNull();
    expect(winnerOf([510, 300], 500)).toBe(0);
    expect(winnerOf([510, 530], 500)).toBe(1);
    expect(winnerOf([310, 120], 300)).toBe(0);
    expect(winnerOf([100, -200], 500)).toBe(0);
    expect(winnerOf([-250, -210], 500)).toBe(1);
    expect(winnerOf([520, 520], 500)).toBeNull();
  });
});
