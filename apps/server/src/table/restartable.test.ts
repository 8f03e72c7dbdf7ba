import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../test/fakeClock';
import { restartableFrom, restartableTimeout } from './restartable';
import type { RestartableTimer } from './types';

/** A turn clock's life: starts (moves), clears, and time passing, with the times it has fired and whether it runs after each step. */
type Step = readonly ['start', number] | readonly ['clear'] | readonly ['advance', number, number, boolean];

const LIFE: readonly Step[] = [
  ['start', 1000], ['advance', 600, 0, true],
  ['start', 1000], ['advance', 600, 0, true], // a move: the clock starts again
  ['advance', 400, 1, false], ['advance', 5000, 1, false],
  // Started again after it fired, with the same wait and then another one.
  ['start', 1000], ['advance', 999, 1, true], ['advance', 1, 2, false],
  ['start', 1000], ['advance', 500, 2, true], ['start', 200], ['advance', 200, 3, false], ['advance', 2000, 3, false],
  // Cleared (twice), it stays quiet; a start after that counts from then.
  ['start', 1000], ['advance', 500, 3, true], ['clear'], ['clear'], ['advance', 2000, 3, false],
  ['start', 1000], ['advance', 1000, 4, false],
];

/** The same rules for both timers: fires `ms` after the last start, never after a clear. */
function behavesAsATurnClock(make: (fire: () => void) => RestartableTimer, advance: (ms: number) => void): void {
  let fired = 0;
  const timer = make(() => fired++);
  const seen: [number, boolean][] = [];
  const expected: [number, boolean][] = [];
  for (const step of LIFE) {
    if (step[0] === 'start') timer.start(step[1]);
    else if (step[0] === 'clear') timer.clear();
    else {
      advance(step[1]);
      seen.push([fired, timer.running]);
      expected.push([step[2], step[3]]);
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
