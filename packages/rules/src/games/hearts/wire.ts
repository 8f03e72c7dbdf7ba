/**
 * What a Hearts client computes instead of receiving. The server sends one
 * field the view does not have, `plays`: by card, who played it in which
 * trick of this hand (`seat * 16 + trick`, -1 when not played), carried from
 * move to move. From it and the rules, a client computes the trick on the
 * table, the last trick, who took which card, the leader, hearts broken,
 * shown voids, whose turn it is, hand sizes, tricks and points taken. A card
 * play then changes one entry of one list, whether or not it ends the trick.
 */
import type { WireRecord } from '../../game';
import { sentBooleans, sentNumber, sentNumbers } from '../../wire';
import type { PublicWire } from '../../wire';
import { HAND_SIZE, HeartsPhase, SEATS, TWO_OF_CLUBS, cardPoints, isPointCard, passDirectionOf } from './rules';

const PASS_SIZE = 3;
const DECK = SEATS * HAND_SIZE;
/** `plays` packs a seat and a trick index in one small number. */
const TRICK_SPAN = 16;

function suitOfCard(card: number): number {
  return (card / HAND_SIZE) | 0;
}

/** The tricks of this hand by seat, from `plays`; a trick not yet complete has -1 holes. */
function tricksOf(plays: readonly number[]): number[][] {
  const tricks: number[][] = [];
  plays.forEach((play, card) => {
    if (play < 0) return;
    const trick = play % TRICK_SPAN;
    const seat = (play / TRICK_SPAN) | 0;
    while (tricks.length <= trick) tricks.push(new Array<number>(SEATS).fill(-1));
    tricks[trick]![seat] = card;
  });
  return tricks;
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

/** What `plays` says about the hand so far: the tricks, their leaders and winners. */
function replay(plays: readonly number[]) {
  const tricks = tricksOf(plays);
  const twoOfClubs = plays[TWO_OF_CLUBS] ?? -1;
  // [H-06] The two of clubs leads the first trick.
  let leader = twoOfClubs >= 0 ? (twoOfClubs / TRICK_SPAN) | 0 : -1;
  const leaders: number[] = [];
  const winners: number[] = [];
  for (const trick of tricks) {
    leaders.push(leader);
    if (trick.some((card) => card < 0) || leader < 0) break;
    leader = winnerOf(trick, leader);
    winners.push(leader);
  }
  return { tricks, leaders, winners };
}

function deriveHearts(sent: WireRecord): WireRecord {
  const plays = sentNumbers(sent, 'plays');
  const { tricks, leaders, winners } = replay(plays);
  const complete = winners.length;
  const wonBy = Array.isArray(sent['wonBy'])
    ? sentNumbers(sent, 'wonBy')
    : Array.from({ length: DECK }, (_, card) => {
        const play = plays[card] ?? -1;
        const trick = play < 0 ? -1 : play % TRICK_SPAN;
        return trick >= 0 && trick < complete ? winners[trick]! : -1;
      });
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
    heartsBroken: plays.some((play, card) => play >= 0 && isPointCard(card)),
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
 * `plays` for this view: the previous one's entries for the tricks taken
 * since (a new hand starts empty), plus the trick on the table and the last
 * trick as the view shows them.
 */
function carryHearts(view: WireRecord, previous: WireRecord | null): WireRecord {
  const tricksPlayed = sentNumber(view, 'tricksPlayed', () => 0);
  const wonBy = sentNumbers(view, 'wonBy');
  const before = previous && previous['handNumber'] === view['handNumber'] ? sentNumbers(previous, 'plays') : [];
  const plays = Array.from({ length: DECK }, (_, card) => {
    const play = before[card] ?? -1;
    return play >= 0 && play % TRICK_SPAN < tricksPlayed && (wonBy[card] ?? -1) >= 0 ? play : -1;
  });
  sentNumbers(view, 'trick').forEach((card, seat) => {
    if (card >= 0) plays[card] = seat * TRICK_SPAN + tricksPlayed;
  });
  if (tricksPlayed > 0) {
    sentNumbers(view, 'lastTrick').forEach((card, seat) => {
      if (card >= 0) plays[card] = seat * TRICK_SPAN + tricksPlayed - 1;
    });
  }
  return { plays };
}

export const heartsWire: PublicWire = {
  derivedKeys: [
    'wonBy', 'tricksPlayed', 'trick', 'lastTrick', 'lastTrickWinner', 'leader', 'heartsBroken', 'voids', 'active',
    'firstTrick', 'tricksWon', 'handPoints', 'handCounts', 'passDirection',
  ],
  derive: deriveHearts,
  carry: carryHearts,
  carriedKeys: ['plays'],
};
