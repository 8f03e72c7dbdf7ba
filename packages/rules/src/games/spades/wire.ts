/**
 * What a Spades client computes instead of receiving. The server sends one
 * field the view does not have, carried from move to move: `plays`, the cards
 * of this hand in the order they were played (the first trick is led by the
 * dealer's left [S-07], and each trick's winner leads the next). From it and
 * the rules a client computes the trick on the table, the last trick and its
 * winner, who took which card, tricks taken, hand sizes, the leader, spades
 * broken and whose turn it is. A card play then adds one entry to one list,
 * and a deal sends no 52 "not taken yet" entries.
 */
import { Suit } from '../../cards';
import type { WireRecord } from '../../game';
import { inPlayOrder, sentBooleans, sentNumber, sentNumbers } from '../../wire';
import type { PublicWire } from '../../wire';
import { HAND_SIZE, SEATS, SpadesPhase, trickWinner } from './rules';

const DECK = SEATS * HAND_SIZE;

function suitOfCard(card: number): number {
  return (card / HAND_SIZE) | 0;
}

/** Each trick by seat (the one on the table with -1 holes), and each complete trick's winner. */
function replay(plays: readonly number[], opener: number) {
  const tricks: number[][] = [];
  const winners: number[] = [];
  let leader = opener;
  for (let start = 0; start < plays.length; start += SEATS) {
    const trick = new Array<number>(SEATS).fill(-1);
    for (let offset = 0; offset < SEATS && start + offset < plays.length; offset++) trick[(leader + offset) % SEATS] = plays[start + offset]!;
    tricks.push(trick);
    if (trick.some((card) => card < 0)) break;
    // [S-07] Spades trump; the winner leads the next trick.
    leader = trickWinner(trick, leader);
    winners.push(leader);
  }
  return { tricks, winners, leader };
}

function deriveSpades(sent: WireRecord): WireRecord {
  const plays = sentNumbers(sent, 'plays');
  const opener = (sentNumber(sent, 'dealer', () => 0) + 1) % SEATS;
  const { tricks, winners, leader: next } = replay(plays, opener);
  const tricksPlayed = sentNumber(sent, 'tricksPlayed', () => winners.length);
  const emptyTrick = [-1, -1, -1, -1];
  const trick = Array.isArray(sent['trick']) ? sentNumbers(sent, 'trick') : (tricks[tricksPlayed] ?? emptyTrick);
  const lastTrick = Array.isArray(sent['lastTrick']) ? sentNumbers(sent, 'lastTrick') : (tricks[tricksPlayed - 1] ?? emptyTrick);
  const wonBy = new Array<number>(DECK).fill(-1);
  const tricksWon = [0, 0, 0, 0];
  winners.forEach((winner, index) => {
    tricksWon[winner]!++;
    for (const card of tricks[index]!) wonBy[card] = winner;
  });
  const lastTrickWinner = sentNumber(sent, 'lastTrickWinner', () => winners[tricksPlayed - 1] ?? -1);
  const leader = sentNumber(sent, 'leader', () => (tricksPlayed > 0 ? lastTrickWinner : next));
  const phase = sent['phase'];
  const bids = sentNumbers(sent, 'bids');
  const continued = sentBooleans(sent, 'continued');
  const inTrick = trick.filter((card) => card >= 0).length;
  let active: number[];
  switch (phase) {
    case SpadesPhase.Bidding:
      // [S-04] Once round from the dealer's left.
      active = [(opener + bids.filter((bid) => bid !== -1).length) % SEATS];
      break;
    case SpadesPhase.Playing:
      active = [(leader + inTrick) % SEATS];
      break;
    case SpadesPhase.HandOver:
      active = [0, 1, 2, 3].filter((seat) => !continued[seat]);
      break;
    default:
      active = [];
  }
  return {
    trick,
    lastTrick,
    lastTrickWinner,
    leader,
    tricksPlayed,
    wonBy,
    tricksWon,
    // [S-08] Any spade played this hand breaks spades.
    spadesBroken: plays.some((card) => suitOfCard(card) === Suit.Spades),
    handCounts: [0, 1, 2, 3].map((seat) => HAND_SIZE - tricksPlayed - ((trick[seat] ?? -1) >= 0 ? 1 : 0)),
    active,
  };
}

/**
 * `plays` for this view: the previous ones' tricks before the last trick (a
 * new hand starts empty), then the last trick and the trick on the table in
 * play order. A history that does not reach back that far only costs bytes
 * (the derived fields then travel).
 */
function carrySpades(view: WireRecord, previous: WireRecord | null): WireRecord {
  const sameHand = previous !== null && previous['handNumber'] === view['handNumber'];
  const tricksPlayed = sentNumber(view, 'tricksPlayed', () => 0);
  const before = sameHand ? sentNumbers(previous, 'plays') : [];
  const plays = before.slice(0, SEATS * Math.max(0, tricksPlayed - 1));
  const opener = (sentNumber(view, 'dealer', () => 0) + 1) % SEATS;
  if (tricksPlayed > 0) plays.push(...inPlayOrder(sentNumbers(view, 'lastTrick'), replay(plays, opener).leader));
  plays.push(...inPlayOrder(sentNumbers(view, 'trick'), sentNumber(view, 'leader', () => -1)));
  return { plays };
}

export const spadesWire: PublicWire = {
  derivedKeys: [
    'tricksPlayed', 'trick', 'lastTrick', 'lastTrickWinner', 'leader', 'wonBy', 'tricksWon', 'spadesBroken', 'handCounts', 'active',
  ],
  derive: deriveSpades,
  carry: carrySpades,
  carriedKeys: ['plays'],
};
