import { fireEvent, screen, within } from '@testing-library/react';
import { findGame } from '@deckhand/rules';
import { describe, expect, it } from 'vitest';
import type { FakeRoom } from '../../test/fakeTable';
import { renderTable } from '../../test/renderTable';

const spades = findGame('spades')!;
const moves = (room: FakeRoom) => room.sent.filter((m) => m.type === 'move').map((m) => (m.message as { move: unknown }).move);

function apply(state: unknown, seat: number, move: object): unknown {
  const result = spades.apply(state, seat, move as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

function dealt(seed: string): unknown {
  return spades.setup({ seed, seats: 4, options: spades.defaultOptions(4) });
}

describe('GameTable: Spades', () => {
  it('[S-04] the bidder gets nil to 13 and sends the bid; the table shows each side\'s bid so far', async () => {
    let state = dealt('web-spades-1');
    state = apply(state, 0, { type: 'bid', tricks: 4 });
    const { room } = await renderTable(spades, state, 1);
    expect(screen.getByTestId('status').textContent).toBe('Your bid: how many tricks will you take?');
    const picker = screen.getByRole('group', { name: 'Your bid' });
    expect(within(picker).getAllByRole('button')).toHaveLength(14);
    expect(within(screen.getByTestId('side-0')).getByText(/Bid 4…/)).toBeTruthy();
    fireEvent.click(within(picker).getByRole('button', { name: 'Bid nil' }));
    fireEvent.click(within(picker).getByRole('button', { name: 'Bid 3' }));
    expect(moves(room)).toEqual([{ type: 'bid', tricks: 0 }, { type: 'bid', tricks: 3 }]);
  });

  it('[S-08] in play each side shows bid, tricks and bags, and a spade lead is dimmed with the reason', async () => {
    let state = dealt('web-spades-2');
    for (const [seat, tricks] of [[0, 3], [1, 0], [2, 4], [3, 2]] as const) state = apply(state, seat, { type: 'bid', tricks });
    await renderTable(spades, state, 0);
    expect(screen.queryByRole('group', { name: 'Your bid' })).toBeNull();
    expect(screen.getByTestId('side-0').textContent).toContain('Bid 7 · Took 0 · Bags 0');
    expect(screen.getByTestId('side-1').textContent).toContain('Bid 2 + nil · Took 0 · Bags 0');
    const spadesInHand = screen.getAllByRole('button').filter((b) => /of spades/.test(b.getAttribute('aria-label') ?? ''));
    for (const card of spadesInHand) expect(card.getAttribute('data-legal')).toBe('false');
    expect(screen.getAllByText(/Spades not broken/).length).toBeGreaterThan(0);
  });

  it('[S-09] the hand summary shows sides, not seats: bid, tricks, nils, bags and points', async () => {
    let state = dealt('web-spades-3');
    const rng = { i: 0 };
    while (spades.view(state, null).public.phase !== 'handOver') {
      const seat = spades.activeSeats(state)[0]!;
      const legal = spades.legalMoves(state, seat);
      state = apply(state, seat, legal[rng.i++ % legal.length]!);
    }
    const pub = spades.view(state, 0).public;
    await renderTable(spades, state, 0);
    const table = screen.getByRole('table', { name: 'Hand result by side' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const sideRow = screen.getByTestId('hand-side-0');
    expect(sideRow.textContent).toContain('&');
    expect(sideRow.textContent).toContain(String(pub.sideScores[0]));
    expect(screen.queryByRole('columnheader', { name: 'Player' })).toBeNull();
  });
});
