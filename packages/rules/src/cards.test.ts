import { describe, expect, it } from 'vitest';
import { cardName, cardOf, formatCard, fullDeck, isCard, parseCard, parseCards, rankOf, Rank, sortCards, Suit, suitOf } from './cards';

describe('cards', () => {
  it('gives every one of the 52 cards a distinct code, short name and human name', () => {
    const deck = fullDeck();
    expect(deck).toHaveLength(52);
    expect(new Set(deck.map(formatCard)).size).toBe(52);
    expect(new Set(deck.map(cardName)).size).toBe(52);
    for (const card of deck) expect(parseCard(formatCard(card))).toBe(card);
  });

  it('formats and parses short names such as QS and 10H', () => {
    expect(formatCard(cardOf(Rank.Queen, Suit.Spades))).toBe('QS');
    expect(formatCard(cardOf(Rank.Ten, Suit.Hearts))).toBe('10H');
    expect(parseCard('10h')).toBe(cardOf(Rank.Ten, Suit.Hearts));
    expect(parseCard('T♠')).toBe(cardOf(Rank.Ten, Suit.Spades));
    expect(parseCard('2C')).toBe(0);
    expect(parseCard('AH')).toBe(51);
    expect(parseCards('QS, 2C 10D')).toEqual([cardOf(12, Suit.Spades), 0, cardOf(10, Suit.Diamonds)]);
  });

  it('rejects what is not exactly one card', () => {
    for (const bad of ['', 'Q', '1S', '11H', 'QX', 'QSQ', '10']) expect(parseCard(bad)).toBeNull();
    expect(() => parseCards('QS ZZ')).toThrow('Not a card: "ZZ"');
    expect(isCard(52)).toBe(false);
    expect(isCard(-1)).toBe(false);
    expect(isCard(1.5)).toBe(false);
    expect(isCard('3')).toBe(false);
  });

  it('names cards for people and screen readers', () => {
    expect(cardName(cardOf(Rank.Queen, Suit.Spades))).toBe('Queen of spades');
    expect(cardName(cardOf(Rank.Two, Suit.Clubs))).toBe('Two of clubs');
    expect(cardName(cardOf(Rank.Ace, Suit.Hearts))).toBe('Ace of hearts');
  });

  it('reads suit and rank back from a code and sorts a hand by suit then rank', () => {
    const card = cardOf(Rank.Jack, Suit.Diamonds);
    expect(suitOf(card)).toBe(Suit.Diamonds);
    expect(rankOf(card)).toBe(Rank.Jack);
    expect(sortCards(parseCards('AH 2H KC 3D')).map(formatCard)).toEqual(['KC', '3D', '2H', 'AH']);
  });
});
