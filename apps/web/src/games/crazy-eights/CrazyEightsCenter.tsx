import { discardTop, suitName, suitOf, type Suit, type WireValue } from '@deckhand/rules';
import { useLayoutEffect, useRef } from 'react';
import { CardBack, CardFace } from '../../cards/PlayingCard';
import { SuitIcon } from '../../cards/SuitIcon';
import { num, nums } from '../../table/boardFields';
import { flyFrom, playerOfNewTop, seatElement } from '../../table/flyFromSeat';

type Board = Readonly<Record<string, WireValue>>;

/**
 * The stock (tap to draw when drawing is legal), the discard pile's top card and the suit to follow.
 * A card just played comes to the pile from its player's seat.
 */
export function CrazyEightsCenter({ board, onDraw, mySeat = null }: { board: Board; onDraw: (() => void) | null; mySeat?: number | null }) {
  const discard = nums(board, 'discard');
  const top = discardTop(discard);
  const handCounts = nums(board, 'handCounts');
  const topCard = useRef<HTMLSpanElement>(null);
  const seen = useRef<{ readonly pile: number; readonly handCounts: readonly number[] } | null>(null);

  // Before paint, so the card is never drawn on the pile first and then jumps to the seat.
  useLayoutEffect(() => {
    const now = { pile: discard.length, handCounts };
    const player = playerOfNewTop(seen.current, now);
    seen.current = now;
    const from = player === null ? null : seatElement(player, mySeat);
    if (from && topCard.current) flyFrom(topCard.current, from);
  }, [discard.length, handCounts, mySeat]);

  const suit = num(board, 'suit', 0) as Suit;
  const stockCount = num(board, 'stockCount', 0);
  const named = top >= 0 && suitOf(top) !== suit;
  return (
    <>
      <div className="pile-area">
        <div className="pile">
          {onDraw ? (
            <button type="button" className="stock" onClick={onDraw} aria-label={`Draw a card (${stockCount} in the stock)`}>
              <CardBack />
            </button>
          ) : (
            <CardBack label={`Stock, ${stockCount} cards`} />
          )}
          <span data-testid="stock-count">Stock: {stockCount}</span>
        </div>
        <div className="pile" data-testid="discard">
          <span className="pile-top" ref={topCard} data-card={top}>
            {top >= 0 ? <CardFace key={top} card={top} /> : <CardBack />}
          </span>
          <span>Discard: {discard.length}</span>
        </div>
      </div>
      <div className="markers">
        <span className="current-suit" data-testid="current-suit">
          <SuitIcon suit={suit} /> Suit: {suitName(suit)}
          {named ? ' (named)' : ''}
        </span>
        <span className="marker">Hand {num(board, 'handNumber', 1)}</span>
        <span className="marker">Target {num(board, 'target', 0)}</span>
      </div>
    </>
  );
}
