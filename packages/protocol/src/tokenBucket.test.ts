import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

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

  it('says how long until the next token, and a sender that waits that long is never refused', () => {
    const sender = new TokenBucket(18, 20, 0);
    const server = new TokenBucket(20, 40, 0);
    let now = 0;
    expect(sender.wait(now)).toBe(0);
    for (let sent = 0; sent < 500; sent++) {
      now += sender.wait(now);
      expect(sender.take(now)).toBe(true);
      expect(server.take(now)).toBe(true);
    }
    // 20 at once, then 18 a second: 480 more in about 26.7 s.
    expect(now).toBeGreaterThan(26_600);
    expect(now).toBeLessThan(26_800);
    expect(sender.wait(now)).toBeGreaterThan(0);
    expect(sender.wait(now)).toBeLessThanOrEqual(56);
  });
});
