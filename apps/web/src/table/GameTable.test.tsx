import { act, fireEvent, screen, within } from '@testing-library/react';
import { cardName, findGame, parseCard, type AnyGame, type Card, type GameView, type WireRecord } from '@deckhand/rules';
import { describe, expect, it } from 'vitest';
import type { FakeRoom } from '../test/fakeTable';
import { renderTable } from '../test/renderTable';

const hearts = findGame('hearts')!;
const crazyEights = findGame('crazy-eights')!;

type View = GameView<WireRecord, WireRecord>;

function startGame(game: AnyGame, seed: string, seats: number): unknown {
  return game.setup({ seed, seats, options: game.defaultOptions(seats) });
}

/** Every seat passes its first legal pass: the first trick is about to be led. */
function heartsAfterPass(seed: string): unknown {
  let state = startGame(hearts, seed, 4);
  for (let seat = 0; seat < 4; seat++) {
    const result = hearts.apply(state, seat, hearts.legalMoves(state, seat)[0]);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  return state;
}

const tap = (element: HTMLElement) => fireEvent.click(element, { detail: 1 });
const moves = (room: FakeRoom) => room.sent.filter((m) => m.type === 'move').map((m) => (m.message as { move: unknown }).move);

describe('GameTable: Hearts', () => {
  it('[H-05] on the first lead only the two of clubs is lit; the other cards say why they are dimmed', async () => {
    const state = heartsAfterPass('web-1');
    const leader = hearts.activeSeats(state)[0]!;
    await renderTable(hearts, state, leader);
    const hand = screen.getByRole('list', { name: /Your hand, 13 cards/ });
    const cards = within(hand).getAllByRole('button');
    expect(cards).toHaveLength(13);
    const two = within(hand).getByRole('button', { name: 'Two of clubs' });
    expect(two.getAttribute('aria-disabled')).toBeNull();
    const dimmed = cards.filter((card) => card.getAttribute('aria-disabled') === 'true');
    expect(dimmed).toHaveLength(12);
    const reasonId = dimmed[0]!.getAttribute('aria-describedby')!;
    expect(document.getElementById(reasonId)?.textContent).toBe('The first trick must be led with the Two of clubs.');
    expect(screen.getByRole('status').textContent).toBe('Your turn');
  });

  it('tap selects, a second tap plays; a dimmed card explains itself instead of playing', async () => {
    const state = heartsAfterPass('web-1');
    const leader = hearts.activeSeats(state)[0]!;
    const { room } = await renderTable(hearts, state, leader);
    const dimmed = screen.getAllByRole('button').find((b) => b.getAttribute('aria-disabled') === 'true')!;
    tap(dimmed);
    expect(screen.getByRole('alert').textContent).toBe('The first trick must be led with the Two of clubs.');
    const two = screen.getByRole('button', { name: 'Two of clubs' });
    tap(two);
    expect(moves(room)).toEqual([]);
    expect(screen.getByRole('button', { name: 'Play Two of clubs' })).toBeTruthy();
    tap(two);
    expect(moves(room)).toEqual([{ type: 'play', card: parseCard('2C') }]);
  });

  it('Enter on a focused card plays it at once', async () => {
    const state = heartsAfterPass('web-1');
    const leader = hearts.activeSeats(state)[0]!;
    const { room } = await renderTable(hearts, state, leader);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Two of clubs' }), { key: 'Enter' });
    expect(moves(room)).toEqual([{ type: 'play', card: parseCard('2C') }]);
  });

  it('[H-03] the pass: pick three cards, the button names the direction and sends them', async () => {
    const state = startGame(hearts, 'web-2', 4);
    const { room, view } = await renderTable(hearts, state, 0);
    expect(screen.getByTestId('pass-direction').textContent).toBe('Pass to the left');
    expect(screen.getByRole('status').textContent).toBe('Choose 3 cards to pass to Ben (left)');
    const hand = (view.private!.hand as readonly Card[]).slice().sort((a, b) => a - b);
    // "Pass 3 cards to the left" from the start: the count chosen is said apart, never as a fraction.
    const pass = screen.getByRole('button', { name: 'Pass 3 cards to the left' }) as HTMLButtonElement;
    expect(pass.disabled).toBe(true);
    expect(screen.getByTestId('pass-chosen').textContent).toBe('0 of 3 chosen');
    for (const card of hand.slice(0, 3)) tap(screen.getByRole('button', { name: cardName(card) }));
    expect(screen.getByRole('button', { name: cardName(hand[0]!) }).getAttribute('aria-pressed')).toBe('true');
    tap(screen.getByRole('button', { name: /^Pass 3 cards to the left$/ }));
    expect(moves(room)).toEqual([{ type: 'pass', cards: hand.slice(0, 3) }]);
  });

  it('a table opened from the keyboard (Enter on "Start game") puts the focus on the hand; after a click it leaves it', async () => {
    const state = heartsAfterPass('web-1');
    const leader = hearts.activeSeats(state)[0]!;
    fireEvent.keyDown(window, { key: 'Enter' });
    const first = await renderTable(hearts, state, leader);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Two of clubs' }));
    first.unmount();

    fireEvent.pointerDown(window);
    await renderTable(hearts, state, leader);
    expect(document.activeElement).toBe(document.body);
  });

  it('a server refusal appears near the hand', async () => {
    const state = heartsAfterPass('web-1');
    const { room } = await renderTable(hearts, state, 0);
    act(() => room.receive('error', { type: 'error', code: 'RATE_LIMITED', message: 'Slow down: too many messages.' }));
    expect(screen.getByTestId('move-error').textContent).toBe('Slow down: too many messages.');
  });
});

describe('GameTable: Crazy Eights', () => {
  /** A seed where the seat to play holds an eight. */
  function stateWithEightToPlay(): { state: unknown; seat: number; eight: Card } {
    for (let i = 0; i < 200; i++) {
      const state = startGame(crazyEights, `eights-${i}`, 3);
      const seat = crazyEights.activeSeats(state)[0]!;
      const hand = (crazyEights.view(state, seat) as View).private!.hand as readonly Card[];
      const eight = hand.find((card) => card % 13 === 6);
      if (eight !== undefined) return { state, seat, eight };
    }
    throw new Error('no seed with an eight');
  }

  it('[C8-05] playing an eight asks for a suit, then sends the card with the suit', async () => {
    const { state, seat, eight } = stateWithEightToPlay();
    const { room } = await renderTable(crazyEights, state, seat);
    const button = screen.getByRole('button', { name: cardName(eight) });
    expect(button.getAttribute('data-legal')).toBe('true');
    tap(button);
    tap(button);
    expect(moves(room)).toEqual([]);
    const title = `Name a suit for the ${cardName(eight).toLowerCase()}`;
    // The question is on screen in words, and its buttons are the only actions until it is answered or cancelled.
    expect(screen.getByText(title)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Draw' })).toBeNull();
    // The Play button a keyboard was on is gone: focus moves to the first suit, and back to the card on Cancel.
    const suits = within(screen.getByRole('group', { name: title }));
    expect(document.activeElement).toBe(suits.getByRole('button', { name: /clubs/ }));
    tap(suits.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Draw' })).toBeTruthy();
    expect(document.activeElement).toBe(button);
    tap(button);
    const chooser = screen.getByRole('group', { name: title });
    tap(within(chooser).getByRole('button', { name: /hearts/ }));
    expect(moves(room)).toEqual([{ type: 'play', card: eight, suit: 3 }]);
  });

  it('from the keyboard, the focus goes back to the hand when the suit chosen closes the chooser', async () => {
    const { state, seat, eight } = stateWithEightToPlay();
    const { room } = await renderTable(crazyEights, state, seat);
    const card = screen.getByRole('button', { name: cardName(eight) });
    card.focus();
    fireEvent.keyDown(card, { key: 'Enter' });
    const chooser = within(screen.getByRole('group', { name: /^Name a suit/ }));
    expect(document.activeElement).toBe(chooser.getByRole('button', { name: /clubs/ }));
    // Tab, Tab, Tab to hearts; Enter on a button is a click with no pointer (detail 0), after the key went down.
    const hearts = chooser.getByRole('button', { name: /hearts/ });
    hearts.focus();
    fireEvent.keyDown(hearts, { key: 'Enter' });
    fireEvent.click(hearts, { detail: 0 });
    expect(moves(room)).toEqual([{ type: 'play', card: eight, suit: 3 }]);
    expect(screen.queryByRole('group', { name: /^Name a suit/ })).toBeNull();
    expect(document.activeElement?.classList.contains('hand-card')).toBe(true);
  });

  it('after a click, the focus is left alone when the chooser closes', async () => {
    const { state, seat, eight } = stateWithEightToPlay();
    await renderTable(crazyEights, state, seat);
    const card = screen.getByRole('button', { name: cardName(eight) });
    fireEvent.pointerDown(card);
    tap(card);
    tap(card);
    const hearts = within(screen.getByRole('group', { name: /^Name a suit/ })).getByRole('button', { name: /hearts/ });
    fireEvent.pointerDown(hearts);
    tap(hearts);
    expect(document.activeElement).toBe(document.body);
  });

  it('shows the discard top, the suit to follow and the stock count', async () => {
    const { state, seat } = stateWithEightToPlay();
    const view = crazyEights.view(state, seat) as View;
    await renderTable(crazyEights, state, seat);
    expect(screen.getByTestId('stock-count').textContent).toBe(`Stock: ${String(view.public.stockCount)}`);
    const discard = view.public.discard as readonly number[];
    expect(within(screen.getByTestId('discard')).getByRole('img', { name: cardName(discard.at(-1)!) })).toBeTruthy();
    expect(within(screen.getByTestId('discard')).getByText(`Discard: ${discard.length}`)).toBeTruthy();
    expect(screen.getByTestId('current-suit').textContent).toMatch(/Suit: (clubs|diamonds|spades|hearts)/);
    expect(screen.getByRole('button', { name: /Draw a card \(\d+ in the stock\)/ })).toBeTruthy();
  });
});
