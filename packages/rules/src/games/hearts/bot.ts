/**
 * A casual-player Hearts bot: no search, a few rules of thumb over its own
 * view. It passes danger (high spades when spade-short, high hearts, high
 * cards of short suits), ducks under the trick's winner, dumps the queen of
 * spades and high hearts when void, and leads low from long suits.
 */
import { Rank, Suit, rankOf, suitOf } from '../../cards';
import type { Card } from '../../cards';
import type { Bot } from '../../game';
import { QUEEN_OF_SPADES, SEATS, cardPoints } from './state';
import type { HeartsMove } from './state';
import type { HeartsView } from './views';

const KING_OF_SPADES: Card = QUEEN_OF_SPADES + 1;
const ACE_OF_SPADES: Card = QUEEN_OF_SPADES + 2;

function suitCounts(hand: readonly Card[]): number[] {
  const counts = [0, 0, 0, 0];
  for (const card of hand) counts[suitOf(card)]! += 1;
  return counts;
}

/** How much the bot wants to get rid of a card when passing. */
function passDanger(card: Card, counts: readonly number[]): number {
  const suit = suitOf(card);
  const rank = rankOf(card);
  if (suit === Suit.Spades) {
    const spadeShort = counts[Suit.Spades]! < 5;
    if (card === QUEEN_OF_SPADES) return spadeShort ? 100 : 0;
    if (rank >= Rank.King) return spadeShort ? 90 + rank : 5;
    return rank / 4; // low spades protect the queen: keep them
  }
  if (suit === Suit.Hearts) return rank >= Rank.Ten ? 40 + rank : rank;
  // High cards of short suits: passing them also works towards a void.
  return rank * 2 + (counts[suit]! <= 3 ? 12 - counts[suit]! * 2 : 0);
}

function choosePass(hand: readonly Card[]): Card[] {
  const counts = suitCounts(hand);
  return hand
    .map((card) => ({ card, danger: passDanger(card, counts) }))
    .sort((a, b) => b.danger - a.danger || b.card - a.card)
    .slice(0, 3)
    .map((entry) => entry.card);
}

function choosePlay(view: HeartsView, plays: readonly Card[]): Card {
  const pub = view.public;
  const hand = view.private?.hand ?? plays;
  const lead = pub.trick[pub.leader]!;
  const queenOut = pub.wonBy[QUEEN_OF_SPADES]! >= 0 || pub.trick.includes(QUEEN_OF_SPADES);
  const counts = suitCounts(hand);
  const highest = (cards: readonly Card[]): Card => cards.reduce((a, b) => (rankOf(b) > rankOf(a) ? b : a));
  const lowest = (cards: readonly Card[]): Card => cards.reduce((a, b) => (rankOf(b) < rankOf(a) ? b : a));

  if (lead < 0) {
    // Lead low from long suits; keep away from spades while the queen can still fall on us.
    const holdsQueen = hand.includes(QUEEN_OF_SPADES);
    let best = plays[0]!;
    let bestScore = Infinity;
    for (const card of plays) {
      const suit = suitOf(card);
      let score = rankOf(card) * 2 - counts[suit]!;
      if (suit === Suit.Spades && !queenOut) {
        if (holdsQueen || card === KING_OF_SPADES || card === ACE_OF_SPADES) score += 40;
        else if (rankOf(card) < Rank.Queen) score -= 6; // flush the queen out with a low spade
      }
      if (suit === Suit.Hearts) score += 10;
      if (score < bestScore) {
        bestScore = score;
        best = card;
      }
    }
    return best;
  }

  const led = suitOf(lead);
  let winning = lead;
  let trickPoints = 0;
  let played = 0;
  for (let s = 0; s < SEATS; s++) {
    const card = pub.trick[s]!;
    if (card < 0) continue;
    played += 1;
    trickPoints += cardPoints(card, pub.jackOfDiamonds);
    if (suitOf(card) === led && card > winning) winning = card;
  }
  const last = played === SEATS - 1;
  const following = plays.filter((card) => suitOf(card) === led);
  if (following.length > 0) {
    const ducks = following.filter((card) => card < winning);
    if (ducks.length > 0) return highest(ducks);
    if (last && trickPoints <= 0) {
      // The trick is ours and clean: win it with the highest card, but never with the queen.
      const safe = following.filter((card) => card !== QUEEN_OF_SPADES);
      return safe.length > 0 ? highest(safe) : highest(following);
    }
    const safe = following.filter((card) => card !== QUEEN_OF_SPADES);
    return safe.length > 0 ? lowest(safe) : lowest(following);
  }

  // Void in the led suit: unload danger.
  if (plays.includes(QUEEN_OF_SPADES)) return QUEEN_OF_SPADES;
  if (!queenOut && !hand.includes(QUEEN_OF_SPADES)) {
    if (plays.includes(ACE_OF_SPADES)) return ACE_OF_SPADES;
    if (plays.includes(KING_OF_SPADES)) return KING_OF_SPADES;
  }
  const hearts = plays.filter((card) => suitOf(card) === Suit.Hearts);
  if (hearts.length > 0) return highest(hearts);
  // The highest card of the shortest suit gets us closer to another void.
  let best = plays[0]!;
  let bestScore = -Infinity;
  for (const card of plays) {
    const score = rankOf(card) * 2 - counts[suitOf(card)]! * 3;
    if (score > bestScore) {
      bestScore = score;
      best = card;
    }
  }
  return best;
}

export function heartsHeuristicBot(): Bot<HeartsView, HeartsMove> {
  return {
    id: 'heuristic',
    name: 'Casual',
    choose(view, legalMoves, rng) {
      const first = legalMoves[0];
      if (first === undefined) throw new Error('The heuristic bot was asked to move with no legal moves.');
      switch (first.type) {
        case 'continue':
          return first;
        case 'pass': {
          const hand = view.private?.hand ?? [];
          return hand.length >= 3 ? { type: 'pass', cards: choosePass(hand) } : rng.pick(legalMoves);
        }
        case 'play': {
          const plays: Card[] = [];
          for (const move of legalMoves) if (move.type === 'play') plays.push(move.card);
          const card = choosePlay(view, plays);
          return legalMoves.find((m) => m.type === 'play' && m.card === card) ?? first;
        }
        default: {
          const never: never = first;
          return never;
        }
      }
    },
  };
}
