import { describe, expect, it } from 'vitest';
import { parseCards } from '@deckhand/rules';
import { looseCards, moveCard, reconcile, shownDeadwood, suggestedGroups } from './arrangement';

describe('gin rummy hand arrangement', () => {
  const hand = parseCards('7C 7D 7S 7H 8H 9H KC KD');

  it('starts from the best arrangement and counts its deadwood', () => {
    const groups = suggestedGroups(hand);
    expect(groups).toHaveLength(2);
    expect(shownDeadwood(groups, hand)).toBe(20);
    expect(looseCards(groups, hand)).toEqual(parseCards('KC KD'));
  });

  it('moving a card out of a meld breaks it: the deadwood on screen follows the player\'s arrangement', () => {
    const groups = suggestedGroups(hand);
    const runIndex = groups.findIndex((group) => group.includes(parseCards('8H')[0]!));
    const moved = moveCard(groups, parseCards('7H')[0]!, null);
    expect(shownDeadwood(moved, hand)).toBe(20 + 8 + 9 + 7);
    // Putting it back into the run makes the meld again.
    expect(shownDeadwood(moveCard(moved, parseCards('7H')[0]!, runIndex), hand)).toBe(20);
    // A new group of its own is not a meld.
    expect(moveCard(groups, parseCards('KC')[0]!, groups.length)).toHaveLength(3);
  });

  it('keeps the player\'s groups when a card leaves the hand', () => {
    const groups = suggestedGroups(hand);
    const after = reconcile(groups, hand.filter((card) => card !== parseCards('9H')[0]));
    expect(after.flat()).not.toContain(parseCards('9H')[0]);
    expect(after.flat()).toContain(parseCards('8H')[0]);
  });
});
