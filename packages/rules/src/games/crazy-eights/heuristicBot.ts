/**
 * A decent casual player, with no search: holds its 8s, follows the suit it
 * holds most, sheds expensive cards first and draws only when it must.
 */
import { rankOf, suitOf } from '../../cards';
import type { Card, Suit } from '../../cards';
import type { Bot } from '../../game';
import type { CrazyEightsMove, CrazyEightsView } from './state';
import { penaltyOf } from './scoring';

/** An opponent with this many cards or fewer may go out soon: get rid of the 50-point 8s. */
const DANGER_HAND = 2;

function suitCounts(hand: readonly Card[], skip: Card): number[] {
  const counts = [0, 0, 0, 0];
  for (const card of hand) {
    if (card === skip || rankOf(card) === 8) continue;
    counts[suitOf(card)]! += 1;
  }
  return counts;
}

function bestSuit(counts: readonly number[]): Suit {
  let best = 0;
  for (let s = 1; s < 4; s++) if (counts[s]! > counts[best]!) best = s;
  return best as Suit;
}

export const crazyEightsHeuristicBot: Bot<CrazyEightsView, CrazyEightsMove> = {
  id: 'heuristic',
  name: 'Casual',
  choose(view, legalMoves, rng) {
    const first = legalMoves[0];
    if (first === undefined) throw new RangeError('The heuristic bot needs at least one legal move');
    if (first.type === 'continue') return first;
    const hand = view.private?.hand ?? [];
    const seat = view.seat ?? -1;
    const danger = view.public.handCounts.some((count, s) => s !== seat && count <= DANGER_HAND);

    let bestPlain: CrazyEightsMove | null = null;
    let bestPlainScore = -Infinity;
    let eight: Card = -1;
    let canDraw = false;
    let canPass = false;
    for (const move of legalMoves) {
      switch (move.type) {
        case 'play': {
          if (rankOf(move.card) === 8) {
            eight = move.card;
            break;
          }
          // Staying in a long suit keeps later turns playable; among those, shed points.
          const counts = suitCounts(hand, move.card);
          const score = counts[suitOf(move.card)]! * 12 + penaltyOf(move.card) + rng.next() * 0.5;
          if (score > bestPlainScore) {
            bestPlainScore = score;
            bestPlain = move;
          }
          break;
        }
        case 'draw':
          canDraw = true;
          break;
        case 'pass':
          canPass = true;
          break;
        case 'continue':
          return move;
        default: {
          const unreachable: never = move;
          return unreachable;
        }
      }
    }
    const playEight = (): CrazyEightsMove => ({ type: 'play', card: eight, suit: bestSuit(suitCounts(hand, eight)) });
    if (eight >= 0 && (danger || bestPlain === null)) return playEight();
    if (bestPlain !== null) return bestPlain;
    if (canDraw) return { type: 'draw' };
    if (canPass) return { type: 'pass' };
    return first;
  },
};
