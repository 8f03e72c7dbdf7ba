/**
 * Finished games over real HTTP: a player's recent games with their guest
 * token, one game by its link for anyone, and the clear refusals around them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, HistoryErrorCode, RecentGamesResponseSchema, FinishedGameSchema } from '@deckhand/protocol';
import { Rng, findGame, replayGame } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import * as v from 'valibot';
import { HISTORY_READS_PER_MINUTE } from '../http/historyRoute';
import { Player, bootServer, guest, playToEnd, seatedTable, waitFor } from './harness';
import type { TestServer } from './harness';
import { rawRequest } from './rawHttp';

let server: TestServer;
/** A Crazy Eights game a person (Host) played against a bot to the end, and what their screen showed. */
let played: { host: Player; watcher: Player; seedHashAtDeal: string; scores: readonly number[] };

beforeAll(async () => {
  server = await bootServer(25771);
  const [host] = (await seatedTable(server, 'crazy-eights', 1, { seats: 2 })) as [Player];
  const watcher = await Player.join(server, 'Watcher', host.snapshot().code, { spectate: true });
  host.send({ type: 'start' });
  const seedHashAtDeal = await waitFor('the deal', () => host.snapshot().seedHash || null);
  const rng = Rng.fromSeed('history');
  await playToEnd([host], (moves: MoveBase[]) => rng.pick(moves));
  played = { host, watcher, seedHashAtDeal, scores: host.snapshot().outcome!.scores };
}, 90_000);
afterAll(async () => {
  await played?.host.leave();
  await played?.watcher.leave();
  await server.shutdown();
});

const get = (path: string, token?: string, from?: string) =>
  rawRequest(server.port, path, { method: 'GET', headers: token === undefined ? {} : { authorization: token }, from });

