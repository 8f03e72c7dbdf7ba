/**
 * Issue 11, point 9: a spectator's decoder must be able to place every part
 * of every patch. The hidden hands never reach a spectator, so nothing about
 * them (not even their removal at a rematch or a return to the lobby) may.
 * colyseus.js reports what it cannot place on the console ("refId" not
 * found ... Please report this issue), so the test listens there.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Player, bootServer, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25764);
});
afterAll(async () => {
  await server.shutdown();
});

/** What the schema decoder wrote to the console during a test. */
let complaints: string[] = [];
beforeEach(() => {
  complaints = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      complaints.push(args.map((arg) => (typeof arg === 'string' ? arg : '')).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a spectator through a rematch and back to the lobby', () => {
  it('[S-01] decodes every patch without a complaint, and never holds a hand', async () => {
    // The host watches too and bots play every seat, so the games run at full speed.
    const host = await Player.create(server, 'Host', { gameId: 'crazy-eights', seatCount: 2, turnSeconds: 0, options: { target: 100 } });
    const code = host.snapshot().code;
    host.send({ type: 'stand' });
    await waitFor('the host standing', () => host.snapshot().seats.every((seat) => seat.kind === 'empty'));
    for (const seat of [0, 1]) host.send({ type: 'addBot', seat, level: 'normal' });
    const watcher = await Player.join(server, 'Watcher', code, { spectate: true });
    await waitFor('bots seated', () => watcher.snapshot().seats.every((seat) => seat.kind === 'bot'));
    const handsSeen: number[] = [];
    watcher.onPatch(() => {
      const hands = (watcher.room.state as { hands?: Map<string, unknown> }).hands;
      handsSeen.push(hands?.size ?? 0);
    });
    for (const round of ['start', 'rematch'] as const) {
      const patches = watcher.patches;
      host.send({ type: round });
      await waitFor(`${round}: the game over`, () => watcher.patches > patches + 5 && watcher.snapshot().phase === 'gameOver', 20_000);
    }
    host.send({ type: 'toLobby' });
    await waitFor('the lobby', () => watcher.snapshot().phase === 'lobby');
    await sleep(50);
    expect(complaints).toEqual([]);
    expect(watcher.errors).toEqual([]);
    expect(handsSeen.length).toBeGreaterThan(20);
    expect(Math.max(...handsSeen)).toBe(0);
  });
});
