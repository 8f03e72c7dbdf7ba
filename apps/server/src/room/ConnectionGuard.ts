/**
 * Per-player input policing, checked on the raw bytes before anything is
 * decoded: the message rate, the size cap, the chat rate, and the close of a
 * connection that keeps flooding.
 */
import type { Client } from '@colyseus/core';
import type { Logger } from 'pino';
import { CLOSE_REASONS, CloseCode, ErrorCode, Limits, TokenBucket } from '@deckhand/protocol';
import type { ProtocolError } from '@deckhand/protocol';
import type { ServerConfig } from '../config';
import type { GuestIdentity } from '../guestTokens';
import { fail } from '../table/seats';

interface Allowance {
  readonly bucket: TokenBucket;
  readonly chatBucket: TokenBucket;
  drops: number;
  dropWindowStart: number;
  lastRateErrorAt: number;
}

export class ConnectionGuard {
  private readonly allowances = new Map<string, Allowance>();

  constructor(
    private readonly config: Pick<ServerConfig, 'ratePerSecond' | 'rateBurst'>,
    private readonly refuse: (client: Client<unknown, GuestIdentity>, error: ProtocolError) => void,
    private readonly log: Logger,
  ) {}

  /** A player came in; their allowance carries over reconnections. */
  admitted(playerId: string): void {
    if (this.allowances.has(playerId)) return;
    const now = Date.now();
    this.allowances.set(playerId, {
      bucket: new TokenBucket(this.config.ratePerSecond, this.config.rateBurst, now),
      chatBucket: new TokenBucket(Limits.chatPerSecond, Limits.chatBurst, now),
      drops: 0,
      dropWindowStart: now,
      lastRateErrorAt: 0,
    });
  }

  /** True when a message of `bytes` from `client` may be read. */
  admit(client: Client<unknown, GuestIdentity>, bytes: number): boolean {
    const allowance = client.auth ? this.allowances.get(client.auth.playerId) : undefined;
    if (!allowance) return false;
    const now = Date.now();
    if (!allowance.bucket.take(now)) {
      this.rateLimited(allowance, client, now);
      return false;
    }
    if (bytes > Limits.messageBytes) {
      this.refuse(client, fail(ErrorCode.MessageTooLarge, `Messages are limited to ${Limits.messageBytes} bytes.`));
      return false;
    }
    return true;
  }

  /** True when `playerId` may send another chat line now. */
  chat(playerId: string): boolean {
    return this.allowances.get(playerId)?.chatBucket.take(Date.now()) ?? false;
  }

  private rateLimited(allowance: Allowance, client: Client<unknown, GuestIdentity>, now: number): void {
    if (now - allowance.dropWindowStart > Limits.floodWindowMs) {
      allowance.dropWindowStart = now;
      allowance.drops = 0;
    }
    allowance.drops++;
    if (allowance.drops > Limits.floodDrops) {
      // Frames already in flight keep arriving while the socket closes: close once.
      if (allowance.drops > Limits.floodDrops + 1) return;
      this.log.warn({ player: client.auth?.playerId }, 'flooding: disconnected');
      client.leave(CloseCode.Flooding, CLOSE_REASONS[CloseCode.Flooding]);
      return;
    }
    // One error a second is enough to explain the drops without echoing a flood.
    if (now - allowance.lastRateErrorAt >= 1000) {
      allowance.lastRateErrorAt = now;
      this.refuse(client, fail(ErrorCode.RateLimited, 'Too many messages: slow down.'));
    }
  }
}
