/**
 * Dealing unknown cards to seats under constraints (shown voids), for the
 * games' `determinize`: a matching rather than a greedy deal, which voids can
 * paint into a corner.
 */
import type { Card } from './cards';
import type { Seat } from './game';

/**
 * Kuhn's augmenting-path matching of cards to seat slots. Returns, per slot,
 * the index of the card placed there (-1 if none). With consistent views every
 * slot is filled.
 */
export function matchCards(cards: readonly Card[], slotSeat: readonly Seat[], fits: (card: Card, seat: Seat) => boolean): number[] {
  const slotCard = new Array<number>(slotSeat.length).fill(-1);
  const tryPlace = (cardIndex: number, seen: boolean[]): boolean => {
    for (let slot = 0; slot < slotSeat.length; slot++) {
      if (seen[slot] || !fits(cards[cardIndex]!, slotSeat[slot]!)) continue;
      seen[slot] = true;
      const holder = slotCard[slot]!;
      if (holder < 0 || tryPlace(holder, seen)) {
        slotCard[slot] = cardIndex;
        return true;
      }
    }
    return false;
  };
  const seen = new Array<boolean>(slotSeat.length).fill(false);
  for (let i = 0; i < cards.length; i++) {
    seen.fill(false);
    tryPlace(i, seen);
  }
  return slotCard;
}
