/**
 * Tables nobody runs: every open table in the shared log whose lease is
 * gone (its process died, or stopped and let it go) is taken over by the
 * first process to win its lease, rebuilt from the log under the same code,
 * and found again by clients who rejoin by code. A process starting up finds
 * its share of the tables the same way, so one sweep covers a restart, a
 * deploy and a `kill -9`.
 *
 * Two processes never run one table: only the `SET NX` winner of the lease
 * restores it, and a loser leaves it alone.
 */
import type { Logger } from 'pino';
import type { OpenTableLog, TableStore } from '../store/TableStore';
import type { TableLeases } from './TableLeases';

export interface TakeoverDeps {
  readonly store: TableStore;
  readonly leases: TableLeases;
  readonly logger: Logger;
  /** Brings a table back from its log in this process; false when the log does not replay. */
  readonly restore: (log: OpenTableLog) => Promise<boolean>;
  /** Runs once before a sweep that found tables nobody holds (Colyseus forgets dead processes' rooms). */
  readonly beforeTakeover?: () => Promise<void>;
  /** Runs a few times after a takeover: puts the table's listing back if a dying process's cleanup removed it. */
  readonly relist?: (code: string) => Promise<void>;
  readonly sweepMs: number;
}

/** After a takeover, when to check the table's listing again (ms). */
const RELIST_AFTER = [500, 2000, 5000, 15_000] as const;

export class Takeover {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<string[]> | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly deps: TakeoverDeps) {}

  /** Sweeps now (answers the codes taken), then every `sweepMs`. */
  async start(): Promise<string[]> {
    const taken = await this.sweep();
    if (!this.stopped) this.timer = setInterval(() => void this.sweep(), this.deps.sweepMs);
    return taken;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** One look over the open tables; answers the codes this process took over. */
  sweep(): Promise<string[]> {
    this.sweeping ??= this.takeOrphans()
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error }, 'could not look for tables to take over');
        return [];
      })
      .finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async takeOrphans(): Promise<string[]> {
    const { store, leases, logger } = this.deps;
    const tables = await store.openTableList();
    const holders = await leases.holders(tables.map((table) => table.tableId));
    const orphans = tables.filter((_, index) => holders[index] === null);
    if (orphans.length === 0 || this.stopped) return [];
    await this.deps.beforeTakeover?.();
    const taken: string[] = [];
    for (const orphan of orphans) {
      if (this.stopped) break;
      if (!(await leases.claim(orphan.tableId))) continue;
      const log = await store.tableLog(orphan.tableId);
      if (!log) {
        // It closed between the list and the claim.
        await leases.release(orphan.tableId);
        continue;
      }
      // A log that does not replay keeps its lease here, so no process retries it every sweep; it is reported once.
      if (!(await this.deps.restore(log))) continue;
      taken.push(log.code);
      this.watchListing(log.code);
      logger.info({ table: log.code, actions: log.actions.length }, 'took over a table nobody held');
    }
    return taken;
  }

  private watchListing(code: string): void {
    const relist = this.deps.relist;
    if (!relist) return;
    for (const after of RELIST_AFTER) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        relist(code).catch((error: unknown) => this.deps.logger.warn({ err: error, table: code }, 'could not check a table listing'));
      }, after);
      timer.unref();
      this.timers.add(timer);
    }
  }
}
