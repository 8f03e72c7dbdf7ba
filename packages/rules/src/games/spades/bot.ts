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

/** The seat whose card is winning the trick so far; -1 before the lead. */
function winningSeat(trick: readonly Card[], leader: number): number {
  const lead = trick[leader]!;
  if (lead < 0) return -1;
  const led = suitCode(lead);
  let best = leader;
  for (let s = 0; s < SEATS; s++) {
    const card = trick[s]!;
    if (card >= 0 && beats(card, trick[best]!, led)) best = s;
  }
  return best;
}

/** Orders cards by worth to keep: off-suit below spades, then by rank. */
function cardValue(card: Card): number {
  return rankIndex(card) + (suitCode(card) === SPADES ? 13 : 0);
}

/**
 * The lowest (or highest) card among `plays` that wins the trick (`wanted`
 * true) or loses it (false), optionally only of `suit`; -1 when there is none.
 * Plain loops, no closures: a search bot calls this on every rollout move.
 */
function pick(plays: readonly Card[], best: Card, led: number, wanted: boolean, high: boolean, suit = -1): Card {
  let found = -1;
  for (let i = 0; i < plays.length; i++) {
    const card = plays[i]!;
    if (suit >= 0 && suitCode(card) !== suit) continue;
    if ((best < 0 || beats(card, best, led)) !== wanted) continue;
    if (found < 0 || (high ? cardValue(card) > cardValue(found) : cardValue(card) < cardValue(found))) found = card;
  }
  return found;
}

function lowest(plays: readonly Card[]): Card {
  let found = plays[0]!;
  for (let i = 1; i < plays.length; i++) if (cardValue(plays[i]!) < cardValue(found)) found = plays[i]!;
  return found;
}

function choosePlay(view: SpadesView, plays: readonly Card[]): Card {
  const pub = view.public;
  const seat = view.seat ?? 0;
  const partner = partnerOf(seat);
  const lead = pub.trick[pub.leader]!;
  const led = lead >= 0 ? suitCode(lead) : -1;
  const winner = winningSeat(pub.trick, pub.leader);
  const best = winner >= 0 ? pub.trick[winner]! : -1;

  if (winner < 0) {
    if (pub.bids[seat] === 0) return lowest(plays);
    // Leading: aces of side suits cash while the side needs tricks; otherwise a low card.
    if (sideNeeds(pub, seat)) {
      for (const card of plays) if (rankIndex(card) === ACE && suitCode(card) !== SPADES) return card;
    }
    return lowest(plays);
  }
  const highestLoser = pick(plays, best, led, false, true);
  // [S-10] Nil: never take a trick; shed the highest card that still loses.
  if (pub.bids[seat] === 0) return highestLoser >= 0 ? highestLoser : lowest(plays);
  const lowestWinner = pick(plays, best, led, true, false);
  // Covering a partner's nil: take the trick over the partner when the partner is winning it.
  if (pub.bids[partner] === 0 && winner === partner) return lowestWinner >= 0 ? lowestWinner : lowest(plays);
  // [S-09] The bid is made: tricks now are bags. Duck with the highest card that loses.
  if (!sideNeeds(pub, seat)) return highestLoser >= 0 ? highestLoser : lowest(plays);
  let played = 0;
  for (const card of pub.trick) if (card >= 0) played++;
  const lastToPlay = played === SEATS - 1;
  if (winner === partner && (lastToPlay || rankIndex(best) >= KING)) {
    const lowestLoser = pick(plays, best, led, false, false);
    return lowestLoser >= 0 ? lowestLoser : lowest(plays);
  }
  if (lowestWinner < 0) return lowest(plays);
  // The last to play wins as cheaply as it can; earlier, a trick is safer won high in the suit, or with a low trump.
  if (lastToPlay) return lowestWinner;
  const highInSuit = pick(plays, best, led, true, true, led);
  return highInSuit >= 0 ? highInSuit : lowestWinner;
}

/** Whether the seat's side has still to take tricks for its combined bid. */
function sideNeeds(pub: SpadesView['public'], seat: number): boolean {
  const partner = partnerOf(seat);
  const contract = Math.max(0, pub.bids[seat]!) + Math.max(0, pub.bids[partner]!);
  return pub.tricksWon[seat]! + pub.tricksWon[partner]! < contract;
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
          // Every legal move is a play in this phase.
          const plays: Card[] = [];
          for (const move of legalMoves) plays.push((move as Extract<SpadesMove, { type: 'play' }>).card);
          return legalMoves[plays.indexOf(choosePlay(view, plays))] ?? first;
        }
        default:
          return first;
      }
    },
  };
}
