/**
 * A decent casual player, with no search: takes the upcard when it melds or
 * lets it knock, discards its worst deadwood that does not feed the other
 * player's known cards, knocks when allowed unless it is late and the knock
 * is weak, and lays off whatever lowers its deadwood.
 */
import type { Card } from '../../cards';
import type { Bot } from '../../game';
import { bestArrangement, bestDiscard, cardValue, minDeadwood, runOrder } from './melds';
import { GinRummyPhase } from './state';
import type { GinRummyMove, GinRummyView } from './state';

/** Late in a hand the other player is close too: knock only with little deadwood (undercuts). */
const LATE_STOCK = 16;
const LATE_KNOCK_MAX = 6;

function related(a: Card, b: Card): boolean {
  if (a % 13 === b % 13) return true;
  return ((a / 13) | 0) === ((b / 13) | 0) && Math.abs(runOrder(a) - runOrder(b)) <= 2;
}

function without(hand: readonly Card[], card: Card): Card[] {
  return hand.filter((other) => other !== card);
}

/** Should we take the top of the discard pile? */
function takeUpcard(view: GinRummyView, hand: readonly Card[]): boolean {
  const pile = view.public.discard;
  const upcard = pile[pile.length - 1];
  if (upcard === undefined) return false;
  const now = minDeadwood(hand);
  const withUp = [...hand, upcard].sort((a, b) => a - b);
  const after = bestDiscard(withUp, upcard);
  if (after.card < 0) return false;
  const arranged = bestArrangement(without(withUp, after.card));
  if (arranged.melds.some((meld) => meld.includes(upcard))) return true;
  if (after.deadwood <= view.public.knockLimit && after.deadwood < now) return true;
  return now - after.deadwood >= 7 && cardValue(upcard) <= 3;
}

function chooseDiscard(view: GinRummyView, hand: readonly Card[], moves: readonly GinRummyMove[]): GinRummyMove {
  const seat = view.seat ?? 0;
  const theirs = view.public.taken.filter((_, i) => view.public.takenBy[i] !== seat);
  const deadwood = bestArrangement(hand).deadwood;
  let best: GinRummyMove = moves[0]!;
  let bestScore = Infinity;
  for (const move of moves) {
    if (move.type !== 'discard') continue;
    const card = move.card;
    const rest = without(hand, card);
    // Feeding a meld the other player is visibly building costs more than a few points of deadwood.
    const feeds = theirs.some((known) => related(known, card)) ? 6 : 0;
    // Deadwood cards that pair with others may become melds: keep them.
    const partners = deadwood.includes(card) ? deadwood.filter((other) => other !== card && related(other, card)).length : 0;
    const score = minDeadwood(rest) + feeds + 3 * partners;
    if (score < bestScore) {
      bestScore = score;
      best = move;
    }
  }
  return best;
}

export const ginRummyHeuristicBot: Bot<GinRummyView, GinRummyMove> = {
  id: 'heuristic',
  name: 'Casual',
  choose(view, legalMoves) {
    const first = legalMoves[0];
    if (first === undefined) throw new RangeError('The heuristic bot needs at least one legal move');
    if (legalMoves.length === 1) return first;
    const hand = view.private?.hand ?? [];
    switch (view.public.phase) {
      case GinRummyPhase.Draw: {
        const fromDiscard = legalMoves.find((move) => move.type === 'draw' && move.from === 'discard');
        const fromStock = legalMoves.find((move) => move.type === 'draw' && move.from === 'stock');
        if (fromDiscard && (!fromStock || takeUpcard(view, hand))) return fromDiscard;
        return fromStock ?? first;
      }
      case GinRummyPhase.Discard: {
        const gin = legalMoves.find((move) => move.type === 'bigGin') ?? legalMoves.find((move) => move.type === 'gin');
        if (gin) return gin;
        let knock: GinRummyMove | null = null;
        let knockDeadwood = Infinity;
        for (const move of legalMoves) {
          if (move.type !== 'knock') continue;
          const left = minDeadwood(without(hand, move.card));
          if (left < knockDeadwood) {
            knockDeadwood = left;
            knock = move;
          }
        }
        const late = view.public.stockCount < LATE_STOCK;
        if (knock && (!late || knockDeadwood <= LATE_KNOCK_MAX)) return knock;
        return chooseDiscard(view, hand, legalMoves);
      }
      case GinRummyPhase.Layoff: {
        const now = minDeadwood(hand);
        let best: GinRummyMove | null = null;
        let bestLeft = now;
        for (const move of legalMoves) {
          if (move.type !== 'layoff') continue;
          const left = minDeadwood(without(hand, move.card));
          if (left < bestLeft) {
            bestLeft = left;
            best = move;
          }
        }
        return best ?? legalMoves.find((move) => move.type === 'done') ?? first;
      }
      case GinRummyPhase.HandOver:
      case GinRummyPhase.GameOver:
        return first;
      default: {
        const unreachable: never = view.public.phase;
        return unreachable;
      }
    }
  },
};
