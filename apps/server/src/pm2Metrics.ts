/**
 * @colyseus/core 0.16 imports `@pm2/io` when its matchmaker starts, to report
 * room and client counts to PM2. Importing it starts PM2's whole agent with
 * its defaults, whether or not PM2 runs the process:
 *
 * - an inspector session with `Profiler.enable` and `HeapProfiler.enable`;
 * - a timer that lists every libuv handle each second (`_getActiveHandles`:
 *   an array of every client socket, 5,000 at the capacity target);
 * - V8, event-loop, runtime and HTTP metrics, and a metrics timer;
 * - `uncaughtException` and `unhandledRejection` handlers of its own (the
 *   second keeps the process running: see `main.ts`).
 *
 * Outside PM2 nothing reads any of it. `@pm2/io` returns whatever it finds
 * under `Symbol.for('@pm2/io')` instead of starting (its guard against two
 * copies in one process), so a server not run by PM2 puts a stand-in there
 * that takes Colyseus' metric declarations and does nothing. Under PM2 (which
 * sets `pm_id` in its processes' environment) the agent starts as before.
 */
const PM2_IO_KEY = Symbol.for('@pm2/io');

/** The part of `@pm2/io` Colyseus calls: `metric({ id, name, value })`. */
const standIn = {
  metric: () => ({ set: () => undefined, val: () => undefined }),
};

/** Whether the stand-in is in place: PM2's agent will not start in this process. */
export function pm2AgentSkipped(): boolean {
  return (globalThis as Record<symbol, unknown>)[PM2_IO_KEY] === standIn;
}

/**
 * Puts the stand-in in place unless PM2 runs this process or the agent is
 * already loaded. Call before the Colyseus server is made.
 */
export function skipPm2AgentOutsidePm2(): void {
  if (process.env.pm_id !== undefined) return;
  const global = globalThis as Record<symbol, unknown>;
  if (global[PM2_IO_KEY] === undefined) global[PM2_IO_KEY] = standIn;
}
