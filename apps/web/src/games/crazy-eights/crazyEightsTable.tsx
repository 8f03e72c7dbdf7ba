import { cardName, isCard, rankOf, suitName, type Suit } from '@deckhand/rules';
import { SuitIcon } from '../../cards/SuitIcon';
import { num } from '../../table/boardFields';
import type { GameTableParts, TablePartProps } from '../../table/gameParts';
import { legalMoveOfType } from '../../table/legality';
import { seatLabel } from '../../table/SeatBadges';
import { cardInSentence } from '../../table/words';
import { CrazyEightsCenter } from './CrazyEightsCenter';

function canMake({ game, view, myTurn }: TablePartProps, type: string): boolean {
  return myTurn && legalMoveOfType(game, view, type) !== null;
}

/** The stock, the discard pile and the suit; the stock draws when drawing is legal. */
function Center(props: TablePartProps) {
  return (
    <CrazyEightsCenter
      board={props.board}
      mySeat={props.mySeat}
      onDraw={canMake(props, 'draw') ? () => props.sendMove({ type: 'draw' }) : null}
    />
  );
}

/** Draw and pass beside the hand, when the rules allow them. */
function HandActions(props: TablePartProps) {
  return (
    <>
      {canMake(props, 'draw') && (
        <button type="button" className="secondary" onClick={() => props.sendMove({ type: 'draw' })}>
          Draw
        </button>
      )}
      {canMake(props, 'pass') && (
        <button type="button" className="secondary" onClick={() => props.sendMove({ type: 'pass' })}>
          Pass
        </button>
      )}
    </>
  );
}

export const crazyEightsTable: GameTableParts = {
  howToPlay: [
    'Two to six players. Play a card that matches the top of the discard pile by suit or rank.',
    'Eights are wild: play one at any time and name the suit the next player must follow.',
    'If you cannot play, draw from the stock (and pass when the option allows).',
    'The first to empty their hand scores the cards left in the others\' hands. First to the target wins.',
  ],
  lowerIsBetter: false,
  Center,
  HandActions,
  playChoice: {
    title: (card) => `Name a suit for the ${cardName(card).toLowerCase()}`,
    label: (move) => {
      const suit = (move as { readonly suit?: unknown }).suit as Suit;
      return (
        <>
          <SuitIcon suit={suit} /> {suitName(suit)}
        </>
      );
    },
  },
  summaryNote: ({ board, seats }) => {
    const winner = num(board, 'lastHandWinner');
    return winner >= 0 ? <p><strong>{seatLabel(seats[winner], winner)}</strong> went out first.</p> : null;
  },
  describeEvent: (event, nameOf) => {
    switch (event.type) {
      case 'played': {
        const { card, suit } = event;
        if (!isCard(card) || rankOf(card) !== 8 || typeof suit !== 'number') return undefined;
        return [`${nameOf(event.seat)} played ${cardInSentence(card)} and named ${suitName(suit as Suit)}.`];
      }
      case 'passed':
        return [`${nameOf(event.seat)} passed.`];
      case 'reshuffled':
        return ['The discard pile was shuffled into a new stock.'];
      default:
        return undefined;
    }
  },
};
