import type { Card, MoveBase } from '@deckhand/rules';
import { nums } from '../../table/boardFields';
import type { Board } from '../../table/gameParts';

/** The melds of one side of a showdown, unflattened from the board (`knockerMelds` + `knockerMeldSizes`). */
export function meldsOf(board: Board, who: 'knocker' | 'defender'): Card[][] {
  const cards = nums(board, `${who}Melds`);
  const sizes = nums(board, `${who}MeldSizes`);
  const melds: Card[][] = [];
  let at = 0;
  for (const size of sizes) {
    melds.push(cards.slice(at, at + size));
    at += size;
  }
  return melds;
}

/** The legal draw from the stock or the discard pile among `moves`, if there is one. */
export function drawFrom<M extends MoveBase>(moves: readonly M[], from: 'stock' | 'discard'): M | undefined {
  return moves.find((move) => move.type === 'draw' && (move as { from?: string }).from === from);
}
