/**
 * Where a process stalls: event-loop delay (anything that holds the loop:
 * work, GC, the OS not scheduling us) and garbage-collection pauses, both
 * since the last `take()`. Used by the server host and the load workers so
 * the report can say which side a latency spike came from.
 */
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
import type { GCProfilerResult } from 'node:v8';

export interface PauseFigures {
  /** Largest event-loop delay seen, in ms. */
  readonly loopDelayMaxMs: number;
  readonly loopDelayP99Ms: number;
  /** Longest single GC pause and the total GC time, in ms. */
  readonly gcMaxMs: number;
  readonly gcTotalMs: number;
  /**
   * How much the old generation grew, leaving out what full collections freed:
   * what outlived the young generation (or went straight to the old one). It
   * is what brings on the next full mark-compact. Absent in results from
   * before it was kept.
   */
  readonly oldGenerationGrowthBytes?: number;
  /** Full (mark-compact) collections. */
  readonly fullGcs?: number;
}

type GcHeap = GCProfilerResult['statistics'][number]['beforeGC'];

const OLD_GENERATION = new Set(['old_space', 'large_object_space']);

function oldGenerationBytes(heap: GcHeap): number {
  let bytes = 0;
  for (const space of heap.heapSpaceStatistics) if (OLD_GENERATION.has(space.spaceName)) bytes += space.spaceUsedSize;
  return bytes;
}

/** Old-generation growth over one profile's collections: between them, and inside each young one. */
function oldGrowth(statistics: GCProfilerResult['statistics'], startBytes: number | null): { grown: number; endBytes: number | null; full: number } {
  let grown = 0;
  let full = 0;
  let last = startBytes;
  for (const gc of statistics) {
    const before = oldGenerationBytes(gc.beforeGC);
    const after = oldGenerationBytes(gc.afterGC);
    if (last !== null) grown += Math.max(0, before - last);
    if (gc.gcType === 'MarkSweepCompact') full++;
    else grown += Math.max(0, after - before);
    last = after;
  }
  return { grown, endBytes: last, full };
}

export class PauseMonitor {
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private gcMax = 0;
  private gcTotal = 0;
  private gcProfiler = new GCProfiler();
  /** The old generation's size after the last collection of the previous period. */
  private oldAfterLast: number | null = null;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.gcMax = Math.max(this.gcMax, entry.duration);
      this.gcTotal += entry.duration;
    }
  });

  constructor() {
    this.loop.enable();
    this.observer.observe({ entryTypes: ['gc'] });
    this.gcProfiler.start();
  }

  /** Figures since the previous call; starts a new period. */
  take(): PauseFigures {
    const profile = this.gcProfiler.stop();
    this.gcProfiler = new GCProfiler();
    this.gcProfiler.start();
    const old = oldGrowth(profile?.statistics ?? [], this.oldAfterLast);
    this.oldAfterLast = old.endBytes;
    const figures = {
      loopDelayMaxMs: Math.round(this.loop.max / 1e4) / 100,
      loopDelayP99Ms: Math.round(this.loop.percentile(99) / 1e4) / 100,
      gcMaxMs: Math.round(this.gcMax * 100) / 100,
      gcTotalMs: Math.round(this.gcTotal * 100) / 100,
      oldGenerationGrowthBytes: old.grown,
      fullGcs: old.full,
    };
    this.loop.reset();
    this.gcMax = 0;
    this.gcTotal = 0;
    return figures;
  }
}
