import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket';

describe('TokenBucket', () => {
  it('allows the burst at once, then the sustained rate', () => {
    const bucket = new TokenBucket(20, 40, 0);
    let allowed = 0;
    for (let i = 0; i < 100; i++) if (bucket.take(0)) allowed++;
    expect(allowed).toBe(40);
    expect(bucket.take(0)).toBe(false);
    // 20 per second: one token every 50 ms.
    expect(bucket.take(50)).toBe(true);
    expect(bucket.take(50)).toBe(false);
    let later = 0;
    for (let i = 0; i < 100; i++) if (bucket.take(1050)) later++;
    expect(later).toBe(20);
  });
});
