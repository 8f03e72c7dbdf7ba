/** Percentile summaries of latency samples, in milliseconds. */

export interface LatencySummary {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

/** Nearest-rank percentile of an ascending list; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 50), 3),
    p95Ms: round(percentile(sorted, 95), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    maxMs: round(sorted.at(-1) ?? Number.NaN, 3),
    meanMs: round(sorted.length === 0 ? Number.NaN : total / sorted.length, 3),
  };
}

/** Latencies grouped by how long the table was quiet before each move: `[fromMs, toMs)`, `toMs` null for no bound. */
export interface IdleBucket {
  readonly fromMs: number;
  readonly toMs: number | null;
  readonly latency: LatencySummary;
}

/** The buckets a one-table run is split into: moves right after another, after a short pause, after a long one. */
export const IDLE_BOUNDS_MS = [0, 1, 5] as const;

export function byIdleBefore(latencies: readonly number[], idleBefore: readonly number[], bounds: readonly number[] = IDLE_BOUNDS_MS): IdleBucket[] {
  return bounds.map((fromMs, index) => {
    const toMs = bounds[index + 1] ?? null;
    const inBucket = latencies.filter((_, move) => {
      const idle = idleBefore[move];
      return idle !== undefined && idle >= fromMs && (toMs === null || idle < toMs);
    });
    return { fromMs, toMs, latency: summarize(inBucket) };
  });
}
