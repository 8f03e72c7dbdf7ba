/**
 * A bot program at a real table: it joins by code and is marked as a program
 * on its seat, answers each of its turns itself (never the turn timer), sees
 * only its own hand, survives a dropped connection, and leaves at game over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from 'colyseus.js';
import { ErrorCode, MoveSource, TablePhase } from '@deckhand/protocol';
import type { ErrorMessage } from '@deckhand/protocol';
import { findBot } from '@deckhand/rules';
import type { AnyGame } from '@deckhand/rules';
import { playTable } from '../playTable';
import { Host, bootServer, bootQuickServer, waitFor } from './table';
import type { TestServer } from './table';

const heuristic = (game: AnyGame) => findBot(game, 'heuristic')!;

/** Every move the host saw, with its seat and how it came about. */
function movesSeen(host: Host): { seat: number; by: string }[] {
  const moves = new Map<string, { seat: number; by: string }>();
  for (const snapshot of host.snapshots) {
    if (snapshot.lastMove) moves.set(`${snapshot.seedHash}/${snapshot.moveNumber}`, snapshot.lastMove);
  }
  return [...moves.values()];
}

describe('playTable', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootServer();
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('joins by code as a marked bot program, plays every one of its turns to the end of the game, and leaves', async () => {
    const host = await Host.open(server, 'hearts');
    const decoded: { seat: number | undefined }[][] = [];
    const playing = playTable({
      url: server.url,
      code: host.table.code,
      name: 'Keep Out',
      bot: heuristic,
      onState: (json) => decoded.push(Object.values(json.hands ?? {}).map((hand) => ({ seat: hand.seat }))),
    });
    const seat = await waitFor('the program seated', () => host.table.seats.find((candidate) => candidate.name === 'Keep Out'));
    expect(seat).toMatchObject({ kind: 'human', program: true, connected: true });
    expect(host.table.seats.filter((candidate) => candidate.program)).toHaveLength(1);
    await host.fillWithBotsAndStart();

    const result = await playing;
    expect(result.seat).toBe(seat.index);
    expect(result.errors).toEqual([]);
    await waitFor('the host seeing the game end', () => host.table.phase === TablePhase.GameOver);
    expect(result.outcome).toEqual(host.table.outcome);
    const mine = movesSeen(host).filter((move) => move.seat === seat.index);
    expect(mine.length).toBe(result.moves);
    expect(mine.length).toBeGreaterThan(13);
    // Every one of its turns was its own answer: none was played for it by the timer.
    expect(mine.every((move) => move.by === MoveSource.Player)).toBe(true);
    // Hidden information: the program decoded its own hand and no other seat's; the host (a spectator) none.
    expect(decoded.flat().length).toBeGreaterThan(0);
    expect(decoded.flat().every((hand) => hand.seat === seat.index)).toBe(true);
    expect(host.raw.every((json) => Object.keys(json.hands ?? {}).length === 0)).toBe(true);
    await waitFor('the program gone from the table', () => host.table.seats[seat.index]!.connected === false || host.table.seats[seat.index]!.kind !== 'human');
    await host.room.leave(true);
  });

  it('gets its seat back after its connection drops mid-game and plays on to the end', async () => {
    const host = await Host.open(server, 'crazy-eights');
    let first: Room | null = null;
    let connections = 0;
    const lines: string[] = [];
    const playing = playTable({
      url: server.url,
      code: host.table.code,
      name: 'Dropper',
      bot: heuristic,
      log: (line) => lines.push(line),
      onConnect: (room) => {
        connections++;
        first ??= room;
      },
    });
    const seat = await waitFor('the program seated', () => host.table.seats.find((candidate) => candidate.name === 'Dropper'));
    await host.fillWithBotsAndStart();
    await waitFor('a few moves', () => host.table.moveNumber > 6);
    // A network failure, not a leave: the socket dies without a closing handshake.
    (first!.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
    await waitFor('the host seeing the drop or the return', () => connections > 1 || host.table.seats[seat.index]!.connected === false);

    const result = await playing;
    await waitFor('the host seeing the game end', () => host.table.phase === TablePhase.GameOver);
    expect(result.reconnects).toBeGreaterThanOrEqual(1);
    expect(connections).toBe(result.reconnects + 1);
    expect(lines.some((line) => line.startsWith('connection lost'))).toBe(true);
    expect(result.outcome).toEqual(host.table.outcome);
    const mine = movesSeen(host).filter((move) => move.seat === seat.index);
    expect(mine.every((move) => move.by === MoveSource.Player)).toBe(true);
    await host.room.leave(true);
  });

  it('refuses a table code that does not exist with a clear error', async () => {
    await expect(playTable({ url: server.url, code: 'BBBBB', name: 'Lost', bot: heuristic })).rejects.toThrow(/cannot join table BBBBB/);
  });
});

describe('playTable at a table of bots that answer at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootQuickServer();
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('keeps under the table\'s message limit, so none of its moves is dropped or played for it', async () => {
    const host = await Host.open(server, 'hearts');
    const refused: ErrorMessage[] = [];
    const lines: string[] = [];
    const started = Date.now();
    const playing = playTable({
      url: server.url,
      code: host.table.code,
      name: 'Quick',
      bot: heuristic,
      log: (line) => lines.push(line),
      // The raw messages the connection receives, not what playTable makes of them.
      onConnect: (room) => room.onMessage('error', (message: ErrorMessage) => refused.push(message)),
    });
    const seat = await waitFor('the program seated', () => host.table.seats.find((candidate) => candidate.name === 'Quick'));
    await host.fillWithBotsAndStart();

    const result = await playing;
    await waitFor('the host seeing the game end', () => host.table.phase === TablePhase.GameOver);
    // A whole game of Hearts: far more moves than the table's burst of 40.
    expect(result.moves).toBeGreaterThan(40);
    expect(refused.filter((message) => message.code === ErrorCode.RateLimited)).toEqual([]);
    expect(lines.filter((line) => line.includes('slowed down'))).toEqual([]);
    expect(result.errors).toEqual([]);
    const mine = movesSeen(host).filter((move) => move.seat === seat.index);
    expect(mine.length).toBe(result.moves);
    expect(mine.every((move) => move.by === MoveSource.Player)).toBe(true);
    // Paced, not stalled: 20 moves at once, then 18 a second.
    expect(Date.now() - started).toBeLessThan(((result.moves - 20) / 18) * 1000 + 15_000);
    await host.room.leave(true);
  }, 60_000);
});
