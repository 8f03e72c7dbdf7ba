import { describe, expect, it } from 'vitest';
import { PauseMonitor } from './pauses';

/** About `megabytes` of small objects, in arrays of 1,000. */
function objects(megabytes: number): { a: number; b: number; c: number }[][] {
  const chunks: { a: number; b: number; c: number }[][] = [];
  for (let bytes = 0; bytes < megabytes * 2 ** 20; bytes += 1000 * 40) {
    chunks.push(Array.from({ length: 1000 }, (_, index) => ({ a: index, b: bytes, c: index * 2 })));
  }
  return chunks;
}

describe('PauseMonitor', () => {
  it('counts what outlives the young generation as old-generation growth, and garbage not', () => {
    const monitor = new PauseMonitor();
    monitor.take();
    const kept = objects(80);
    const grown = monitor.take().oldGenerationGrowthBytes!;
    for (let round = 0; round < 10; round++) objects(8);
    const garbage = monitor.take().oldGenerationGrowthBytes!;
    expect(kept.length).toBeGreaterThan(0);
    // 80 MB kept across many scavenges: all but what the young generation still holds is promoted. 80 MB that dies at once: little is.
    expect(grown).toBeGreaterThan(32 * 2 ** 20);
    expect(garbage).toBeLessThan(grown / 4);
  });
});
