import { describe, expect, it } from 'vitest';
import { Rng } from '@deckhand/rules';
import { PING_TICK_MS, StaggeredPings } from './StaggeredPingTransport';
import type { PingedSocket } from './StaggeredPingTransport';

const INTERVAL_MS = 3000;
const MAX_MISSED = 2;

/** A client socket: it answers every ping at once (as a live browser does) unless it has gone away. */
class FakeSocket implements PingedSocket {
  pingCount = 0;
  pings = 0;
  terminated = false;
  private readonly listeners: (() => void)[] = [];

  constructor(readonly answers: boolean) {}

  on(_event: 'message', listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The client sends a message (a move, a chat line). */
  talk(): void {
    for (const listener of this.listeners) listener();
  }

  ping(): void {
    this.pings++;
    if (this.answers) this.pingCount = 0;
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** Runs the heartbeat from `from` to `to` ms, one tick every PING_TICK_MS; the most sockets pinged in one tick. */
function run(pings: StaggeredPings, sockets: readonly FakeSocket[], from: number, to: number): number {
  let most = 0;
  for (let now = from; now <= to; now += PING_TICK_MS) {
    const before = sockets.reduce((sum, socket) => sum + socket.pings, 0);
    pings.tick(sockets.filter((socket) => !socket.terminated), now);
    most = Math.max(most, sockets.reduce((sum, socket) => sum + socket.pings, 0) - before);
  }
  return most;
}

describe('StaggeredPings', () => {
  it('pings every client once per interval, a slice of them per tick instead of all at once', () => {
    const rng = Rng.fromSeed('pings');
    const pings = new StaggeredPings(INTERVAL_MS, MAX_MISSED, () => rng.next());
    const sockets = Array.from({ length: 2000 }, () => new FakeSocket(true));
    const most = run(pings, sockets, 0, 10 * INTERVAL_MS);
    for (const socket of sockets) {
      expect(socket.pings).toBeGreaterThanOrEqual(9);
      expect(socket.pings).toBeLessThanOrEqual(10);
      expect(socket.terminated).toBe(false);
    }
    // 2,000 clients over 30 ticks is about 67 a tick; the stock heartbeat pinged all 2,000 in one.
    expect(most).toBeLessThan(150);
  });

  it('terminates a client that left its pings unanswered, within three intervals, and only that client', () => {
    const pings = new StaggeredPings(INTERVAL_MS, MAX_MISSED, () => 0.5);
    const live = new FakeSocket(true);
    const gone = new FakeSocket(false);
    run(pings, [live, gone], 0, 2 * INTERVAL_MS);
    expect(gone.terminated).toBe(false);
    run(pings, [live, gone], 2 * INTERVAL_MS + PING_TICK_MS, 3 * INTERVAL_MS);
    expect(gone.terminated).toBe(true);
    expect(gone.pings).toBe(MAX_MISSED);
    expect(live.terminated).toBe(false);
  });

  it('does not ping a client heard from since its last turn, and its messages count as answers', () => {
    const pings = new StaggeredPings(INTERVAL_MS, MAX_MISSED, () => 0.5);
    // It never answers a ping, but it sends a message every second: it is alive and stays.
    const talker = new FakeSocket(false);
    const silent = new FakeSocket(true);
    for (let now = 0; now <= 10 * INTERVAL_MS; now += PING_TICK_MS) {
      if (now % 1000 === 0) talker.talk();
      pings.tick([talker, silent], now);
    }
    expect(talker.pings).toBe(0);
    expect(talker.terminated).toBe(false);
    expect(silent.pings).toBeGreaterThanOrEqual(9);
  });

  it('terminates a client once it stops talking, as soon as one that never talked', () => {
    const pings = new StaggeredPings(INTERVAL_MS, MAX_MISSED, () => 0.5);
    const gone = new FakeSocket(false);
    // The first tick gives it its phase; it talks until 10 s, then its connection is dead.
    let terminatedAt = -1;
    for (let now = 0; now <= 30_000 && terminatedAt < 0; now += PING_TICK_MS) {
      if (now <= 10_000 && now % 1000 === 0) gone.talk();
      pings.tick([gone], now);
      if (gone.terminated) terminatedAt = now;
    }
    // Two unanswered pings after its last word, then it goes: within three intervals of it, as after a last pong.
    expect(terminatedAt).toBeGreaterThan(10_000);
    expect(terminatedAt).toBeLessThanOrEqual(10_000 + 3 * INTERVAL_MS + PING_TICK_MS);
    expect(gone.pings).toBe(MAX_MISSED);
  });
});
