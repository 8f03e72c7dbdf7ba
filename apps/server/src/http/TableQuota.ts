/**
 * Open tables per creator: one identity and one address may each hold only
 * so many tables at once. A create claims its slots before the room exists
 * (so a burst of parallel creates cannot all slip past the count), the room
 * keeps them while it lives, and its disposal gives them back.
 *
 * Counted in this process; several processes behind Redis would keep these
 * counts in the shared presence instead.
 */
export interface TableQuotaSettings {
  readonly tablesPerPlayer: number;
  readonly tablesPerAddress: number;
}

/** The slots one create holds. */
export interface TableClaim {
  readonly keys: readonly string[];
}

export class TableQuota {
  private readonly open = new Map<string, number>();
  private readonly claimsByTable = new Map<string, TableClaim>();

  constructor(private readonly settings: TableQuotaSettings) {}

  /** Claims a slot for the identity and the address, or says which limit is reached. */
  claim(playerId: string, address: string): { ok: true; claim: TableClaim } | { ok: false; message: string } {
    const player = `player:${playerId}`;
    const place = `address:${address}`;
    if ((this.open.get(player) ?? 0) >= this.settings.tablesPerPlayer) {
      return { ok: false, message: `You already have ${this.settings.tablesPerPlayer} open tables: close one before opening another.` };
    }
    if ((this.open.get(place) ?? 0) >= this.settings.tablesPerAddress) {
      return { ok: false, message: `Your network already has ${this.settings.tablesPerAddress} open tables: close one before opening another.` };
    }
    const claim = { keys: [player, place] };
    for (const key of claim.keys) this.open.set(key, (this.open.get(key) ?? 0) + 1);
    return { ok: true, claim };
  }

  /** The table now exists: it holds the claim until `closed`. */
  opened(tableId: string, claim: TableClaim): void {
    this.claimsByTable.set(tableId, claim);
  }

  /** A table was disposed (or a create failed before it existed). */
  closed(tableId: string): void {
    const claim = this.claimsByTable.get(tableId);
    if (!claim) return;
    this.claimsByTable.delete(tableId);
    this.release(claim);
  }

  release(claim: TableClaim): void {
    for (const key of claim.keys) {
      const left = (this.open.get(key) ?? 0) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    }
  }
}
