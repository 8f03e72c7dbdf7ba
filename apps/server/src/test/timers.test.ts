/** Turn timer, away mode and the hand summary's wait, with waits scaled down 100 times. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, seatedTable, sleep, waitFor } from './harness';
import type { Player, TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  // 15 s turns last 150 ms and the 10 s hand summary 100 ms.
  server = await bootServer(25676, { TIME_SCALE: '0.01' });
});
afterAll(async () => {
  await server.shutdown();
});

describe('turn timer', () => {
  it('an idle player is played for when the deadline passes, marked away after two timeouts in a row, and back on acting again', async () => {
    const [host] = (await seatedTable(server, 'hearts', 1, { turnSeconds: 15 })) as [Player];
    const startedAt = Date.now();
    host.send({ type: 'start' });
    await waitFor('the deadline', () => host.snapshot().deadline > 0);
    // 15 s scaled: 150 ms after the deal (compared loosely: a loaded machine delays the patch, not the deadline).
    const { deadline } = host.snapshot();
    expect(deadline).toBeGreaterThan(startedAt + 100);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 150);

    await waitFor('the first timeout', () => host.events.some((event) => event.seat === 0 && event.by === 'timeout'));
    expect(host.snapshot().seats[0]!.timeouts).toBeGreaterThanOrEqual(1);
    await waitFor('away', () => host.snapshot().seats[0]!.away, 5000);
    expect(host.snapshot().seats[0]!.timeouts).toBe(2);
    // Away: played at bot speed, without waiting for the deadline.
    await waitFor('an away move', () => host.events.some((event) => event.seat === 0 && event.by === 'away'), 5000);

    host.send({ type: 'move', move: { type: 'wave' } });
    await waitFor('back', () => !host.snapshot().seats[0]!.away);
    expect(host.snapshot().seats[0]!.timeouts).toBe(0);
  });

  it('with the timer off the game waits for a connected player', async () => {
    const [host] = (await seatedTable(server, 'crazy-eights', 1, { seats: 2, turnSeconds: 0 })) as [Player];
    host.send({ type: 'start' });
    await waitFor('my turn', () => host.legalMoves().length > 0);
    const moves = host.events.length;
    await sleep(400);
    expect(host.snapshot().deadline).toBe(0);
    expect(host.events.length).toBe(moves);
    expect(host.snapshot().seats[0]!.away).toBe(false);
  });
});

describe('hand summary', () => {
  it('ends when the summary wait passes even if a human does not press continue, without counting a timeout', async () => {
    const [host] = (await seatedTable(server, 'hearts', 1, { turnSeconds: 0 })) as [Player];
    let summaryDeadline = 0;
    host.onPatch(() => {
      const snapshot = host.snapshot();
      if (snapshot.board['phase'] === 'handOver' && snapshot.deadline > 0) summaryDeadline = snapshot.deadline;
    });
    host.send({ type: 'start' });
    // Play the first hand; then stop at the summary.
    while (host.snapshot().board['phase'] !== 'handOver' && host.snapshot().handNumber < 2) {
      const moves = host.legalMoves();
      const before = host.patches;
      if (moves.length > 0) {
        host.send({ type: 'move', move: moves[0]! });
        await waitFor('an answer', () => host.patches > before || host.errors.length > 0);
      }
      await sleep(60);
    }
    await waitFor('the next hand', () => host.snapshot().handNumber === 2, 5000);
    expect(summaryDeadline).toBeGreaterThan(0);
    expect(host.events.some((event) => event.seat === 0 && event.by === 'timeout' && event.events.length > 0)).toBe(true);
    expect(host.snapshot().seats[0]).toMatchObject({ timeouts: 0, away: false });
  });
});
