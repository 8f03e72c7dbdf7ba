/**
 * What the machine did while the server's event loop stood still. A timer
 * ticks every `TICK_MS`; when two ticks are further apart than that, the gap
 * is a stall, and the longest one in each period is taken apart with the
 * counters read at both ends:
 *
 * - the main thread's time on a CPU and its time ready to run but waiting for
 *   one (`/proc/self/schedstat`); the rest of the gap it was blocked (a
 *   system call, a lock) or asleep;
 * - the process's CPU time (`process.cpuUsage()`) minus the main thread's:
 *   its other threads, mostly V8's GC helpers (and any workers);
 * - every CPU of the machine (`/proc/stat`) minus this process: other
 *   processes (the load generator, on this box);
 * - the GC pauses that fell inside the gap.
 *
 * Linux only: elsewhere `take()` gives null. The timer costs a few tens of
 * microseconds a tick (three small reads).
 */
import os from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { mainThreadSchedule, procStatTotals } from './machine';

const TICK_MS = 10;
/** Gaps shorter than this are not stalls worth taking apart (the loop-delay figures cover them). */
const MIN_STALL_MS = 20;

export interface StallAnatomyFigures {
  /** The gap between two ticks due `tickMs` apart, in ms: the stall plus one tick. */
  readonly gapMs: number;
  readonly tickMs: number;
  /** The server's main thread: on a CPU, ready but waiting for one, and neither (blocked or asleep). */
  readonly mainOnCpuMs: number;
  readonly mainWaitingMs: number;
  readonly mainBlockedMs: number;
  /** GC pauses inside the gap (they run on the main thread, so they are part of its CPU time). */
  readonly gcMs: number;
  /** CPU time of the server's other threads (V8's GC helpers, the SQLite checkpoint thread, bot workers). */
  readonly serverThreadsMs: number;
  /** CPU time of every other process on the machine (all CPUs; resolution 10 ms). */
  readonly otherProcessesMs: number;
  /** How much CPU the machine had in the gap: cores x gap. */
  readonly machineCapacityMs: number;
  /** Stalls of at least 50 ms in the period. */
  readonly stallsOver50Ms: number;
}

interface Reading {
  readonly at: number;
  readonly mainCpuMs: number;
  readonly mainWaitMs: number;
  readonly processCpuMs: number;
  readonly machineBusyMs: number;
}

function read(): Reading | null {
  const schedule = mainThreadSchedule();
  const machine = procStatTotals();
  if (schedule === null || machine === null) return null;
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    mainCpuMs: schedule.onCpuMs,
    mainWaitMs: schedule.waitingMs,
    processCpuMs: (usage.user + usage.system) / 1000,
    machineBusyMs: machine.busyMs,
  };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export class StallAnatomy {
  private longest: StallAnatomyFigures | null = null;
  private over50 = 0;
  private readonly gc: { start: number; end: number }[] = [];
  private readonly cores = os.cpus().length;
  private readonly timer: NodeJS.Timeout | null = null;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.gc.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    // Only pauses near the last tick matter.
    if (this.gc.length > 1000) this.gc.splice(0, this.gc.length - 100);
  });

  constructor() {
    let last = read();
    if (last === null) return;
    this.observer.observe({ entryTypes: ['gc'] });
    this.timer = setInterval(() => {
      const now = read();
      if (now === null || last === null) return;
      const gap = now.at - last.at;
      if (gap >= TICK_MS + MIN_STALL_MS) this.record(last, now);
      last = now;
    }, TICK_MS);
    this.timer.unref();
  }

  private record(from: Reading, to: Reading): void {
    const gapMs = to.at - from.at;
    if (gapMs >= TICK_MS + 50) this.over50++;
    if (this.longest !== null && this.longest.gapMs >= gapMs) return;
    const mainOnCpuMs = to.mainCpuMs - from.mainCpuMs;
    const mainWaitingMs = to.mainWaitMs - from.mainWaitMs;
    const processMs = to.processCpuMs - from.processCpuMs;
    const gcMs = this.gc.reduce((sum, pause) => sum + Math.max(0, Math.min(pause.end, to.at) - Math.max(pause.start, from.at)), 0);
    this.longest = {
      gapMs: round(gapMs),
      tickMs: TICK_MS,
      mainOnCpuMs: round(mainOnCpuMs),
      mainWaitingMs: round(mainWaitingMs),
      mainBlockedMs: round(Math.max(0, gapMs - mainOnCpuMs - mainWaitingMs)),
      gcMs: round(gcMs),
      serverThreadsMs: round(Math.max(0, processMs - mainOnCpuMs)),
      otherProcessesMs: round(Math.max(0, to.machineBusyMs - from.machineBusyMs - processMs)),
      machineCapacityMs: round(gapMs * this.cores),
      stallsOver50Ms: 0,
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.observer.disconnect();
  }

  /** The longest stall since the previous call (null if none, or off Linux), with the period's counts. */
  take(): StallAnatomyFigures | null {
    const longest = this.longest === null ? null : { ...this.longest, stallsOver50Ms: this.over50 };
    this.longest = null;
    this.over50 = 0;
    return longest;
  }
}
