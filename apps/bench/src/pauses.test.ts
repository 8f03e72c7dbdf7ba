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

/**
 * About `megabytes` of small objects that die young: only the latest 1,000 are alive at any time. Its own allocation site, because V8
 * pretenures a site whose objects survived (as those of `objects` do), and would then put this garbage straight into the old generation.
 */
function garbage(megabytes: number): number {
  let latest: { a: number; b: number; c: number }[] = [];
  for (let bytes = 0; bytes < megabytes * 2 ** 20; bytes += 1000 * 40) {
    latest = Array.from({ length: 1000 }, (_, index) => ({ a: index, b: bytes, c: index * 3 }));
  }
  return latest.length;
}

describe('PauseMonitor', () => {
  it('counts what outlives the young generation as old-generation growth, and garbage not', () => {
    const monitor = new PauseMonitor();
    // Garbage first: what `objects` keeps would otherwise still sit partly in the young generation and be promoted in the next window.
    monitor.take();
    expect(garbage(80)).toBe(1000);
    const died = monitor.take().oldGenerationGrowthBytes!;
    const kept = objects(80);
    const grown = monitor.take().oldGenerationGrowthBytes!;
    expect(kept.length).toBeGreaterThan(0);
    // 80 MB kept across many scavenges: all but what the young generation still holds is promoted. 80 MB that dies at once: little is.
    expect(grown).toBeGreaterThan(32 * 2 ** 20);
    expect(died).toBeLessThan(grown / 4);
  });
});
