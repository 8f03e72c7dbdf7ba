/**
 * The 52-card French deck. A card travels everywhere as a compact integer
 * code 0-51: `suit * 13 + (rank - 2)`, so clubs are 0-12 (2..A), diamonds
 * 13-25, spades 26-38 and hearts 39-51. Small integers keep schema patches
 * tiny and make sets of cards cheap to compare.
 */

/** Suits in code order. The order alternates colours, which also suits a sorted hand. */
export const Suit = {
  Clubs: 0,
  Diamonds: 1,
  Spades: 2,
  Hearts: 3,
} as const;
export type Suit = (typeof Suit)[keyof typeof Suit];

/** Ranks by face value; the ace is high (14). */
export const Rank = {
  Two: 2,
  Three: 3,
  Four: 4,
  Five: 5,
  Six: 6,
  Seven: 7,
  Eight: 8,
  Nine: 9,
  Ten: 10,
  Jack: 11,
  Queen: 12,
  King: 13,
  Ace: 14,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

/** A card code, 0-51. */
export type Card = number;

export const SUITS: readonly Suit[] = [Suit.Clubs, Suit.Diamonds, Suit.Spades, Suit.Hearts];
export const RANKS: readonly Rank[] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
export const DECK_SIZE = 52;

const SUIT_LETTERS = ['C', 'D', 'S', 'H'] as const;
const SUIT_NAMES = ['clubs', 'diamonds', 'spades', 'hearts'] as const;
const SUIT_SYMBOLS = ['♣', '♦', '♠', '♥'] as const;
const RANK_LETTERS: Record<Rank, string> = {
  2: '2', 3: '3', 4: '4', 5: '5', 6: '6', 7: '7', 8: '8', 9: '9', 10: '10',
  11: 'J', 12: 'Q', 13: 'K', 14: 'A',
};
const RANK_NAMES: Record<Rank, string> = {
  2: 'Two', 3: 'Three', 4: 'Four', 5: 'Five', 6: 'Six', 7: 'Seven', 8: 'Eight',
  9: 'Nine', 10: 'Ten', 11: 'Jack', 12: 'Queen', 13: 'King', 14: 'Ace',
};

export function cardOf(rank: Rank, suit: Suit): Card {
  return suit * 13 + (rank - 2);
}

export function suitOf(card: Card): Suit {
  return ((card / 13) | 0) as Suit;
}

export function rankOf(card: Card): Rank {
  return ((card % 13) + 2) as Rank;
}

export function isCard(value: unknown): value is Card {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < DECK_SIZE;
}

/** All 52 codes in order. */
export function fullDeck(): Card[] {
  // A plain loop: `Array.from` with a callback cost a few percent of a simulation (one deck per hand).
  const deck: Card[] = [];
  for (let card = 0; card < DECK_SIZE; card++) deck.push(card);
  return deck;
}

/** Short name such as `QS`, `10H`, `2C`. */
export function formatCard(card: Card): string {
  return RANK_LETTERS[rankOf(card)] + SUIT_LETTERS[suitOf(card)];
}

/** Name a person reads or a screen reader speaks: `Queen of spades`. */
export function cardName(card: Card): string {
  return `${RANK_NAMES[rankOf(card)]} of ${SUIT_NAMES[suitOf(card)]}`;
}

export function suitName(suit: Suit): string {
  return SUIT_NAMES[suit];
}

export function suitSymbol(suit: Suit): string {
  return SUIT_SYMBOLS[suit];
}

export function rankLabel(rank: Rank): string {
  return RANK_LETTERS[rank];
}

/**
 * Parses a short name (`QS`, `10h`, `T♠`), case-insensitive. Returns null for
 * anything that is not exactly one card.
 */
export function parseCard(text: string): Card | null {
  const match = /^\s*(10|[2-9TJQKA])\s*([CDSH♣♦♠♥])\s*$/i.exec(text);
  if (!match) return null;
  const rankText = match[1]!.toUpperCase();
  const suitText = match[2]!.toUpperCase();
  const rank =
    rankText === 'T' ? 10 : (Number(Object.keys(RANK_LETTERS).find((r) => RANK_LETTERS[Number(r) as Rank] === rankText)) as Rank);
  let suit = SUIT_LETTERS.indexOf(suitText as (typeof SUIT_LETTERS)[number]);
  if (suit < 0) suit = SUIT_SYMBOLS.indexOf(suitText as (typeof SUIT_SYMBOLS)[number]);
  if (suit < 0) return null;
  return cardOf(rank, suit as Suit);
}

/** Parses a space- or comma-separated list of short names; throws on a bad one (for tests and tools). */
export function parseCards(text: string): Card[] {
  return text
    .split(/[\s,]+/)
    .filter((part) => part.length > 0)
    .map((part) => {
      const card = parseCard(part);
      if (card === null) throw new Error(`Not a card: "${part}"`);
      return card;
    });
}

/** Sort order for a hand: by suit (clubs, diamonds, spades, hearts), then rank. */
export function compareCards(a: Card, b: Card): number {
  return a - b;
}

export function sortCards(cards: readonly Card[]): Card[] {
  return [...cards].sort(compareCards);
}
