/**
 * What a Hearts client computes instead of receiving. The server sends two
 * fields the view does not have, carried from move to move: `plays`, the
 * cards of this hand in the order they were played, and `opener`, the seat
 * that led the first trick (-1 before it is known). From them and the rules,
 * a client computes the trick on the table, the last trick, who took which
 * card, the leader, hearts broken, shown voids, whose turn it is, hand sizes,
 * tricks and points taken. A card play then adds one entry to one list,
 * whether or not it ends the trick, and a new hand empties the list in one
 * operation.
 */
import type { WireRecord } from '../../game';
import { inPlayOrder, sentBooleans, sentNumber, sentNumbers } from '../../wire';
import type { PublicWire } from '../../wire';
import { HAND_SIZE, HeartsPhase, SEATS, cardPoints, isPointCard, passDirectionOf } from './state';

const PASS_SIZE = 3;
const DECK = SEATS * HAND_SIZE;

function suitOfCard(card: number): number {
  return (card / HAND_SIZE) | 0;
}

/** [H-09] The highest card of the led suit takes the trick. */
function winnerOf(trick: readonly number[], leader: number): number {
  const led = suitOfCard(trick[leader]!);
  let best = leader;
  for (let seat = 0; seat < SEATS; seat++) {
    const card = trick[seat]!;
    if (card >= 0 && suitOfCard(card) === led && card > trick[best]!) best = seat;
  }
  return best;
}

/**
 * What the ordered plays say about the hand so far: each trick by seat (a
 * trick not yet complete has -1 holes), the leader of every trick begun and
 * of the next one, and the winner of every complete trick.
 */
function replay(plays: readonly number[], opener: number) {
  const tricks: number[][] = [];
  const leaders: number[] = [opener];
  const winners: number[] = [];
  for (let start = 0; start < plays.length && opener >= 0; start += SEATS) {
    const leader = leaders[leaders.length - 1]!;
    const trick = new Array<number>(SEATS).fill(-1);
    // Play goes round the table from the leader.
    for (let offset = 0; offset < SEATS && start + offset < plays.length; offset++) trick[(leader + offset) % SEATS] = plays[start + offset]!;
    tricks.push(trick);
    if (trick.some((card) => card < 0)) break;
    const winner = winnerOf(trick, leader);
    winners.push(winner);
    // [H-09] The winner of a trick leads the next.
    leaders.push(winner);
  }
  return { tricks, leaders, winners };
}

