import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('seeded rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = Rng.fromSeed('table-7');
    const b = Rng.fromSeed('table-7');
    const c = Rng.fromSeed('table-8');
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('resumes exactly from a stored state', () => {
    const rng = Rng.fromSeed('resume');
    rng.nextUint32();
    const stored = rng.state();
    const next = [rng.nextUint32(), rng.nextUint32()];
    const resumed = Rng.fromState(JSON.parse(JSON.stringify(stored)));
    expect([resumed.nextUint32(), resumed.nextUint32()]).toEqual(next);
  });

  it('keeps the generator stable so recorded games still replay with the same deal', () => {
    // Pinned output: changing the generator or the seed hash would silently re-deal every saved game.
    const rng = Rng.fromSeed('deckhand');
    expect(Array.from({ length: 4 }, () => rng.nextUint32())).toEqual([840583800, 910915501, 2216333520, 36377846]);
  });

  it('shuffles with Fisher-Yates: a permutation, every position reachable, roughly uniform', () => {
    const rng = Rng.fromSeed('uniform');
    const counts = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    for (let i = 0; i < 40_000; i++) {
      const deck = rng.shuffle([0, 1, 2, 3]);
      expect([...deck].sort()).toEqual([0, 1, 2, 3]);
      deck.forEach((card, position) => counts[card]![position]!++);
    }
    for (const row of counts) {
      for (const count of row) {
        expect(count).toBeGreaterThan(9_500);
        expect(count).toBeLessThan(10_500);
      }
    }
  });

  it('draws integers in range without bias and refuses an empty range', () => {
    const rng = Rng.fromSeed('int');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
