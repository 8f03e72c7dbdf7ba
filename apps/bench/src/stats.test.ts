import { describe, expect, it } from 'vitest';
import { byIdleBefore, percentile, summarize } from './stats';

describe('latency summaries', () => {
  it('[bench-stats] p99 of 100 samples is the 99th smallest (nearest rank), so one outlier in 100 does not set it', () => {
    const samples = Array.from({ length: 100 }, (_, index) => (index === 99 ? 500 : 1 + index / 100));
    const summary = summarize(samples);
    expect(summary.p99Ms).toBe(1.98);
    expect(summary.maxMs).toBe(500);
    expect(summary.samples).toBe(100);
  });

  it('[bench-stats] an empty sample set has no percentiles', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('[bench-stats] moves are split by the quiet before them, each bucket holding only its own moves', () => {
    const latencies = [1, 2, 3, 10, 20];
    const idle = [0.2, 0.9, 3, 5, Number.MAX_SAFE_INTEGER];
    const [short, middle, long] = byIdleBefore(latencies, idle, [0, 1, 5]);
    expect([short?.toMs, middle?.toMs, long?.toMs]).toEqual([1, 5, null]);
    expect(short?.latency.samples).toBe(2);
    expect(short?.latency.maxMs).toBe(2);
    expect(middle?.latency.samples).toBe(1);
    expect(middle?.latency.p50Ms).toBe(3);
    // 5 ms of quiet is the long bucket's first value; the first move of a game counts as long quiet.
    expect(long?.latency.samples).toBe(2);
    expect(long?.latency.maxMs).toBe(20);
  });
});
