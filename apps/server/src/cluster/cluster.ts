/**
 * A server process joining others through Redis (`REDIS_URL`): Colyseus'
 * Redis presence (codes, IPC between processes, the lobby's updates) and
 * Redis driver (every process's room listings, so a join by code reaches the
 * table wherever it runs), plus one plain client for the table leases and the
 * join limits.
 */
import { matchMaker, updateLobby } from '@colyseus/core';
import type { Room } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redactedUrl } from '../store/postgresStore';
import { TableLeases } from './TableLeases';
import { Takeover } from './Takeover';
import type { TakeoverDeps } from './Takeover';

export interface ClusterLink {
  readonly presence: RedisPresence;
  readonly driver: RedisDriver;
  /** Leases and join limits. */
  readonly redis: Redis;
  leases(processId: string, leaseMs: number): TableLeases;
  takeover(deps: Omit<TakeoverDeps, 'beforeTakeover' | 'relist'>): Takeover;
  /**
   * Lets go of the tables still held (after their rooms closed) and ends the connections, the presence's
   * included (see `LastWordsPresence`); Colyseus ends its driver itself unless `colyseusToo` (a start that failed).
   */
  close(colyseusToo?: boolean): Promise<void>;
}

/**
 * Colyseus' Redis presence, except that Colyseus' own shutdown (which it calls as soon as its rooms are
 * disposed) leaves it open: a table that just closed may still owe Redis its open-table slots and the
 * lobbies' second word (server.ts), and `ClusterLink.close`, after those, closes it.
 */
class LastWordsPresence extends RedisPresence {
  override shutdown(): void {}

  closeNow(): void {
    super.shutdown();
  }
}

/**
 * Puts a taken-over table's listing back when a dying process's cleanup (or
 * the listing removal of a process that stalled past its lease) deleted it:
 * both name the table by its code, which the new room reuses.
 */
async function relist(code: string): Promise<void> {
  const room = matchMaker.getLocalRoomById(code) as Room | undefined;
  if (!room) return;
  const listed = await matchMaker.getRoomById(code);
  if (listed && listed.processId === matchMaker.processId) return;
  await room.listing.save();
  updateLobby(room);
}

/** Redis could not be reached at start; `message` is one line for an operator. */
export class ClusterError extends Error {
  override readonly name = 'ClusterError';
}

/** Connects to Redis; an unreachable one stops the start with one line. */
export async function joinCluster(url: string, logger: Logger): Promise<ClusterLink> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection trouble'));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new ClusterError(`cannot reach Redis at ${redactedUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const presence = new LastWordsPresence(url);
  const driver = new RedisDriver(url);
  let leases: TableLeases | null = null;
  return {
    presence,
    driver,
    redis,
    leases(processId, leaseMs) {
      leases ??= new TableLeases(redis, processId, leaseMs, logger.child({ component: 'leases' }));
      return leases;
    },
    takeover(deps) {
      return new Takeover({
        ...deps,
        // Not awaited: Colyseus pings a vanished process for 2 s before forgetting its rooms; relisting covers the overlap.
        beforeTakeover: async () => void matchMaker.healthCheckAllProcesses().catch(() => {}),
        relist,
      });
    },
    async close(colyseusToo = false) {
      if (colyseusToo) await driver.shutdown();
      if (leases) {
        leases.stop();
        for (const tableId of leases.heldTables()) await leases.release(tableId);
      }
      await redis.quit().catch(() => redis.disconnect());
      presence.closeNow();
    },
  };
}
