import { render, screen, within } from '@testing-library/react';
import type { RecentGame } from '@deckhand/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNKNOWN_GUEST_TEXT } from './historyApi';
import { RecentGames } from './RecentGames';

const GUEST = { token: 'token-1', playerId: 'p1', name: 'Ana' };

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const game = (over: Partial<RecentGame>): RecentGame => ({
  id: '0f8e5a1c-3b2d-4c6e-9a7b-1d2e3f4a5b6c', gameId: 'hearts', seat: 0, scores: [12, 40, 55, 70], startedAt: 1_700_000_000_000,
  finishedAt: 1_700_000_600_000,
  players: [{ seat: 0, name: 'Ana', kind: 'human' }, { seat: 1, name: 'Ben', kind: 'human' }, { seat: 2, name: 'Bot 3', kind: 'normal' }, { seat: 3, name: 'Bot 4', kind: 'hard' }],
  ...over,
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('Recent games', () => {
  it('lists this device\'s finished games with the player\'s result and a replay link, asking with the saved guest pass', async () => {
    localStorage.setItem('deckhand:guest', JSON.stringify(GUEST));
    const fetch = answer(200, {
      games: [
        game({}),
        game({ id: '1f8e5a1c-3b2d-4c6e-9a7b-1d2e3f4a5b6c', gameId: 'spades', seat: 1, scores: [300, 120, 300, 120] }),
      ],
    });
    render(<RecentGames />);
    const lines = await screen.findAllByRole('listitem');
    expect(fetch).toHaveBeenCalledWith('/api/history', { headers: { authorization: 'Bearer token-1' } });
    // Hearts: lowest wins. Spades: Ana sat in seat 2 of the losing side of two.
    expect(lines[0]!.textContent).toMatch(/Hearts.*with Ben, Bot 3, Bot 4.*Won · 12 points/);
    expect(lines[1]!.textContent).toMatch(/Spades.*2nd of 2 · 120 points/);
    expect(within(lines[0]!).getByRole('link', { name: /^Replay Hearts/ }).getAttribute('href')).toBe('/g/0f8e5a1c-3b2d-4c6e-9a7b-1d2e3f4a5b6c');
  });

  it('says where games will show when this device has no guest pass yet, without asking the server', () => {
    const fetch = answer(200, { games: [] });
    render(<RecentGames />);
    expect(screen.getByText(/Games you finish on this device show up here/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('words a guest pass the server no longer accepts for a person, not as an HTTP error', async () => {
    localStorage.setItem('deckhand:guest', JSON.stringify(GUEST));
    answer(401, { code: 'BAD_TOKEN', message: 'Send your guest pass as "Authorization: Bearer <token>"' });
    render(<RecentGames />);
    expect(await screen.findByText(UNKNOWN_GUEST_TEXT)).toBeTruthy();
  });
});
