import { cardName, type Card } from '@deckhand/rules';
import { CardText } from '../cards/CardText';

/** A few cards in one short line ("You received: 2♣ Q♠ A♥"), spoken in full. */
export function ShortCards({ label, cards, testId }: { label: string; cards: readonly Card[]; testId?: string }) {
  return (
    <span className="pass-picked" data-testid={testId}>
      <span className="visually-hidden">
        {label}: {cards.map((card) => cardName(card)).join(', ')}
      </span>
      <span aria-hidden="true">
        {label}:{' '}
        {cards.map((card) => (
          <span key={card} className="short-card">
            <CardText card={card} />
          </span>
        ))}
      </span>
    </span>
  );
}
