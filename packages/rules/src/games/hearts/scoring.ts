/**
 * Hearts scoring: a finished hand's points, the moon included (H-11, H-12),
 * whether the game ends (H-14) and who won it (H-15). Pure arithmetic over who
 * took which card and the running totals.
 */
import { DECK_SIZE } from '../../cards';
import type { Outcome, Seat } from '../../game';
import { cardPoints, isPointCard } from './state';
import type { HeartsOptions, HeartsState } from './state';

export const MOON_POINTS = 26;

/** [H-11]/[H-12] Scores a finished hand, including the moon. */
export function handScore(wonBy: readonly number[], options: HeartsOptions): { points: number[]; moonShooter: Seat | -1 } {
  const raw = [0, 0, 0, 0];
  const penalty = [0, 0, 0, 0];
  for (let card = 0; card < DECK_SIZE; card++) {
    const s = wonBy[card]!;
    if (s < 0) continue;
    raw[s]! += cardPoints(card, options.jackOfDiamonds);
    if (isPointCard(card)) penalty[s]! += cardPoints(card, false);
  }
  const moonShooter = penalty.findIndex((p) => p === MOON_POINTS);
  if (moonShooter < 0) return { points: raw, moonShooter: -1 };
  // The shooter's 26 penalty points turn into 26 for everyone else (or -26 for the shooter).
  const points = raw.map((p, s) => {
    const bonus = p - penalty[s]!; // the jack of diamonds, when the variant is on
    if (s === moonShooter) return bonus + (options.moonSubtract ? -MOON_POINTS : 0);
    return bonus + (options.moonSubtract ? 0 : MOON_POINTS);
  });
  return { points, moonShooter };
}

/** [H-14] The game ends after a hand when a score has reached the target. */
export function isGameEnding(state: Pick<HeartsState, 'scores' | 'options'>): boolean {
  return state.scores.some((score) => score >= state.options.target);
}

/** [H-15] Lowest total wins; ties share the win; ranking lowest first, seat order within ties. */
export function outcomeOf(scores: readonly number[]): Outcome {
  const best = Math.min(...scores);
  const winners: Seat[] = [];
  scores.forEach((score, seat) => {
    if (score === best) winners.push(seat);
  });
  const ranking = scores.map((_, seat) => seat).sort((a, b) => scores[a]! - scores[b]! || a - b);
  return { scores: scores.slice(), winners, ranking };
}
