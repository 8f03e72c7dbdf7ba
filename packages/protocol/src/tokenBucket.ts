import { Limits } from './codes';

/**
 * A token bucket: `ratePerSecond` sustained, `burst` at once. Time is passed
 * in so tests need no clock.
 *
 * The server meters each client's messages with one (`Limits.ratePerSecond`,
 * `Limits.rateBurst`); a client that sends on its own, such as a bot program,
 * paces itself with a slower one so the server never drops its messages.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there to take: 0 when one is there now. Takes nothing. */
  wait(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}

/** A server's message limit per client: `Limits` unless it runs with its own `RATE_PER_SECOND` and `RATE_BURST`. */
export interface RateLimit {
  readonly ratePerSecond: number;
  readonly rateBurst: number;
}

/**
 * The bucket a client that sends on its own paces itself with: nine tenths of
 * the server's rate and half its burst, so timer jitter and a message the
 * server counted late never make it drop one.
 */
export function senderBucket(now: number, limit: RateLimit = Limits): TokenBucket {
  return new TokenBucket(limit.ratePerSecond * 0.9, Math.max(1, Math.floor(limit.rateBurst / 2)), now);
}
