/** How a finished game is told in a line: when, and how a player did. */
import { sidesOf, type AnyGame } from '@deckhand/rules';

/** When a game was played, in the reader's own words for dates. */
export function playedOn(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const ORDINALS = ['1st', '2nd', '3rd'];

/**
 * A seat's result from the final scores: its place among the sides (partners
 * share a score and a place; tied sides share a place), "Won" for first.
 */
export function resultOf(game: AnyGame, scores: readonly number[], seat: number, lowerIsBetter: boolean): string {
  const sides = sidesOf(game, scores.length);
  const mine = scores[seat] ?? 0;
  const better = sides.filter((side) => {
    const score = scores[side[0]!] ?? 0;
    return lowerIsBetter ? score < mine : score > mine;
  }).length;
  const tied = sides.filter((side) => (scores[side[0]!] ?? 0) === mine).length > 1;
  if (better === 0) return tied ? 'Tied for the win' : 'Won';
  return `${ORDINALS[better] ?? `${better + 1}th`} of ${sides.length}`;
}
