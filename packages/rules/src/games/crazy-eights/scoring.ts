/**
 * Crazy Eights scoring (C8-10 to C8-12): what the cards left in a hand cost,
 * the points a finished hand gives, and who leads when the game ends.
 */
import { rankOf } from '../../cards';
import type { Card } from '../../cards';
import { CrazyEightsPhase, copyState } from './state';
import type { CrazyEightsEvent, CrazyEightsState } from './state';

/** [C8-11] Penalty value of a card left in a hand: 8 = 50, K/Q/J = 10, ace = 1, others face value. */
export function penaltyOf(card: Card): number {
  const rank = rankOf(card);
  if (rank === 8) return 50;
  if (rank === 14) return 1;
  if (rank >= 11) return 10;
  return rank;
}

export function handPenalty(hand: readonly Card[]): number {
  let total = 0;
  for (let i = 0; i < hand.length; i++) total += penaltyOf(hand[i]!);
  return total;
}

/** [C8-10]/[C8-11]/[C8-12] Scores a finished hand and moves to handOver or gameOver. */
export function scoreHand(state: CrazyEightsState, blocked: boolean): { state: CrazyEightsState; events: CrazyEightsEvent[] } {
  const penalties = state.hands.map(handPenalty);
  let winner = -1;
  if (!blocked) {
    winner = state.hands.findIndex((hand) => hand.length === 0);
  } else {
    const lowest = Math.min(...penalties);
    const lowSeats = penalties.flatMap((p, s) => (p === lowest ? [s] : []));
    // [C8-10] A tie for the lowest total is a drawn hand: nobody scores.
    if (lowSeats.length === 1) winner = lowSeats[0]!;
  }
  const points = new Array<number>(state.seats).fill(0);
  if (winner >= 0) {
    let total = 0;
    for (let s = 0; s < state.seats; s++) if (s !== winner) total += penalties[s]!;
    points[winner] = total;
  }
  const scores = state.scores.map((score, s) => score + points[s]!);
  const events: CrazyEightsEvent[] = [{ type: 'handScored', points, winner, blocked }];
  const next = copyState(state);
  // [C8-11] Even the last hand is shown as a summary; the game ends when everyone has continued.
  next.phase = CrazyEightsPhase.HandOver;
  next.scores = scores;
  next.lastHandPoints = points;
  next.lastHandWinner = winner;
  next.drawn = false;
  next.continued = new Array<boolean>(state.seats).fill(false);
  return { state: next, events };
}

/** The target is reached: the hand summary on show is the last one. */
export function isGameEnding(state: Pick<CrazyEightsState, 'scores' | 'target'>): boolean {
  return state.scores.some((score) => score >= state.target);
}

export function winnersOf(scores: readonly number[]): number[] {
  const best = Math.max(...scores);
  return scores.flatMap((score, s) => (score === best ? [s] : []));
}

export function rankingOf(scores: readonly number[]): number[] {
  return scores.map((_, s) => s).sort((a, b) => scores[b]! - scores[a]! || a - b);
}
