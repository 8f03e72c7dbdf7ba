import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

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
});
