/**
 * The Deckhand side of the wire-bytes benchmark against the real server
 * (in this process): a table of colyseus.js clients plays a whole game from
 * their own views, and the record it keeps is the server's game.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startServer } from '@deckhand/server';
import type { RunningServer } from '@deckhand/server';
import { findGame, replayGame } from '@deckhand/rules';
import { BotTable } from '../deckhand/BotTable';
import { DeckhandTable } from '../deckhand/DeckhandTable';
import { shortGameOptions } from '../parts/wireBytes';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    env: {
      NODE_ENV: 'production', HOST: '127.0.0.1', TOKEN_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', BOT_DELAY_MS: '0',
      JOINS_PER_MINUTE: '1000000', TABLES_PER_PLAYER: '1000000', TABLES_PER_ADDRESS: '1000000',
      // In memory: the tables this test leaves open must not come back in the next `npm run dev`.
      DATA_DIR: '',
    },
  });
});

afterAll(async () => {
  await server?.shutdown();
});

describe('Deckhand table driver', () => {
  it('[bench-wire] four clients play a whole game; the record replays to the outcome every client saw', async () => {
    const game = findGame('crazy-eights')!;
    const table = await DeckhandTable.open({
      baseUrl: `http://127.0.0.1:${server.port}`,
      gameId: game.id,
      seats: 4,
      botSeed: 'driver-test',
      options: shortGameOptions(game),
    });
    try {
      const run = await table.playToEnd();
      expect(run.seed).not.toBe('');
      expect(run.latenciesMs).toHaveLength(run.moves);
      const replay = replayGame(game, run.record);
      expect(replay.ok).toBe(true);
      if (replay.ok) expect(game.outcome(replay.state)).not.toBeNull();
      for (const client of run.clients) {
        // The join snapshot is counted apart, and every move reached every client as at least one patch.
        expect(client.join.wireBytes).toBeGreaterThan(0);
        expect(client.moves.byKind['patch']).toBeGreaterThan(0);
        expect(client.moves.messages).toBeGreaterThanOrEqual(run.moves);
      }
    } finally {
      await table.leave();
    }
  }, 120_000);

  it('[bench-hardbots] a table of four bots plays on by itself, game after game, and counts its moves', async () => {
    const game = findGame('crazy-eights')!;
    const table = await BotTable.open({
      baseUrl: `http://127.0.0.1:${server.port}`,
      gameId: game.id,
      seats: 4,
      level: 'easy',
      options: shortGameOptions(game),
    });
    try {
      await expect.poll(() => table.gamesOver, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(1);
      const afterFirst = table.moves;
      expect(afterFirst).toBeGreaterThan(10);
      // The watcher asked for a rematch: the bots go on.
      await expect.poll(() => table.moves, { timeout: 30_000, interval: 50 }).toBeGreaterThan(afterFirst + 10);
    } finally {
      await table.leave();
    }
  }, 120_000);
});