describe('GET /api/history', () => {
  it('lists the games the token\'s player finished, newest first, with their seat; nobody else\'s', async () => {
    const answer = await get('/api/history', `Bearer ${played.host.identity.token}`);
    expect(answer.status).toBe(200);
    const { games } = v.parse(RecentGamesResponseSchema, answer.json);
    expect(games).toHaveLength(1);
    const [game] = games;
    expect(game).toMatchObject({ gameId: 'crazy-eights', seat: 0, scores: played.scores });
    expect(game!.players.map((player) => [player.name, player.kind])).toEqual([['Host', 'human'], [expect.any(String), 'normal']]);
    expect(game!.finishedAt).toBeGreaterThanOrEqual(game!.startedAt);
    // Player ids and the table's code stay out of what is shown.
    expect(JSON.stringify(answer.json)).not.toContain(played.host.playerId);
    expect(JSON.stringify(answer.json)).not.toContain(played.host.snapshot().code);

    const stranger = await guest(server, 'Stranger');
    const theirs = await get('/api/history', `Bearer ${stranger.token}`);
    expect(theirs.status).toBe(200);
    expect(theirs.json).toEqual({ games: [] });
  });

  it('stays the player\'s after a rename: the new pass keeps the player id, and the games with it', async () => {
    const renamed = await guest(server, 'Hostess', played.host.identity.token);
    expect(renamed).toMatchObject({ name: 'Hostess', playerId: played.host.playerId });
    const answer = await get('/api/history', `Bearer ${renamed.token}`);
    const { games } = v.parse(RecentGamesResponseSchema, answer.json);
    expect(games.map((game) => [game.gameId, game.seat])).toEqual([['crazy-eights', 0]]);
    // The game keeps the name it was played under.
    expect(games[0]!.players[0]!.name).toBe('Host');

    // A pass that does not verify claims nobody: that name is a new player, with no games.
    const forged = await guest(server, 'Hostess', `${played.host.identity.token}x`);
    expect(forged.playerId).not.toBe(played.host.playerId);
    expect((await get('/api/history', `Bearer ${forged.token}`)).json).toEqual({ games: [] });
  });

  it('refuses a missing, malformed or forged guest pass with 401 and a sentence', async () => {
    const token = played.host.identity.token;
    for (const header of [undefined, '', token, 'Basic abc', 'Bearer', `Bearer ${token}x`, `Bearer ${token.replace(/\.[^.]+$/, '.AAAA')}`]) {
      const answer = await get('/api/history', header);
      expect(answer.status, String(header)).toBe(401);
      expect(answer.json['code']).toBe(ErrorCode.BadToken);
      expect(String(answer.json['message'])).toMatch(/guest pass/);
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });
});

describe('the replay link at game over', () => {
  const savedIds = (player: Player) => player.messages.flatMap((message) => (message.type === 'gameSaved' ? [message.id] : []));

  it('tells everyone at the table, the spectator too, the stored game\'s id, which the history serves', async () => {
    const [id] = await waitFor('the saved game\'s id', () => savedIds(played.host).length > 0 && savedIds(played.host));
    expect(savedIds(played.host)).toEqual([id]);
    await waitFor('the spectator told', () => savedIds(played.watcher).length > 0);
    expect(savedIds(played.watcher)).toEqual([id]);
    // Told after the game-over patch: the client already shows the game over when the link comes.
    expect(played.host.snapshot().phase).toBe('gameOver');

    const list = await get('/api/history', `Bearer ${played.host.identity.token}`);
    expect(v.parse(RecentGamesResponseSchema, list.json).games.map((game) => game.id)).toEqual([id]);
    const answer = await get(`/api/games/${id}`);
    expect(answer.status).toBe(200);
    expect(v.parse(FinishedGameSchema, answer.json)).toMatchObject({ id, gameId: 'crazy-eights', seedHash: played.seedHashAtDeal });
  });

  it('tells whoever arrives while the table shows that game over', async () => {
    const [id] = savedIds(played.host);
    const late = await Player.join(server, 'Latecomer', played.host.snapshot().code, { spectate: true });
    try {
      await waitFor('the latecomer told', () => savedIds(late).length > 0);
      expect(savedIds(late)).toEqual([id]);
    } finally {
      await late.leave();
    }
  });
});

describe('GET /api/games/:id', () => {
  it('gives anyone the whole game: the seed hashes to the hash published at the deal, and the moves replay to the scores', async () => {
    const list = await get('/api/history', `Bearer ${played.host.identity.token}`);
    const id = v.parse(RecentGamesResponseSchema, list.json).games[0]!.id;
    // No token: the link is the key.
    const answer = await get(`/api/games/${id}`);
    expect(answer.status).toBe(200);
    const game = v.parse(FinishedGameSchema, answer.json);
    expect(game.id).toBe(id);
    expect(createHash('sha256').update(game.seed).digest('hex')).toBe(played.seedHashAtDeal);
    expect(game.seedHash).toBe(played.seedHashAtDeal);
    const rules = findGame(game.gameId)!;
    const replay = replayGame(rules, { game: game.gameId, seed: game.seed, options: game.options, seats: game.players.length, moves: game.moves });
    expect(replay.ok).toBe(true);
    if (replay.ok) expect(rules.outcome(replay.state)?.scores).toEqual(played.scores);
    expect(game.scores).toEqual(played.scores);
    expect(JSON.stringify(answer.json)).not.toContain(played.host.playerId);
    expect(JSON.stringify(answer.json)).not.toContain(played.host.snapshot().code);
    // Upper case (a retyped link) names the same game.
    expect((await get(`/api/games/${id.toUpperCase()}`)).status).toBe(200);
  });

  it('answers 404 for an id nobody was given and 400 for one that cannot be an id', async () => {
    const unknown = await get(`/api/games/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json['code']).toBe(HistoryErrorCode.NoSuchFinishedGame);
    expect(String(unknown.json['message'])).toMatch(/no finished game/);
    for (const bad of ['abc', '12345678-1234-1234-1234-123456789012x', '%3Cscript%3E', '%E0', 'x'.repeat(300)]) {
      const answer = await get(`/api/games/${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.json['code']).toBe(HistoryErrorCode.BadGameId);
    }
  });

  it('limits reads per address with 429 and Retry-After, as the other routes do', async () => {
    const from = '127.0.0.23';
    for (let i = 0; i < HISTORY_READS_PER_MINUTE; i++) {
      expect((await get(`/api/games/${randomUUID()}`, undefined, from)).status).toBe(404);
    }
    const refused = await get(`/api/games/${randomUUID()}`, undefined, from);
    expect(refused.status).toBe(429);
    expect(refused.json['code']).toBe(ErrorCode.RateLimited);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held up.
    expect((await get(`/api/games/${randomUUID()}`, undefined, '127.0.0.24')).status).toBe(404);
  });
});

describe('a game the store could not keep', () => {
  it('gets no replay link, not even the previous game\'s', async () => {
    const { host, watcher } = played;
    const told = host.messages.filter((message) => message.type === 'gameSaved').length;
    const store = server.store;
    const saveGame = store.saveGame.bind(store);
    store.saveGame = () => Promise.reject(new Error('disk full'));
    try {
      host.send({ type: 'rematch' });
      await waitFor('the rematch dealt', () => host.snapshot().phase === 'playing');
      const rng = Rng.fromSeed('history-unsaved');
      await playToEnd([host], (moves: MoveBase[]) => rng.pick(moves));
      // The game over is shown; a client that could be told something has been (the spectator's patch came).
      await waitFor('the spectator sees the game over', () => watcher.snapshot().phase === 'gameOver');
      await host.sendAndWaitError({ type: 'move', move: { type: 'draw' } });
      expect(host.messages.filter((message) => message.type === 'gameSaved')).toHaveLength(told);
      const late = await Player.join(server, 'Latecomer2', host.snapshot().code, { spectate: true });
      await late.sendAndWaitError({ type: 'move', move: { type: 'draw' } });
      expect(late.messages.some((message) => message.type === 'gameSaved')).toBe(false);
      await late.leave();
    } finally {
      store.saveGame = saveGame;
    }
  });
});
