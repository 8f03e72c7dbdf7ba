/**
 * Bad input never changes the state and never drops the connection: the
 * sender gets an `error` it can show. Rate limits, size caps and chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, ErrorCode, Limits } from '@deckhand/protocol';
import type { TableSnapshot } from '@deckhand/protocol';
import { Player, bootServer, seatedTable, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25677);
});
afterAll(async () => {
  await server.shutdown();
});

function gameState(snapshot: TableSnapshot): string {
  return JSON.stringify([snapshot.board, snapshot.mine, snapshot.seats, snapshot.phase]);
}

describe('input matrix', () => {
  it('malformed, unknown, out-of-phase, out-of-turn and illegal messages leave the state unchanged and the connection open', async () => {
    const players = await seatedTable(server, 'hearts', 2, { gameOptions: { target: 50 } });
    const [host, other] = players as [Player, Player];
    host.send({ type: 'start' });
    await waitFor('the passing phase', () => host.legalMoves().length > 0 && other.legalMoves().length > 0);
    const spectator = await Player.join(server, 'Watcher', host.snapshot().code);
    const before = gameState(host.snapshot());
    const hand = host.snapshot().mine!['hand'] as number[];
    const othersCard = (other.snapshot().mine!['hand'] as number[])[0]!;

    const cases: [Player, string, unknown, string][] = [
      [host, 'move', 'not an object', ErrorCode.BadMessage],
      [host, 'move', { move: 42 }, ErrorCode.BadMessage],
      [host, 'move', { move: { cards: [1, 2, 3] } }, ErrorCode.BadMessage],
      [host, 'move', [1, 2, 3], ErrorCode.BadMessage],
      [host, 'explode', {}, ErrorCode.UnknownType],
      [host, 'move', { move: { type: 'fly' } }, 'INVALID_MOVE'],
      // Passing phase: playing a card is out of phase.
      [host, 'move', { move: { type: 'play', card: hand[0] } }, 'WRONG_PHASE'],
      // A pass of cards the seat does not hold.
      [host, 'move', { move: { type: 'pass', cards: [othersCard, hand[0], hand[1]] } }, 'CARD_NOT_IN_HAND'],
      [host, 'move', { move: { type: 'pass', cards: [hand[0]] } }, 'MUST_PASS_THREE'],
      [host, 'addBot', { seat: 0, level: 'easy' }, ErrorCode.TablePhase],
      [host, 'start', {}, ErrorCode.TablePhase],
      [host, 'rematch', {}, ErrorCode.TablePhase],
      [host, 'sit', { seat: 1 }, ErrorCode.TablePhase],
      [host, 'swapSeats', { seat: 0, with: 1 }, ErrorCode.TablePhase],
      [other, 'swapSeats', { seat: 0, with: 1 }, ErrorCode.NotHost],
      [other, 'configure', { turnSeconds: 15 }, ErrorCode.NotHost],
      [other, 'kick', { playerId: host.playerId }, ErrorCode.NotHost],
      [spectator, 'move', { move: { type: 'pass', cards: hand.slice(0, 3) } }, ErrorCode.NotSeated],
      [host, 'chat', { text: '   ' }, ErrorCode.BadChat],
      [host, 'chat', { text: 'x'.repeat(Limits.chatMax + 1) }, ErrorCode.BadChat],
      [host, 'chat', { text: 'y'.repeat(Limits.chatMax * 4 + 1) }, ErrorCode.BadMessage],
      [host, 'move', { move: { type: 'pass', cards: [], padding: 'z'.repeat(Limits.messageBytes) } }, ErrorCode.MessageTooLarge],
    ];
    for (const [player, type, payload, code] of cases) {
      const before2 = player.errors.length;
      player.room.send(type, payload);
      const answer = await waitFor(`an error for ${type} ${JSON.stringify(payload).slice(0, 60)}`, () => player.errors[before2]);
      expect(answer.code, `${type} ${JSON.stringify(payload).slice(0, 80)}`).toBe(code);
      expect(answer.message.length).toBeGreaterThan(5);
    }
    // Bytes that are not msgpack at all, and a header cut short: refused, connection kept.
    for (const bytes of [[13, 0xa4, 0x6d, 0x6f, 0x76, 0x65, 0xc1], [13, 0xd9]]) {
      const count = host.errors.length;
      host.room.connection.send(new Uint8Array(bytes));
      const answer = await waitFor('an error for raw bytes', () => host.errors[count]);
      expect([ErrorCode.BadMessage, ErrorCode.UnknownType]).toContain(answer.code);
    }
    await sleep(50);
    expect(gameState(host.snapshot())).toBe(before);
    for (const player of [host, other, spectator]) expect(player.left).toBeNull();

    // Hearts waits for all four passes; the other human has not passed, so a move now is refused as not its turn.
    host.room.send('move', { move: { type: 'pass', cards: hand.slice(0, 3) } });
    await waitFor('the pass', () => (host.snapshot().mine!['passed'] as number[]).length === 3);
    const again = await host.sendAndWaitError({ type: 'move', move: { type: 'pass', cards: hand.slice(3, 6) } });
    expect(again.code).toBe('NOT_YOUR_TURN');
  });

  it('floods are dropped with a rate-limit error, and a client that keeps flooding is disconnected with the flooding code', async () => {
    const players = await seatedTable(server, 'hearts', 2);
    const [host, other] = players as [Player, Player];
    for (let index = 0; index < Limits.rateBurst + 20; index++) host.room.send('chat', { text: '' });
    await waitFor('the rate-limit error', () => host.errors.some((error) => error.code === ErrorCode.RateLimited));
    expect(host.left).toBeNull();
    // Well past the burst and the tolerated drops: disconnected.
    for (let index = 0; index < Limits.rateBurst + Limits.floodDrops + 50; index++) other.room.send('stand', {});
    await waitFor('the flooding disconnect', () => other.left);
    expect(other.left, JSON.stringify(other.left)).toMatchObject({ code: CloseCode.Flooding });
    expect(host.left).toBeNull();
  });

  it('chat is trimmed, reaches the whole table with seat and name, and the last 50 lines reach a late joiner', async () => {
    const players = await seatedTable(server, 'hearts', 2);
    const [host, other] = players as [Player, Player];
    host.send({ type: 'chat', text: '  hello\tthere  ' });
    await waitFor('the line', () => other.chat.some((line) => line.text === 'hello there'));
    const line = other.chat.find((entry) => entry.text === 'hello there')!;
    expect(line).toMatchObject({ seat: 0, name: 'Host', playerId: host.playerId });
    // Chat has its own bucket per client (burst 5): ten speakers fill more than the history.
    const speakers = [host, other];
    for (let index = 0; index < 8; index++) speakers.push(await Player.join(server, `Watcher ${index}`, host.snapshot().code));
    let sent = 1;
    for (const speaker of speakers) {
      for (let index = 0; index < Limits.chatBurst - (speaker === host ? 1 : 0); index++) speaker.send({ type: 'chat', text: `line ${sent++}` });
      await sleep(5);
    }
    // One more after the bucket refills: more lines than the history keeps.
    await sleep(1000 / Limits.chatPerSecond + 50);
    host.send({ type: 'chat', text: `line ${sent++}` });
    expect(sent).toBeGreaterThan(Limits.chatHistory);
    await waitFor('all lines', () => host.chat.some((entry) => entry.text === `line ${sent - 1}`));
    expect(speakers.flatMap((speaker) => speaker.errors)).toEqual([]);
    await speakers.at(-1)!.leave();
    const late = await Player.join(server, 'Late', host.snapshot().code);
    await waitFor('the history', () => late.chat.length > 0);
    expect(late.chat).toHaveLength(Limits.chatHistory);
    expect(late.chat.at(-1)!.text).toBe(`line ${sent - 1}`);
  }, 120_000);
});
