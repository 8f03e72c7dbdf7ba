import { rankOf } from '../../cards';
import type { Card } from '../../cards';

/** [C8-11] Penalty value of a card left in a hand: 8 = 50, K/Q/J = 10, ace = 1, others face value. */
export function penaltyOf(card: Card): number {
  const rank = rankOf(card);
  if (rank === 8) return 50;
  if (rank === 14) return 1;
  if (rank >= 11) return 10;
  return rank;
}

export function handPenalty(hand: readonly Card[]): number {
  let total = 0;
  for (let i = 0; i < hand.length; i++) total += penaltyOf(hand[i]!);
  return total;
}
