/**
 * What a Hearts client computes instead of receiving: whose turn it is, hand
 * sizes, tricks and points taken, the last trick's winner and the next
 * leader all follow from the trick on the table and who took which card
 * (`wonBy`). A move in the middle of a trick then changes the trick alone.
 */
import type { WireRecord } from '../../game';
import { sentBooleans, sentNumber, sentNumbers } from '../../wire';
import type { PublicWire } from '../../wire';
import { HAND_SIZE, HeartsPhase, SEATS, cardPoints, passDirectionOf } from './rules';

const PASS_SIZE = 3;

function deriveHearts(sent: WireRecord): WireRecord {
  const wonBy = sentNumbers(sent, 'wonBy');
  const trick = sentNumbers(sent, 'trick');
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
  // Every card of the last trick went to its winner.
  const lastTrickWinner = sentNumber(sent, 'lastTrickWinner', () => {
    const card = sentNumbers(sent, 'lastTrick').find((code) => code >= 0);
    return tricksPlayed > 0 && card !== undefined ? (wonBy[card] ?? -1) : -1;
  });
  // [H-09] The winner of a trick leads the next; the first trick's leader (the two of clubs) is sent.
  const leader = sentNumber(sent, 'leader', () => lastTrickWinner);
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

export const heartsWire: PublicWire = {
  derivedKeys: ['tricksPlayed', 'lastTrickWinner', 'leader', 'active', 'firstTrick', 'tricksWon', 'handPoints', 'handCounts', 'passDirection'],
  derive: deriveHearts,
};
