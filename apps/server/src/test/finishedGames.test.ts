/**
 * Nothing already played is missing from the history (issue 12). A game the
 * store refuses at first is stored by a later try, and its link goes out
 * then. A table restored on a game over gives its players the replay link
 * again, and a game the store did not get before the process stopped (its
 * last move logged, the game not yet stored) is stored on restore. A restart
 * is two servers in turn on one store.
 */
import { Rng } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryTableStore } from '../store/MemoryTableStore';
import { Player, bootServer, playToEnd, replayedScores, seatedTable, waitFor } from './harness';
import type { TestServer } from './harness';

const ENV = { TOKEN_SECRET: 'restored-game-over-secret-restored-game-over' };
const running: TestServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.shutdown()));
});

async function boot(port: number, store: MemoryTableStore): Promise<TestServer> {
  const server = await bootServer(port, ENV, { store });
  running.push(server);
  return server;
}

/** Two humans play a Crazy Eights game to its end on `server`. */
async function playAGame(server: TestServer, seed: string): Promise<{ host: Player; guest: Player; code: string }> {
  const [host, guest] = await seatedTable(server, 'crazy-eights', 2);
  host!.send({ type: 'start' });
  await waitFor('the deal', () => host!.snapshot().phase === 'playing');
  const rng = Rng.fromSeed(seed);
  await playToEnd([host!, guest!], (moves: MoveBase[]) => rng.pick(moves));
  return { host: host!, guest: guest!, code: host!.snapshot().code };
}

const savedIds = (player: Player): string[] => player.messages.flatMap((message) => (message.type === 'gameSaved' ? [message.id] : []));

/** Stops `server` as a deploy does (the tables stay in the store), then starts the next one on the same store. */
async function restart(server: TestServer, port: number, store: MemoryTableStore, meanwhile: () => void = () => undefined): Promise<TestServer> {
  running.splice(running.indexOf(server), 1);
  await server.shutdown();
  meanwhile();
  return boot(port, store);
}

/** `player` comes back to table `code` on the restarted server, with the same identity. */
async function comeBack(server: TestServer, player: Player, code: string): Promise<Player> {
  const again = new Player(server, player.identity);
  await again.joinAgain(code);
  return again;
}

describe('a table restored on a game over', () => {
  it('stores the game the store never got, and its players get the link to it', async () => {
    const store = new MemoryTableStore();
    const first = await boot(25773, store);
    const saveGame = store.saveGame.bind(store);
    // The process "stops" after the last move's log write and before the game's: the store never gets it.
    store.saveGame = () => Promise.reject(new Error('stopped before the game was stored'));
    const { host, code } = await playAGame(first, 'restored-unsaved');
    await host.sendAndWaitError({ type: 'move', move: { type: 'draw' } });
    expect(savedIds(host)).toEqual([]);
    const scores = host.snapshot().outcome!.scores;

    // The store works again once the first process is gone (its last try at closing failed too).
    const second = await restart(first, 25774, store, () => (store.saveGame = saveGame));
    const back = await comeBack(second, host, code);
    const [id] = await waitFor('the link after the restart', () => savedIds(back).length > 0 && savedIds(back));
    expect(back.snapshot().phase).toBe('gameOver');
    const games = await store.gamesOf(host.playerId, 10);
    expect(games.map((game) => game.id)).toEqual([id]);
    const stored = await store.game(id!);
    expect(stored?.tableCode).toBe(code);
    expect(stored?.scores).toEqual(scores);
    // The stored moves are the whole game: they replay to the scores the table showed.
    expect(replayedScores(stored!)).toEqual(scores);
  });

  it('finds the game the store already had, and stores it no second time', async () => {
    const store = new MemoryTableStore();
    const first = await boot(25775, store);
    const { host, guest, code } = await playAGame(first, 'restored-saved');
    const [id] = await waitFor('the link before the restart', () => savedIds(host).length > 0 && savedIds(host));

    const second = await restart(first, 25776, store);
    const back = await comeBack(second, guest, code);
    await waitFor('the link after the restart', () => savedIds(back).length > 0);
    expect(savedIds(back)).toEqual([id]);
    expect((await store.gamesOf(host.playerId, 10)).map((game) => game.id)).toEqual([id]);
  });
});

describe('a game the store refused at first', () => {
  it('is stored by a later try, once, and everyone at the table gets its link then', async () => {
    const store = new MemoryTableStore();
    const server = await boot(25777, store);
    const saveGame = store.saveGame.bind(store);
    let refusals = 0;
    store.saveGame = (game) => (refusals++ === 0 ? Promise.reject(new Error('database is locked')) : saveGame(game));
    const { host, guest } = await playAGame(server, 'refused-once');
    await host.sendAndWaitError({ type: 'move', move: { type: 'draw' } });
    expect(savedIds(host)).toEqual([]);
    const [id] = await waitFor('the link after the retry', () => savedIds(host).length > 0 && savedIds(host));
    await waitFor('the other player told', () => savedIds(guest).length > 0);
    expect(savedIds(guest)).toEqual([id]);
    expect(refusals).toBe(2);
    expect((await store.gamesOf(host.playerId, 10)).map((game) => game.id)).toEqual([id]);
    expect(replayedScores((await store.game(id!))!)).toEqual(host.snapshot().outcome!.scores);
  });
});
