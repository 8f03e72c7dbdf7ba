import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCard, parseCards } from '../../cards';
import type { Card } from '../../cards';
import { bestArrangement, cardValue, deadwoodAfterDiscards, fitsMeld, isMeld, minDeadwood } from './melds';

const cards = (text: string): Card[] => parseCards(text);
const names = (melds: readonly (readonly Card[])[]): string[] => melds.map((meld) => meld.map(formatCard).join(' '));

/** Brute force: every way to give each card a meld slot or none, checked card by card. */
function bruteForce(hand: readonly Card[]): number {
  let best = Infinity;
  const assign = (index: number, groups: Card[][], deadwood: number): void => {
    if (index === hand.length) {
      if (groups.every((group) => isMeld(group))) best = Math.min(best, deadwood);
      return;
    }
    const card = hand[index]!;
    assign(index + 1, groups, deadwood + cardValue(card));
    for (const group of groups) {
      group.push(card);
      assign(index + 1, groups, deadwood);
      group.pop();
    }
    groups.push([card]);
    assign(index + 1, groups, deadwood);
    groups.pop();
  };
  assign(0, [], 0);
  return best;
}

describe('gin rummy melds', () => {
  it('[G-03] values: ace 1, pips face value, faces 10', () => {
    expect(cards('AS 2H 9D 10C JS QH KD').map(cardValue)).toEqual([1, 2, 9, 10, 10, 10, 10]);
  });

  it('[G-04] runs are ace low and one suit; sets are three or four of a rank', () => {
    expect(isMeld(cards('AS 2S 3S'))).toBe(true);
    expect(isMeld(cards('QS KS AS'))).toBe(false);
    expect(isMeld(cards('9H 10H JH QH KH'))).toBe(true);
    expect(isMeld(cards('9H 10H JD'))).toBe(false);
    expect(isMeld(cards('7C 7D 7S 7H'))).toBe(true);
    expect(isMeld(cards('7C 7D'))).toBe(false);
    expect(isMeld(cards('7C 7D 8S'))).toBe(false);
  });

  it('[G-05] a card shared by a set and a run goes where it saves most', () => {
    // 7H fits the sevens and the hearts run; using it in the run leaves 7C 7D 7S as a set too.
    const hand = cards('7C 7D 7S 7H 8H 9H KC KD');
    const best = bestArrangement(hand);
    expect(best.deadwoodValue).toBe(20);
    expect(names(best.melds).sort()).toEqual(['7C 7D 7S', '7H 8H 9H']);
  });

  it('[G-05] a four-card set gives up a card to a run when that melds more', () => {
    // Sets of 5s (four) vs 5H into 3H 4H 5H: 5C 5D 5S + 3H 4H 5H melds everything.
    const best = bestArrangement(cards('5C 5D 5S 5H 3H 4H KS QS'));
    expect(best.deadwoodValue).toBe(20);
    expect(best.melds).toHaveLength(2);
  });

  it('[G-05] a long run splits so both ends can join sets', () => {
    // As one run 4S-9S leaves 4C 4D 9C 9D; split as 4C 4D 4S + 5S-8S + 9S 9C 9D it melds everything.
    const hand = cards('4C 4D 4S 5S 6S 7S 8S 9S 9C 9D');
    expect(minDeadwood(hand)).toBe(0);
    expect(bestArrangement(hand).melds).toHaveLength(3);
  });

  it('[G-05] ten cards with two equal-deadwood arrangements give the same melds every time', () => {
    const hand = cards('AC 2C 3C 3D 3S 4C 5H 6H 7H KD');
    const first = bestArrangement(hand);
    expect(first.deadwoodValue).toBe(minDeadwood(hand));
    expect(bestArrangement(hand.slice().reverse()).deadwoodValue).toBe(first.deadwoodValue);
    expect(bestArrangement(hand)).toEqual(first);
  });

  it('[G-05] big gin: eleven cards all melded', () => {
    expect(minDeadwood(cards('AH 2H 3H 4H 9C 9D 9S JC JD JS JH'))).toBe(0);
  });

  it('[G-05] the search agrees with brute force on random hands', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 51 }), { minLength: 3, maxLength: 8 }), (hand) => {
        expect(minDeadwood(hand)).toBe(bruteForce(hand));
      }),
      { numRuns: 120, seed: 11 },
    );
  });

  it('[G-05] dense hands (few suits, close ranks) agree with brute force', () => {
    // Clustered hands are where sets and runs overlap; random 52-card hands rarely are.
    const dense = fc.uniqueArray(fc.integer({ min: 0, max: 7 }).chain((rank) => fc.constantFrom(rank, rank + 13, rank + 26, rank + 39)), {
      minLength: 6, maxLength: 8,
    });
    fc.assert(fc.property(dense, (hand) => {
      expect(minDeadwood(hand)).toBe(bruteForce(hand));
    }), { numRuns: 100, seed: 12 });
  });

  it('[G-08] deadwood after each discard matches a search of the hand without it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 51 }), { minLength: 11, maxLength: 11 }), (hand) => {
        const outlook = deadwoodAfterDiscards(hand);
        hand.forEach((card, i) => expect(outlook.after[i]).toBe(minDeadwood(hand.filter((other) => other !== card))));
        expect(outlook.whole).toBe(minDeadwood(hand));
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('[G-13] a card fits a meld when the meld with it is still one', () => {
    expect(fitsMeld(cards('8H')[0]!, cards('5H 6H 7H'))).toBe(true);
    expect(fitsMeld(cards('4H')[0]!, cards('5H 6H 7H'))).toBe(true);
    expect(fitsMeld(cards('9H')[0]!, cards('5H 6H 7H'))).toBe(false);
    expect(fitsMeld(cards('8S')[0]!, cards('5H 6H 7H'))).toBe(false);
    expect(fitsMeld(cards('KH')[0]!, cards('KC KD KS'))).toBe(true);
    expect(fitsMeld(cards('AH')[0]!, cards('QH KH JH'))).toBe(false);
  });
});
