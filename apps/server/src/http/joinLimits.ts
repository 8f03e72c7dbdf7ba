/**
 * How often one address or one identity may knock: create/join attempts per
 * minute, and joins by a code that opens no table per hour (code guessing).
 * Counted with rate-limiter-flexible: in memory for one process, in Redis
 * (`REDIS_URL`) when several share the counting, so a guesser gains nothing
 * by having the proxy spread their requests.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

export interface JoinLimitSettings {
  readonly joinsPerMinute: number;
  readonly wrongCodesPerHour: number;
}

/** Who is knocking: the address always, the identity once its token checked out. */
export function limitKeys(address: string, playerId?: string): readonly string[] {
  return playerId === undefined ? [`address:${address}`] : [`address:${address}`, `player:${playerId}`];
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export class JoinLimits {
  private readonly attempts: RateLimiterAbstract;
  private readonly wrongCodes: RateLimiterAbstract;

  constructor(
    private readonly settings: JoinLimitSettings,
    redis: Redis | null = null,
  ) {
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `deckhand:${keyPrefix}`, points, duration })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    this.attempts = limiter('joins', settings.joinsPerMinute, 60);
    this.wrongCodes = limiter('wrong-codes', settings.wrongCodesPerHour, 3600);
  }

  /** Counts one attempt for every key; the seconds to wait when one of them is over its budget, else null. */
  async attempt(keys: readonly string[]): Promise<number | null> {
    for (const key of keys) {
      try {
        await this.attempts.consume(key);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return secondsOf(refusal.msBeforeNext);
        throw refusal;
      }
    }
    return null;
  }

  /** Seconds to wait when one of the keys has used up its wrong codes for the hour, else null. */
  async guessingBlocked(keys: readonly string[]): Promise<number | null> {
    for (const key of keys) {
      const used = await this.wrongCodes.get(key);
      if (used && used.consumedPoints >= this.settings.wrongCodesPerHour) return secondsOf(used.msBeforeNext);
    }
    return null;
  }

  /** A join named a code that opened no table. */
  async wrongCode(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      // Over the budget the limiter rejects; the next join is refused by `guessingBlocked`.
      await this.wrongCodes.consume(key).catch((refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
      });
    }
  }
}
