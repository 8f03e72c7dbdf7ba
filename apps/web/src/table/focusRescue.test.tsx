import { fireEvent, render, screen } from '@testing-library/react';
import { cardName, parseCards, type Card } from '@deckhand/rules';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusRescue } from './focusRescue';
import { Hand, HandMode } from './Hand';

const noop = (): void => {};
const statusesOf = (cards: readonly Card[]) => cards.map((card) => ({ card, legal: true, reason: null }));

/** A hand and another control in a table that rescues the focus, as `GameTable` does. */
function HandOf({ cards }: { cards: readonly Card[] }) {
  const root = useRef<HTMLDivElement>(null);
  useFocusRescue(root);
  return (
    <div ref={root}>
      <Hand statuses={statusesOf(cards)} mode={HandMode.Play} selected={[]} onSelect={noop} onPlay={noop} onRefused={noop} />
      <button type="button">Log and chat</button>
    </div>
  );
}

describe('the focus when a card leaves the hand', () => {
  const [two, king, ace] = parseCards('2C KC AC') as [Card, Card, Card];

  it('a card played from the keyboard hands the focus to the card now in its place, or to the last', () => {
    const { rerender } = render(<HandOf cards={[two, king, ace]} />);
    const kingButton = screen.getByRole('button', { name: cardName(king) });
    kingButton.focus();
    fireEvent.keyDown(kingButton, { key: 'Enter' });
    // The server's patch takes the played card out of the hand.
    rerender(<HandOf cards={[two, ace]} />);
    const aceButton = screen.getByRole('button', { name: cardName(ace) });
    expect(document.activeElement).toBe(aceButton);

    fireEvent.keyDown(aceButton, { key: 'Enter' });
    rerender(<HandOf cards={[two]} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: cardName(two) }));
  });

  it('leaves the focus where the player moved it before the card left', () => {
    const { rerender } = render(<HandOf cards={[two, king, ace]} />);
    const kingButton = screen.getByRole('button', { name: cardName(king) });
    kingButton.focus();
    fireEvent.keyDown(kingButton, { key: 'Enter' });
    const elsewhere = screen.getByRole('button', { name: 'Log and chat' });
    elsewhere.focus();
    rerender(<HandOf cards={[two, ace]} />);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('a card played by tapping takes no card into focus (a phone would show a dimmed card\'s reason unasked)', () => {
    const { rerender } = render(<HandOf cards={[two, king, ace]} />);
    const kingButton = screen.getByRole('button', { name: cardName(king) });
    // Chrome on a phone focuses a tapped button; the second tap plays it.
    kingButton.focus();
    fireEvent.pointerDown(kingButton);
    fireEvent.click(kingButton, { detail: 1 });
    fireEvent.click(kingButton, { detail: 2 });
    rerender(<HandOf cards={[two, ace]} />);
    expect(document.activeElement).toBe(document.body);
  });
});
