import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../test/fakeClock';
import { restartableFrom, restartableTimeout } from './restartable';
import type { RestartableTimer } from './types';

/** A turn clock's life: starts (moves), clears, and time passing, with the times it has fired after each step. */
type Step = readonly ['start', number] | readonly ['clear'] | readonly ['advance', number, number];

const LIFE: readonly Step[] = [
  ['start', 1000], ['advance', 600, 0],
  ['start', 1000], ['advance', 600, 0], // a move: the clock starts again
  ['advance', 400, 1], ['advance', 5000, 1],
  // Started again after it fired, with the same wait and then another one.
  ['start', 1000], ['advance', 999, 1], ['advance', 1, 2],
  ['start', 1000], ['advance', 500, 2], ['start', 200], ['advance', 200, 3], ['advance', 2000, 3],
  // Cleared (twice), it stays quiet; a start after that counts from then.
  ['start', 1000], ['advance', 500, 3], ['clear'], ['clear'], ['advance', 2000, 3],
  ['start', 1000], ['advance', 1000, 4],
];

/** The same rules for both timers: fires `ms` after the last start, never after a clear. */
function behavesAsATurnClock(make: (fire: () => void) => RestartableTimer, advance: (ms: number) => void): void {
  let fired = 0;
  const timer = make(() => fired++);
  const seen: number[] = [];
  const expected: number[] = [];
  for (const step of LIFE) {
    if (step[0] === 'start') timer.start(step[1]);
    else if (step[0] === 'clear') timer.clear();
    else {
      advance(step[1]);
      seen.push(fired);
      expected.push(step[2]);
    }
  }
  expect(seen).toEqual(expected);
}

describe('restartable timers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('on Node timers: fires once, a wait after the last start', () => {
    vi.useFakeTimers();
    behavesAsATurnClock(restartableTimeout, (ms) => vi.advanceTimersByTime(ms));
  });

  it('on a clock\'s later: the same', () => {
    const clock = new FakeClock();
    behavesAsATurnClock((fire) => restartableFrom((ms, action) => clock.later(ms, action), fire), (ms) => clock.advance(ms));
  });

  it('re-arms a Node timeout that already fired (real timers)', async () => {
    let fired = 0;
    let wake: () => void = () => {};
    const timer = restartableTimeout(() => {
      fired++;
      wake();
    });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    let waiting = next();
    timer.start(5);
    await waiting;
    waiting = next();
    timer.start(5);
    await waiting;
    expect(fired).toBe(2);
    timer.clear();
  });
});
