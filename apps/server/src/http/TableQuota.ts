/**
 * Open tables per creator: one identity and one address may each hold only
 * so many tables at once. A create claims its slots before the room exists
 * (so a burst of parallel creates cannot all slip past the count), the room
 * keeps them while it lives, and its disposal gives them back.
 *
 * The counts live in the Colyseus presence: in memory for one process, in
 * Redis when several share it. A table may be created on another process
 * than the one that took the request, or taken over by a third after a
 * crash; whichever process disposes it gives the slots back.
 */
import type { Presence } from '@colyseus/core';

export interface TableQuotaSettings {
  readonly tablesPerPlayer: number;
  readonly tablesPerAddress: number;
}

/** The slots one create holds. */
export interface TableClaim {
  readonly keys: readonly string[];
}

/** Open tables per `player:<id>` and `address:<ip>`. */
const COUNTS_KEY = 'deckhand:quota:open';
/** Which slots each open table holds, by code. */
const CLAIMS_KEY = 'deckhand:quota:tables';

export class TableQuota {
  constructor(
    private readonly settings: TableQuotaSettings,
    private readonly presence: Presence,
  ) {}

  /** Claims a slot for the identity and the address, or says which limit is reached. */
  async claim(playerId: string, address: string): Promise<{ ok: true; claim: TableClaim } | { ok: false; message: string }> {
    const limits: [string, number, string][] = [
      [`player:${playerId}`, this.settings.tablesPerPlayer, `You already have ${this.settings.tablesPerPlayer} open tables`],
      [`address:${address}`, this.settings.tablesPerAddress, `Your network already has ${this.settings.tablesPerAddress} open tables`],
    ];
    const taken: string[] = [];
    for (const [key, limit, words] of limits) {
      // Count first, then check: two creates at once cannot both see the last free slot.
      const count = await this.presence.hincrby(COUNTS_KEY, key, 1);
      taken.push(key);
      if (count > limit) {
        await this.release({ keys: taken });
        return { ok: false, message: `${words}: close one before opening another.` };
      }
    }
    return { ok: true, claim: { keys: taken } };
  }

  /** The table now exists: it holds the claim until `closed`. */
  async opened(code: string, claim: TableClaim): Promise<void> {
    await this.presence.hset(CLAIMS_KEY, code, JSON.stringify(claim.keys));
  }

  /** A table closed for good (or a create failed before it existed). */
  async closed(code: string): Promise<void> {
    const keys = await this.presence.hget(CLAIMS_KEY, code);
    if (!keys) return;
    await this.presence.hdel(CLAIMS_KEY, code);
    await this.release({ keys: JSON.parse(keys) as string[] });
  }

  async release(claim: TableClaim): Promise<void> {
    for (const key of claim.keys) {
      if ((await this.presence.hincrby(COUNTS_KEY, key, -1)) <= 0) await this.presence.hdel(COUNTS_KEY, key);
    }
  }
}
