/**
 * The Spades heuristic bot (the `normal` level): bids the tricks its high
 * cards and spade length should take, bids nil with a hand that cannot take
 * one, and in play takes the tricks its side still needs, ducks once the bid
 * is made (bags cost), keeps a nil bidder under every trick and covers a
 * partner's nil. It reads only its seat's view.
 */
import { Suit } from '../../cards';
import type { Card } from '../../cards';
import type { Bot } from '../../game';
import { HAND_SIZE, SEATS, beats, partnerOf } from './rules';
import type { SpadesMove } from './rules';
import type { SpadesView } from './views';

const SPADES: number = Suit.Spades;
const ACE = 12;
const KING = 11;
const QUEEN = 10;

function suitCode(card: Card): number {
  return (card / 13) | 0;
}

function rankIndex(card: Card): number {
  return card % 13;
}

/** [S-04] Tricks the hand should take: sure high cards, long spades, and ruffs of short side suits. */
export function estimateTricks(hand: readonly Card[]): number {
  const bySuit: Card[][] = [[], [], [], []];
  for (const card of hand) bySuit[suitCode(card)]!.push(card);
  let tricks = 0;
  const spades = bySuit[SPADES]!.length;
  for (let suit = 0; suit < 4; suit++) {
    const cards = bySuit[suit]!;
    const ranks = new Set(cards.map(rankIndex));
    if (suit === SPADES) {
      if (ranks.has(ACE)) tricks += 1;
      if (ranks.has(KING) && cards.length >= 2) tricks += 0.9;
      if (ranks.has(QUEEN) && cards.length >= 3) tricks += 0.7;
      // Spades past the third are trumps that take tricks late in the hand.
      tricks += Math.max(0, cards.length - 3) * 0.9;
    } else {
      if (ranks.has(ACE)) tricks += cards.length <= 5 ? 1 : 0.7;
      if (ranks.has(KING) && cards.length >= 2 && cards.length <= 4) tricks += 0.7;
      // A short side suit lets spades ruff.
      if (cards.length <= 1 && spades >= 3) tricks += cards.length === 0 ? 0.8 : 0.5;
    }
  }
  return tricks;
}

/** [S-05] A hand fit for nil: no ace or king, few and low spades, no long suit without low cards. */
export function nilWorthy(hand: readonly Card[]): boolean {
  let spades = 0;
  for (const card of hand) {
    const rank = rankIndex(card);
    if (rank >= KING) return false;
    if (suitCode(card) === SPADES) {
      spades++;
      if (rank >= 8) return false; // ten of spades or higher
    }
  }
  if (spades > 3) return false;
  return estimateTricks(hand) < 1.2;
}

function chooseBid(view: SpadesView): number {
  const hand = view.private?.hand ?? [];
  const seat = view.seat ?? 0;
  const partnerBid = view.public.bids[partnerOf(seat)]!;
  if (partnerBid !== 0 && nilWorthy(hand)) return 0;
  let estimate = estimateTricks(hand);
  // Covering a partner's nil takes a trick or so more than the cards alone.
  if (partnerBid === 0) estimate += 0.5;
  return Math.max(1, Math.min(HAND_SIZE, Math.round(estimate)));
}

/** The card currently winning the trick, and its seat. */
function winning(trick: readonly Card[], leader: number): { card: Card; seat: number } | null {
  const lead = trick[leader]!;
  if (lead < 0) return null;
  let best = leader;
  for (let s = 0; s < SEATS; s++) {
    const card = trick[s]!;
    if (card >= 0 && beats(card, trick[best]!, suitCode(lead))) best = s;
  }
  return { card: trick[best]!, seat: best };
}

function lowest(cards: readonly Card[]): Card {
  // Off-suit before spades, then the lowest rank: a spade is worth keeping.
  return cards.reduce((best, card) => (cardValue(card) < cardValue(best) ? card : best));
}

function highest(cards: readonly Card[]): Card {
  return cards.reduce((best, card) => (cardValue(card) > cardValue(best) ? card : best));
}

function cardValue(card: Card): number {
  return rankIndex(card) + (suitCode(card) === SPADES ? 13 : 0);
}

function choosePlay(view: SpadesView, plays: readonly Card[]): Card {
  const pub = view.public;
  const seat = view.seat ?? 0;
  const partner = partnerOf(seat);
  const lead = pub.trick[pub.leader]!;
  const led = lead >= 0 ? suitCode(lead) : -1;
  const current = winning(pub.trick, pub.leader);
  const wins = (card: Card): boolean => current === null || beats(card, current.card, led);
  const winners = plays.filter(wins);
  const losers = plays.filter((card) => !wins(card));

  // [S-10] Nil: never take a trick; shed the highest card that still loses.
  if (pub.bids[seat] === 0) {
    if (current === null) return lowest(plays);
    return losers.length > 0 ? highest(losers) : lowest(plays);
  }
  const playedThisTrick = pub.trick.filter((card) => card >= 0).length;
  const lastToPlay = playedThisTrick === SEATS - 1;
  // Covering a partner's nil: take the trick over the partner when the partner is winning it.
  if (pub.bids[partner] === 0 && current !== null && current.seat === partner) {
    return winners.length > 0 ? lowest(winners) : lowest(plays);
  }
  const contract = [seat, partner].reduce((n, s) => n + Math.max(0, pub.bids[s]!), 0);
  const taken = pub.tricksWon[seat]! + pub.tricksWon[partner]!;
  const needed = contract - taken;

  if (current === null) {
    // Leading: aces of side suits cash; otherwise low from the longest side suit (or spades once broken).
    const aces = plays.filter((card) => rankIndex(card) === ACE && suitCode(card) !== SPADES);
    if (needed > 0 && aces.length > 0) return aces[0]!;
    return lowest(plays);
  }
  if (needed <= 0) {
    // [S-09] The bid is made: tricks now are bags. Duck with the highest card that loses.
    return losers.length > 0 ? highest(losers) : lowest(plays);
  }
  if (current.seat === partner && (lastToPlay || rankIndex(current.card) >= KING)) {
    return losers.length > 0 ? lowest(losers) : lowest(plays);
  }
  if (winners.length === 0) return lowest(plays);
  // The last to play wins as cheaply as it can; earlier, a trick is safer won high in the suit, or with a low trump.
  if (lastToPlay) return lowest(winners);
  const following = winners.filter((card) => suitCode(card) === led);
  return following.length > 0 ? highest(following) : lowest(winners);
}

export function spadesHeuristicBot(): Bot<SpadesView, SpadesMove> {
  return {
    id: 'heuristic',
    name: 'Heuristic',
    choose(view, legalMoves, rng) {
      const first = legalMoves[0];
      if (first === undefined) throw new Error('spades heuristic: no legal move');
      if (legalMoves.length === 1) return first;
      switch (first.type) {
        case 'bid': {
          const bid = chooseBid(view);
          return legalMoves.find((move) => move.type === 'bid' && move.tricks === bid) ?? first;
        }
        case 'blindNil':
        case 'look':
          // Blind nil is a gamble this bot leaves to people: it looks at its cards.
          return legalMoves.find((move) => move.type === 'look') ?? rng.pick(legalMoves);
        case 'play': {
          const plays = legalMoves.filter((move): move is Extract<SpadesMove, { type: 'play' }> => move.type === 'play').map((move) => move.card);
          const card = choosePlay(view, plays);
          return legalMoves.find((move) => move.type === 'play' && move.card === card) ?? first;
        }
        default:
          return first;
      }
    },
  };
}
