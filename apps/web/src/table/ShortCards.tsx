import { cardName, rankLabel, rankOf, suitName, suitOf, type Card } from '@deckhand/rules';
import { SuitIcon } from '../cards/SuitIcon';

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
          <span key={card} className={`short-card suit-${suitName(suitOf(card))}`}>
            {rankLabel(rankOf(card))}
            <SuitIcon suit={suitOf(card)} size="0.85em" />
          </span>
        ))}
      </span>
    </span>
  );
}
