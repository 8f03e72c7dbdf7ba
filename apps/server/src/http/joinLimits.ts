/**
 * How often one address or one identity may knock: create/join attempts per
 * minute, and joins by a code that opens no table per hour (code guessing).
 * Counted with rate-limiter-flexible, whose Redis limiter has the same API for
 * when several processes share the counting.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

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
  private readonly attempts: RateLimiterMemory;
  private readonly wrongCodes: RateLimiterMemory;

  constructor(private readonly settings: JoinLimitSettings) {
    this.attempts = new RateLimiterMemory({ keyPrefix: 'joins', points: settings.joinsPerMinute, duration: 60 });
    this.wrongCodes = new RateLimiterMemory({ keyPrefix: 'wrong-codes', points: settings.wrongCodesPerHour, duration: 3600 });
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
