import { cardName, rankLabel, rankOf, suitOf, suitSymbol, type Card } from '@deckhand/rules';
import { SuitIcon } from './SuitIcon';

/**
 * A card inside a line of words ("Discard Q♣"): its rank and its drawn suit,
 * read out as its name ("queen of clubs"). The short codes of the rules'
 * tools ("QC", "10H") mean nothing to a player.
 */
export function CardText({ card }: { card: Card }) {
  return (
    <span className="card-text">
      <span aria-hidden="true">
        {rankLabel(rankOf(card))}
        <SuitIcon suit={suitOf(card)} size="0.85em" />
      </span>
      <span className="visually-hidden">{cardName(card).toLowerCase()}</span>
    </span>
  );
}

/** Several cards in a line ("5♠ 6♠ 7♠"), read out by name. */
export function CardsText({ cards }: { cards: readonly Card[] }) {
  return (
    <>
      {cards.map((card, index) => (
        <span key={card}>
          {index > 0 ? ' ' : ''}
          <CardText card={card} />
        </span>
      ))}
    </>
  );
}

/** The same in plain text, where no markup can go (a seat's note): rank and suit symbol, "Q♣". */
export function cardText(card: Card): string {
  return rankLabel(rankOf(card)) + suitSymbol(suitOf(card));
}
