/**
 * Where a process stalls: event-loop delay (anything that holds the loop:
 * work, GC, the OS not scheduling us) and garbage-collection pauses, both
 * since the last `take()`. Used by the server host and the load workers so
 * the report can say which side a latency spike came from.
 */
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

export interface PauseFigures {
  /** Largest event-loop delay seen, in ms. */
  readonly loopDelayMaxMs: number;
  readonly loopDelayP99Ms: number;
  /** Longest single GC pause and the total GC time, in ms. */
  readonly gcMaxMs: number;
  readonly gcTotalMs: number;
}

export class PauseMonitor {
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private gcMax = 0;
  private gcTotal = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.gcMax = Math.max(this.gcMax, entry.duration);
      this.gcTotal += entry.duration;
    }
  });

  constructor() {
    this.loop.enable();
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Figures since the previous call; starts a new period. */
  take(): PauseFigures {
    const figures = {
      loopDelayMaxMs: Math.round(this.loop.max / 1e4) / 100,
      loopDelayP99Ms: Math.round(this.loop.percentile(99) / 1e4) / 100,
      gcMaxMs: Math.round(this.gcMax * 100) / 100,
      gcTotalMs: Math.round(this.gcTotal * 100) / 100,
    };
    this.loop.reset();
    this.gcMax = 0;
    this.gcTotal = 0;
    return figures;
  }
}
