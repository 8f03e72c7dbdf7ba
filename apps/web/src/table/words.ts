import { cardName, isCard } from '@deckhand/rules';

/** "Queen of spades" inside a sentence reads "the queen of spades". */
export function cardInSentence(card: unknown): string {
  if (!isCard(card)) return 'a card';
  const name = cardName(card);
  return `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}
