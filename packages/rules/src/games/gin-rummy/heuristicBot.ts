/**
 * A decent casual player, with no search: takes the upcard when it melds or
 * lets it knock, discards its worst deadwood that does not feed the other
 * player's known cards, knocks when allowed unless it is late and the knock
 * is weak, and lays off whatever lowers its deadwood.
 */
import type { Card } from '../../cards';
import type { Bot } from '../../game';
import { cardValue, deadwoodAfterDiscards, runOrder } from './melds';
import type { DiscardOutlook } from './melds';
import { GinRummyPhase } from './state';
import type { GinRummyMove, GinRummyView } from './state';

/** Late in a hand the other player is close too: knock only with little deadwood (undercuts). */
const LATE_STOCK = 16;
const LATE_KNOCK_MAX = 6;

function related(a: Card, b: Card): boolean {
  if (a % 13 === b % 13) return true;
  return ((a / 13) | 0) === ((b / 13) | 0) && Math.abs(runOrder(a) - runOrder(b)) <= 2;
}

/** Should we take the top of the discard pile? One search of the hand with it decides. */
function takeUpcard(view: GinRummyView, hand: readonly Card[]): boolean {
  const pile = view.public.discard;
  const upcard = pile[pile.length - 1];
  if (upcard === undefined) return false;
  const withUp = [...hand, upcard];
  const outlook = deadwoodAfterDiscards(withUp);
  const up = withUp.length - 1;
  // It makes or extends a meld.
  if (outlook.melded[up]) return true;
  // Unmelded, it would be kept only to throw a worse card: the hand without it is
  // exactly its deadwood less its value (`now`), and the best throw leaves `after`.
  const now = outlook.after[up]!;
  let after = Infinity;
  for (let i = 0; i < up; i++) after = Math.min(after, outlook.after[i]!);
  if (after <= view.public.knockLimit && after < now) return true;
  return now - after >= 7 && cardValue(upcard) <= 3;
}

function chooseDiscard(view: GinRummyView, hand: readonly Card[], moves: readonly GinRummyMove[], outlook: DiscardOutlook): GinRummyMove {
  const seat = view.seat ?? 0;
  const pub = view.public;
  let best: GinRummyMove = moves[0]!;
  let bestScore = Infinity;
  for (const move of moves) {
    if (move.type !== 'discard') continue;
    const card = move.card;
    const position = hand.indexOf(card);
    // Breaking a meld is a last resort (and `after` is only a bound for melded cards).
    let score = outlook.after[position]! + (outlook.melded[position] ? 100 : 0);
    // Feeding a meld the other player is visibly building costs more than a few points of deadwood.
    for (let i = 0; i < pub.taken.length; i++) {
      if (pub.takenBy[i] !== seat && related(pub.taken[i]!, card)) {
        score += 6;
        break;
      }
    }
    // Deadwood cards that pair with others may become melds: keep them.
    if (!outlook.melded[position]) {
      for (let i = 0; i < hand.length; i++) if (i !== position && !outlook.melded[i] && related(hand[i]!, card)) score += 3;
    }
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
        // The limit the rules listed the moves with: the same answer, from the cache.
        const outlook = deadwoodAfterDiscards(hand, view.public.knockLimit);
        let knock: GinRummyMove | null = null;
        let knockDeadwood = Infinity;
        for (const move of legalMoves) {
          if (move.type !== 'knock') continue;
          const left = outlook.after[hand.indexOf(move.card)]!;
          if (left < knockDeadwood) {
            knockDeadwood = left;
            knock = move;
          }
        }
        const late = view.public.stockCount < LATE_STOCK;
        if (knock && (!late || knockDeadwood <= LATE_KNOCK_MAX)) return knock;
        return chooseDiscard(view, hand, legalMoves, outlook);
      }
      case GinRummyPhase.Layoff: {
        // Laying off a card of our deadwood lowers it by the card's value; a melded card rarely helps.
        const { whole, after } = deadwoodAfterDiscards(hand);
        let best: GinRummyMove | null = null;
        let bestLeft = whole;
        for (const move of legalMoves) {
          if (move.type !== 'layoff') continue;
          const left = after[hand.indexOf(move.card)]!;
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
