import { discardTop, suitName, suitOf, type Suit, type WireValue } from '@deckhand/rules';
import { CardBack, CardFace } from '../../cards/PlayingCard';
import { SuitIcon } from '../../cards/SuitIcon';
import { num, nums } from '../../table/boardFields';

type Board = Readonly<Record<string, WireValue>>;

/** The stock (tap to draw when drawing is legal), the discard pile's top card and the suit to follow. */
export function CrazyEightsCenter({ board, onDraw }: { board: Board; onDraw: (() => void) | null }) {
  const discard = nums(board, 'discard');
  const top = discardTop(discard);
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
          {top >= 0 ? <CardFace key={top} card={top} /> : <CardBack />}
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
