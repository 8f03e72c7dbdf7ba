/**
 * Issue 11, point 6: invisible and look-alike names. The guest endpoint
 * refuses what cannot be read, a table refuses a name that reads the same as
 * someone's already there, and chat drops the characters that hide or
 * reorder text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, JoinErrorCode } from '@deckhand/protocol';
import { Player, bootServer, guest, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25763);
});
afterAll(async () => {
  await server.shutdown();
});

async function askForGuest(name: string): Promise<{ status: number; body: { code?: string; message?: string; name?: string } }> {
  const response = await fetch(`${server.url}/api/guest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return { status: response.status, body: (await response.json()) as { code?: string; message?: string; name?: string } };
}

describe('guest names', () => {
  it.each([
    ['Host plus a zero-width joiner', 'Host\u200D'],
    ['a right-to-left override', '\u202EtsoH'],
    ['a zero-width space', 'Ho\u200Bst'],
    ['a lone surrogate', 'Host\uD800'],
    ['a Hangul filler (renders blank)', '\u3164'],
    ['an unassigned character', 'Host\u0378'],
  ])('[N-01] refuses %s with BAD_NAME and a sentence', async (_what, name) => {
    const answer = await askForGuest(name);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(ErrorCode.BadName);
    expect(answer.body.message!.length).toBeGreaterThan(20);
  });

  it('[N-02] stores the NFKC form: full-width letters become plain ones', async () => {
    const answer = await askForGuest('Ｈｏｓｔ');
    expect(answer.status).toBe(200);
    expect(answer.body.name).toBe('Host');
  });
});

describe('a name that reads the same as another at the table', () => {
  it.each([['HOST'], ['Ноѕт'], ['H0st'], ['Hоst']])('[N-03] "%s" is refused at a table where "Host" sits, seated or watching', async (lookAlike) => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const code = host.snapshot().code;
    for (const options of [{}, { spectate: true }]) {
      const impostor = new Player(server, await guest(server, lookAlike));
      const refused = await impostor.joinAgain(code, options).then(() => null, (error: unknown) => error as { code: number; message: string });
      expect(refused?.code).toBe(JoinErrorCode.BadName);
      expect(refused?.message).toMatch(/already called "Host"/);
    }
    expect(host.snapshot().seats.filter((seat) => seat.kind === 'human')).toHaveLength(1);
    expect(host.snapshot().spectators).toEqual([]);
    // A different name is welcome, and the same identity may come back in another tab.
    await Player.join(server, 'Hostess', code);
    const secondTab = new Player(server, host.identity);
    await secondTab.joinAgain(code);
    expect(secondTab.snapshot().hostId).toBe(host.playerId);
  });
});

describe('chat', () => {
  it('[N-04] drops direction overrides and zero-width characters, keeps emoji sequences', async () => {
    const host = await Player.create(server, 'Host', { gameId: 'hearts' });
    const other = await Player.join(server, 'Ann', host.snapshot().code);
    host.send({ type: 'chat', text: 'gg \u202Egnp.exe\u202C pa\u200Bss \u{1F469}\u200D\u{1F4BB}' });
    const line = await waitFor('the line', () => other.chat.find((entry) => entry.playerId === host.playerId));
    expect(line.text).toBe('gg gnp.exe pass \u{1F469}\u200D\u{1F4BB}');
    expect(await host.sendAndWaitError({ type: 'chat', text: '\u200B\u202E' })).toMatchObject({ code: ErrorCode.BadChat });
  });
});
