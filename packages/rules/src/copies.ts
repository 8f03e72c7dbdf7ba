/**
 * Copy-on-write helpers the games' `apply` share: a state's arrays are never
 * changed in place, so a move makes new ones. (Hearts keeps its own, written
 * out for its four seats and its hot path.)
 */
import type { Card } from './cards';

/** A copy of `items` with `value` at `index`. */
export function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  const copy = items.slice();
  copy[index] = value;
  return copy;
}

/** A copy of `hand` without `card`. */
export function withoutCard(hand: readonly Card[], card: Card): Card[] {
  const rest: Card[] = [];
  for (let i = 0; i < hand.length; i++) if (hand[i] !== card) rest.push(hand[i]!);
  return rest;
}