function deriveHearts(sent: WireRecord): WireRecord {
  const plays = sentNumbers(sent, 'plays');
  const { tricks, leaders, winners } = replay(plays, sentNumber(sent, 'opener', () => -1));
  let wonBy: readonly number[];
  if (Array.isArray(sent['wonBy'])) {
    wonBy = sentNumbers(sent, 'wonBy');
  } else {
    const taken = new Array<number>(DECK).fill(-1);
    winners.forEach((winner, trick) => {
      for (let offset = 0; offset < SEATS; offset++) taken[plays[trick * SEATS + offset]!] = winner;
    });
    wonBy = taken;
  }
  const phase = sent['phase'];
  const seats = Array.from({ length: SEATS }, (_, seat) => seat);
  const jackOfDiamonds = sent['jackOfDiamonds'] === true;
  // One pass over the deck: cards and points each seat took this hand.
  const taken = seats.map(() => 0);
  const handPoints = seats.map(() => 0);
  let cardsTaken = 0;
  for (let card = 0; card < wonBy.length; card++) {
    const taker = wonBy[card]!;
    if (taker < 0 || taker >= SEATS) continue;
    taken[taker]!++;
    handPoints[taker]! += cardPoints(card, jackOfDiamonds);
    cardsTaken++;
  }
  const tricksPlayed = sentNumber(sent, 'tricksPlayed', () => cardsTaken / SEATS);
  const emptyTrick = seats.map(() => -1);
  const trick = Array.isArray(sent['trick']) ? sentNumbers(sent, 'trick') : (tricks[tricksPlayed] ?? emptyTrick);
  const lastTrick = Array.isArray(sent['lastTrick']) ? sentNumbers(sent, 'lastTrick') : (tricks[tricksPlayed - 1] ?? emptyTrick);
  // Every card of the last trick went to its winner.
  const lastTrickWinner = sentNumber(sent, 'lastTrickWinner', () => {
    const card = lastTrick.find((code) => code >= 0);
    return tricksPlayed > 0 && card !== undefined ? (wonBy[card] ?? -1) : -1;
  });
  // [H-09] The winner of a trick leads the next.
  const leader = sentNumber(sent, 'leader', () => (tricksPlayed > 0 ? lastTrickWinner : (leaders[0] ?? -1)));
  // [H-13] A seat that does not follow the led suit shows itself void in it.
  const voids = seats.map(() => 0);
  tricks.forEach((cards, index) => {
    const lead = cards[leaders[index] ?? -1] ?? -1;
    if (lead < 0) return;
    cards.forEach((card, seat) => {
      if (card >= 0 && suitOfCard(card) !== suitOfCard(lead)) voids[seat]! |= 1 << suitOfCard(lead);
    });
  });
  const passedSeats = sentBooleans(sent, 'passedSeats');
  const continued = sentBooleans(sent, 'continued');
  const inTrick = trick.filter((card) => card >= 0).length;
  let active: number[];
  switch (phase) {
    case HeartsPhase.Passing:
      active = seats.filter((seat) => !passedSeats[seat]);
      break;
    case HeartsPhase.Playing:
      active = [(leader + inTrick) % SEATS];
      break;
    case HeartsPhase.HandOver:
      active = seats.filter((seat) => !continued[seat]);
      break;
    default:
      active = [];
  }
  const handNumber = sentNumber(sent, 'handNumber', () => 1);
  return {
    wonBy,
    trick,
    lastTrick,
    // [H-08] A heart or the queen of spades played to any trick breaks hearts.
    heartsBroken: plays.some((card) => isPointCard(card)),
    voids,
    active,
    tricksPlayed,
    firstTrick: tricksPlayed === 0,
    lastTrickWinner,
    leader,
    tricksWon: taken.map((cards) => cards / SEATS),
    handPoints,
    // Passed cards leave the hand until the exchange; played cards leave it for good.
    handCounts: seats.map(
      (seat) =>
        HAND_SIZE - tricksPlayed - ((trick[seat] ?? -1) >= 0 ? 1 : 0) -
        (phase === HeartsPhase.Passing && passedSeats[seat] ? PASS_SIZE : 0),
    ),
    passDirection: passDirectionOf(handNumber),
  };
}

/**
 * `plays` and `opener` for this view: the previous ones' tricks before the
 * last trick (a new hand starts empty), then the last trick and the trick on
 * the table in play order. A history that does not reach back that far only
 * costs bytes (the derived fields then travel).
 */
function carryHearts(view: WireRecord, previous: WireRecord | null): WireRecord {
  const sameHand = previous !== null && previous['handNumber'] === view['handNumber'];
  const tricksPlayed = sentNumber(view, 'tricksPlayed', () => 0);
  const leader = sentNumber(view, 'leader', () => -1);
  const before = sameHand ? sentNumbers(previous, 'plays') : [];
  const known = sameHand ? sentNumber(previous, 'opener', () => -1) : -1;
  // [H-06] The leader of the first trick, once the passing is over.
  const opener = known >= 0 ? known : view['phase'] === HeartsPhase.Playing && tricksPlayed === 0 ? leader : -1;
  const plays = before.slice(0, SEATS * Math.max(0, tricksPlayed - 1));
  if (tricksPlayed > 0) plays.push(...inPlayOrder(sentNumbers(view, 'lastTrick'), replay(plays, opener).leaders[tricksPlayed - 1] ?? -1));
  plays.push(...inPlayOrder(sentNumbers(view, 'trick'), leader));
  return { plays, opener };
}

export const heartsWire: PublicWire = {
  derivedKeys: [
    'wonBy', 'tricksPlayed', 'trick', 'lastTrick', 'lastTrickWinner', 'leader', 'heartsBroken', 'voids', 'active',
    'firstTrick', 'tricksWon', 'handPoints', 'handCounts', 'passDirection',
  ],
  derive: deriveHearts,
  carry: carryHearts,
  carriedKeys: ['plays', 'opener'],
};
