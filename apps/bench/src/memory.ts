/** Reading a server's memory when it has nothing to do, the same way wherever a figure compares with it. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HostStats, ServerHost } from './host/hostProtocol';
import { round } from './stats';

/** Memory settles in steps of a pause then a GC, until RSS falls by less than `SETTLE_FALL` in one step. */
export const SETTLE_STEP_SECONDS = 5;
const SETTLE_MAX_STEPS = 12;
export const SETTLE_FALL = 0.01;

/**
 * The server's memory once it has nothing to do. V8 keeps its young
 * generation at the size the load needed until a GC sees a low allocation
 * rate over its last few seconds: a GC right after the last client left
 * still reads 30 MiB or more that the next GC of an idle server gives back
 * to the system. So: a pause, a GC, a reading, until RSS stops falling.
 * Memory something still holds (a leak, a cache, the allocator's free
 * lists) stays in the figure.
 */
export async function settle(server: ServerHost): Promise<{ stats: HostStats; seconds: number }> {
  const began = performance.now();
  await server.collectGarbage();
  let stats = await server.stats();
  for (let step = 0; step < SETTLE_MAX_STEPS; step++) {
    await sleep(SETTLE_STEP_SECONDS * 1000);
    await server.collectGarbage();
    const next = await server.stats();
    const fell = (stats.rssBytes - next.rssBytes) / stats.rssBytes;
    stats = next;
    if (fell < SETTLE_FALL) break;
  }
  return { stats, seconds: round((performance.now() - began) / 1000, 1) };
}

