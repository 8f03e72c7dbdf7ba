import { sortCards, type AnyGame, type Card, type GameView, type MoveBase, type WireRecord } from '@deckhand/rules';

/** How a card in the player's hand may be used right now, as the rules see it from this seat's view. */
export interface CardStatus {
  readonly card: Card;
  readonly legal: boolean;
  /** Why the card cannot be played; null when it can (or nothing is asked of the player). */
  readonly reason: string | null;
}

interface PlayMove extends MoveBase {
  readonly type: 'play';
  readonly card: Card;
}

function isPlayOf(move: MoveBase, card: Card): move is PlayMove {
  return move.type === 'play' && (move as Partial<PlayMove>).card === card;
}

/**
 * Every card of the hand with its status, sorted by suit and rank. Uses the
 * game's own `legalMovesInView` / `moveErrorInView`, so the highlighted cards
 * are exactly the ones the server accepts.
 */
export function handStatuses(game: AnyGame, view: GameView<WireRecord, WireRecord>, hand: readonly Card[]): CardStatus[] {
  const legalMoves = game.legalMovesInView(view) as MoveBase[];
  return sortCards(hand).map((card) => {
    if (legalMoves.some((move) => isPlayOf(move, card))) return { card, legal: true, reason: null };
    const error = game.moveErrorInView(view, { type: 'play', card });
    return { card, legal: false, reason: error?.message ?? null };
  });
}

/** The legal moves of one type (draw, pass, continue), if any. */
export function legalMoveOfType(game: AnyGame, view: GameView<WireRecord, WireRecord>, type: string): MoveBase | null {
  return (game.legalMovesInView(view) as MoveBase[]).find((move) => move.type === type) ?? null;
}
