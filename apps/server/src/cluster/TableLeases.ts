/**
 * Which process runs which table: a lease per table in Redis
 * (`deckhand:lease:<tableId>` = the process id, with a time to live), taken
 * with `SET NX` so exactly one process wins it, renewed while the table
 * lives, and given up when the table closes. A process that dies stops
 * renewing; once its leases expire another process takes the tables over
 * (`Takeover.ts`). A process that finds a lease of its own gone (it stalled
 * past the lease, and another took the table) lets the table go at once.
 *
 * Without Redis one process runs everything: `soleOwnership` says yes to all.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** What a table room asks of the cluster: may I run this table, and tell me if that stops. */
export interface TableOwnership {
  /** Holds the table for this process (or keeps the hold the takeover already took); false when another process has it. */
  hold(tableId: string, lost: () => void): Promise<boolean>;
  /** The table closed here for good, or this process stops: another may take it. */
  release(tableId: string): Promise<void>;
}

/** One process, no Redis: every table is this process's. */
export const soleOwnership: TableOwnership = {
  hold: async () => true,
  release: async () => {},
};

const PREFIX = 'deckhand:lease:';

/** Renews only a lease this process still holds: a lease another took is not extended. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes only a lease this process holds. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function leaseKey(tableId: string): string {
  return `${PREFIX}${tableId}`;
}

export class TableLeases implements TableOwnership {
  /** Tables this process holds, with what to do if the hold is lost. */
  private readonly held = new Map<string, () => void>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    /** This process, as the lease's value (Colyseus' process id). */
    readonly owner: string,
    private readonly leaseMs: number,
    private readonly logger: Logger,
  ) {}

  /** Renews every held lease three times per lease period, so two missed renewals still keep it. */
  start(): void {
    this.timer ??= setInterval(() => void this.renewAll(), Math.max(100, Math.floor(this.leaseMs / 3)));
  }

  /** Takes the lease if nobody holds it; true when this process now holds it. */
  async claim(tableId: string): Promise<boolean> {
    if (this.held.has(tableId)) return true;
    const answer = await this.redis.set(leaseKey(tableId), this.owner, 'PX', this.leaseMs, 'NX');
    if (answer !== 'OK') return false;
    this.held.set(tableId, () => {});
    return true;
  }

  async hold(tableId: string, lost: () => void): Promise<boolean> {
    if (!(await this.claim(tableId))) return false;
    this.held.set(tableId, lost);
    return true;
  }

  async release(tableId: string): Promise<void> {
    if (!this.held.delete(tableId)) return;
    await this.redis.eval(RELEASE, 1, leaseKey(tableId), this.owner).catch((error: unknown) => {
      // It expires on its own; another process then takes the table a few seconds later.
      this.logger.warn({ err: error, tableId }, 'could not release a table lease');
    });
  }

  /** Who holds each table's lease (a process id), or null where nobody does. */
  async holders(tableIds: readonly string[]): Promise<(string | null)[]> {
    if (tableIds.length === 0) return [];
    return this.redis.mget(tableIds.map(leaseKey));
  }

  /** The tables this process holds. */
  heldTables(): string[] {
    return [...this.held.keys()];
  }

  /** Renews every held lease in one round trip; a lease found taken is dropped and its table told. */
  renewAll(): Promise<void> {
    this.renewing ??= (async () => {
      const tableIds = [...this.held.keys()];
      if (tableIds.length === 0) return;
      const pipeline = this.redis.pipeline();
      for (const tableId of tableIds) pipeline.eval(RENEW, 1, leaseKey(tableId), this.owner, this.leaseMs);
      const results = await pipeline.exec();
      tableIds.forEach((tableId, index) => {
        const [error, renewed] = results?.[index] ?? [null, 0];
        // A failed command (Redis away) proves nothing: try again next time.
        if (error || renewed !== 0) return;
        const lost = this.held.get(tableId);
        this.held.delete(tableId);
        this.logger.warn({ tableId }, 'a table lease was lost (this process stalled past it): another process runs the table now');
        lost?.();
      });
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not renew table leases'))
      .finally(() => (this.renewing = null));
    return this.renewing;
  }

  /** Stops renewing; the caller releases the leases it wants given up first. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
