/**
 * The turn clock restarts at nearly every move. Built from `later`, each
 * restart left a timeout, two closures and a handle alive until the next
 * move, about nine heap objects a table that every young collection in
 * between found alive and copied. The room's timer keeps one Node timeout
 * per table and re-arms it with `refresh()` while the wait is the same.
 */
import type { RestartableTimer, TableClock } from './types';

/** A restartable timer on any clock's `later`: each start clears the last timer and sets a new one. */
export function restartableFrom(later: TableClock['later'], action: () => void): RestartableTimer {
  let pending: { clear(): void } | null = null;
  return {
    get running() {
      return pending !== null;
    },
    start(ms) {
      pending?.clear();
      pending = later(ms, () => {
        pending = null;
        action();
      });
    },
    clear() {
      pending?.clear();
      pending = null;
    },
  };
}

/**
 * A restartable timer on Node's timers: `fire` runs `ms` after the last
 * `start`. A start with the wait of the last one moves the same timeout
 * (`refresh()`, also after it fired); another wait, or a start after
 * `clear`, sets a new one. `ms` is at least 1.
 */
export function restartableTimeout(fire: () => void): RestartableTimer {
  let timeout: NodeJS.Timeout | null = null;
  let armedMs = 0;
  let running = false;
  const onTimeout = () => {
    running = false;
    fire();
  };
  return {
    get running() {
      return running;
    },
    start(ms) {
      running = true;
      if (timeout !== null && ms === armedMs) {
        timeout.refresh();
        return;
      }
      if (timeout !== null) clearTimeout(timeout);
      timeout = setTimeout(onTimeout, ms);
      armedMs = ms;
    },
    clear() {
      // A cleared timeout cannot be refreshed: the next start sets a new one.
      if (timeout !== null) clearTimeout(timeout);
      timeout = null;
      running = false;
    },
  };
}
