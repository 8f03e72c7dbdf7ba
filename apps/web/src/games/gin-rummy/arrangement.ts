/**
 * The player's own arrangement of their hand into groups. It lives only in
 * this browser: the rules score every hand by its best arrangement (G-05), so
 * how the cards are grouped on screen is the player's business.
 */
import { bestArrangement, ginCardValue, isMeld, sortCards, sortMeld, type Card } from '@deckhand/rules';

/** Groups the player made; cards in no group are loose (deadwood on screen). */
export type Groups = readonly (readonly Card[])[];

/** The best arrangement's melds, as the starting groups. */
export function suggestedGroups(hand: readonly Card[]): Groups {
  return bestArrangement(hand).melds;
}

/** Keeps the player's groups as the hand changes: cards gone are dropped, empty groups too. */
export function reconcile(groups: Groups, hand: readonly Card[]): Groups {
  const held = new Set(hand);
  return groups.map((group) => group.filter((card) => held.has(card))).filter((group) => group.length > 0);
}

/** Moves a card into group `target` (a new group when `target` is the group count); null target: loose. */
export function moveCard(groups: Groups, card: Card, target: number | null): Groups {
  const without = groups.map((group) => group.filter((other) => other !== card));
  if (target === null) return without.filter((group) => group.length > 0);
  const next = target >= without.length ? [...without, [card]] : without.map((group, i) => (i === target ? [...group, card] : group));
  return next.filter((group) => group.length > 0);
}

export function looseCards(groups: Groups, hand: readonly Card[]): Card[] {
  const grouped = new Set(groups.flat());
  return sortCards(hand.filter((card) => !grouped.has(card)));
}

/** A group shown in order: a meld as the rules lay it out, anything else by suit and rank. */
export function displayGroup(group: readonly Card[]): Card[] {
  return isMeld(group) ? sortMeld(group) : sortCards(group);
}

/** Deadwood of the arrangement on screen: every card that is not in a group forming a meld. */
export function shownDeadwood(groups: Groups, hand: readonly Card[]): number {
  const melded = new Set(groups.filter((group) => isMeld(group)).flat());
  return hand.reduce((total, card) => (melded.has(card) ? total : total + ginCardValue(card)), 0);
}
