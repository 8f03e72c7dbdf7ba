import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureGuest, savedGuest } from './identity';

/** The server's answer to `POST /api/guest`: it keeps the player id of a valid pass sent with a rename. */
function guestServer() {
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const { name } = JSON.parse(String(init.body)) as { name: string };
    const pass = (init.headers as Record<string, string>)['authorization'];
    const playerId = pass === 'Bearer token-ana' ? 'player-ana' : 'player-new';
    return new Response(JSON.stringify({ token: `token-${name.toLowerCase()}`, playerId, name }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('ensureGuest', () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem('deckhand:guest', JSON.stringify({ token: 'token-ana', playerId: 'player-ana', name: 'Ana' }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the saved pass for the same name, without asking the server', async () => {
    const fetch = guestServer();
    expect(await ensureGuest('Ana')).toEqual({ token: 'token-ana', playerId: 'player-ana', name: 'Ana' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renames with the saved pass, so the player (and their Recent games) stays the same', async () => {
    const fetch = guestServer();
    expect(await ensureGuest('Anna')).toEqual({ token: 'token-anna', playerId: 'player-ana', name: 'Anna' });
    expect(fetch.mock.calls[0]![1].headers).toMatchObject({ authorization: 'Bearer token-ana' });
    expect(savedGuest()).toEqual({ token: 'token-anna', playerId: 'player-ana', name: 'Anna' });
  });

  it('sends no pass when asked for a fresh one (the server refused the saved pass)', async () => {
    const fetch = guestServer();
    expect((await ensureGuest('Ana', { fresh: true })).playerId).toBe('player-new');
    expect(fetch.mock.calls[0]![1].headers).not.toHaveProperty('authorization');
  });
});
