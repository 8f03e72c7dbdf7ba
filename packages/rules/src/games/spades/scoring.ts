/**
 * Spades scoring of a hand and the end of the game, by side ([S-09]-[S-12]).
 * Pure arithmetic over bids and tricks, so it is tested on its own.
 */
import type { Seat } from '../../game';

/** What a hand did to each side. Per side unless said otherwise. */
export interface HandResult {
  /** Points the hand moved each side's score (contract, bags, nils and bag penalty together). */
  readonly points: readonly number[];
  /** [S-09] The side's bid: its players' bids other than nil. */
  readonly contracts: readonly number[];
  /** Tricks the side took (both partners). */
  readonly tricks: readonly number[];
  /** [S-10] By seat: what the seat's nil or blind nil scored (0 without one). */
  readonly nil: readonly number[];
  /** [S-11] -100 for each ten bags paid this hand. */
  readonly bagPenalty: readonly number[];
  /** Scores after the hand. */
  readonly scores: readonly number[];
  /** Bags carried after the hand. */
  readonly bags: readonly number[];
}

const BAGS_PER_PENALTY = 10;
const BAG_PENALTY = 100;
const NIL_POINTS = 100;
const BLIND_NIL_POINTS = 200;
/** [S-12] A side at or below this loses. */
export const LOSING_SCORE = -200;

export function scoreHand(
  bids: readonly number[],
  blind: readonly boolean[],
  tricksWon: readonly number[],
  scores: readonly number[],
  bags: readonly number[],
): HandResult {
  const points = [0, 0];
  const contracts = [0, 0];
  const tricks = [0, 0];
  const nil = [0, 0, 0, 0];
  const bagPenalty = [0, 0];
  const nextBags = bags.slice();
  for (let seat = 0; seat < 4; seat++) {
    const side = seat % 2;
    tricks[side]! += tricksWon[seat]!;
    if (bids[seat]! > 0) contracts[side]! += bids[seat]!;
    else {
      // [S-10] A nil is scored on its own, whatever the partner does.
      const value = blind[seat] ? BLIND_NIL_POINTS : NIL_POINTS;
      nil[seat] = tricksWon[seat] === 0 ? value : -value;
      points[side]! += nil[seat]!;
    }
  }
  for (let side = 0; side < 2; side++) {
    const contract = contracts[side]!;
    const taken = tricks[side]!;
    if (taken >= contract) {
      // [S-09] Made: 10 a trick bid, 1 a bag.
      const over = taken - contract;
      points[side]! += 10 * contract + over;
      nextBags[side]! += over;
      // [S-11] Every ten bags cost 100.
      while (nextBags[side]! >= BAGS_PER_PENALTY) {
        nextBags[side]! -= BAGS_PER_PENALTY;
        bagPenalty[side]! -= BAG_PENALTY;
      }
      points[side]! += bagPenalty[side]!;
    } else {
      points[side]! -= 10 * contract;
    }
  }
  return { points, contracts, tricks, nil, bagPenalty, scores: scores.map((score, side) => score + points[side]!), bags: nextBags };
}

/**
 * [S-12] The winning side once the game is over after a hand, or null to play
 * on: over when a side reached the target or fell to -200; the higher score
 * wins; level scores play another hand.
 */
export function winnerOf(scores: readonly number[], target: number): number | null {
  const [a, b] = scores as [number, number];
  const over = a >= target || b >= target || a <= LOSING_SCORE || b <= LOSING_SCORE;
  if (!over || a === b) return null;
  return a > b ? 0 : 1;
}

/** Side scores as the contract's per-seat scores: each seat carries its side's. */
export function seatScores(sideScores: readonly number[]): number[] {
  const out: Seat[] = [];
  for (let seat = 0; seat < 4; seat++) out.push(sideScores[seat % 2]!);
  return out;
}
