import type { Bot, MoveBase } from '../game';

/** Plays a uniformly random legal move. The `easy` level, and the baseline every other bot must beat. */
export function randomBot<View, Move extends MoveBase>(): Bot<View, Move> {
  return {
    id: 'random',
    name: 'Random',
    choose(_view, legalMoves, rng) {
      return rng.pick(legalMoves);
    },
  };
}
