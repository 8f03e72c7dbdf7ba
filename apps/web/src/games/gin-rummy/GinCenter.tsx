import { cardName, ginCardValue, type Card, type MoveBase } from '@deckhand/rules';
import { CardBack, CardFace } from '../../cards/PlayingCard';
import { flag, num, nums, str } from '../../table/boardFields';
import type { Board, TablePartProps } from '../../table/gameParts';
import { seatLabel } from '../../table/SeatBadges';
import { drawFrom, meldsOf } from './board';

/** One side of a showdown: melds (cards laid off on them marked), then deadwood and its count. */
export function LaidOutHand({ board, who, title }: { board: Board; who: 'knocker' | 'defender'; title: string }) {
  const melds = meldsOf(board, who);
  const deadwood = nums(board, `${who}Deadwood`);
  const laidOff = new Set(nums(board, 'layoffs'));
  const value = deadwood.reduce((total, card) => total + ginCardValue(card), 0);
  return (
    <div className="gin-laid-out" data-testid={`showdown-${who}`}>
      <span className="gin-group-label">{title}</span>
      <div className="gin-groups">
        {melds.map((meld, index) => (
          <ul key={index} className="gin-group meld gin-cards" aria-label={`Meld ${index + 1}: ${meld.map((card) => cardName(card).toLowerCase()).join(', ')}`}>
            {meld.map((card) => (
              <li key={card} className={laidOff.has(card) ? 'laid-off' : undefined} title={laidOff.has(card) ? 'laid off' : undefined}>
                <CardFace card={card} />
              </li>
            ))}
          </ul>
        ))}
        <ul className="gin-group loose gin-cards" aria-label={`Deadwood ${value}`}>
          {deadwood.map((card) => (
            <li key={card}>
              <CardFace card={card} />
            </li>
          ))}
          <li className="gin-count">deadwood {value}</li>
        </ul>
      </div>
    </div>
  );
}

/**
 * The stock and the discard pile (each a button when taking from it is legal); during a layoff, the knocker's hand.
 * The named draw buttons sit with the hand's other actions (`GinHand`), where a small phone has room for them.
 */
export function GinCenter(props: TablePartProps) {
  const { game, view, board, seats, myTurn, sendMove } = props;
  const discard = nums(board, 'discard');
  const top: Card | undefined = discard[discard.length - 1];
  const stockCount = num(board, 'stockCount', 0);
  const knocker = num(board, 'knocker');
  if (str(board, 'phase') === 'layoff' && knocker >= 0) {
    return <LaidOutHand board={board} who="knocker" title={`${seatLabel(seats[knocker], knocker)} knocked`} />;
  }
  const moves = myTurn ? (game.legalMovesInView(view) as MoveBase[]) : [];
  const canStock = drawFrom(moves, 'stock') !== undefined;
  const canTake = drawFrom(moves, 'discard') !== undefined && top !== undefined;
  return (
    <>
      <div className="pile-area">
        <div className="pile">
          {canStock ? (
            <button type="button" className="stock" onClick={() => sendMove({ type: 'draw', from: 'stock' })} aria-label={`Draw from the stock (${stockCount} cards)`}>
              <CardBack />
            </button>
          ) : (
            <CardBack label={`Stock, ${stockCount} cards`} />
          )}
          <span data-testid="stock-count">Stock: {stockCount}</span>
        </div>
        <div className="pile" data-testid="discard">
          {top === undefined ? (
            <CardBack />
          ) : canTake ? (
            <button type="button" className="stock" onClick={() => sendMove({ type: 'draw', from: 'discard' })} aria-label={`Take the ${cardName(top)}`}>
              <CardFace key={top} card={top} labelled={false} />
            </button>
          ) : (
            <CardFace key={top} card={top} />
          )}
          <span>Discard: {discard.length}</span>
        </div>
      </div>
      <div className="markers">
        <span className="marker" data-testid="knock-limit">Knock at {num(board, 'knockLimit', 10)} or less</span>
        {num(board, 'multiplier', 1) > 1 && <span className="marker">Spade upcard: hand counts double</span>}
        <span className="marker">Hand {num(board, 'handNumber', 1)}</span>
        <span className="marker">Game to {num(board, 'target', 100)}</span>
        {flag(board, 'oklahoma') && <span className="marker">Oklahoma</span>}
      </div>
    </>
  );
}
