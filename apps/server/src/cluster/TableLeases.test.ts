/**
 * Table leases on a real Redis: one winner per table however many processes
 * claim at once, renewal keeps it, a lease lost to another process is noticed
 * and handed back to the table, and only the holder can release it.
 */
import { Redis } from 'ioredis';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { clusterServicesAvailable, useThrowawayRedis } from '../test/services';
import { TableLeases, leaseKey } from './TableLeases';

const ready = clusterServicesAvailable('the table lease tests (Redis)');
const logger = pino({ level: 'silent' });

describe.skipIf(!ready)('table leases', () => {
  const clients: Redis[] = [];
  const leases: TableLeases[] = [];
  const redis = useThrowawayRedis(() => {
    for (const lease of leases) lease.stop();
    for (const client of clients) client.disconnect();
  });

  /** A process's leases, each with its own connection as separate processes have. */
  function processLeases(owner: string, leaseMs = 1000): TableLeases {
    const client = new Redis(redis.url);
    clients.push(client);
    const lease = new TableLeases(client, owner, leaseMs, logger);
    leases.push(lease);
    return lease;
  }

  it('eight processes racing for the same twenty tables: each table has exactly one winner', async () => {
    const racers = Array.from({ length: 8 }, (_, index) => processLeases(`race-${index}`));
    const tables = Array.from({ length: 20 }, (_, index) => `race-table-${index}`);
    const wins = await Promise.all(tables.map((table) => Promise.all(racers.map((racer) => racer.claim(table)))));
    for (const [index, table] of tables.entries()) {
      expect(wins[index]!.filter(Boolean)).toHaveLength(1);
      const winner = racers[wins[index]!.indexOf(true)]!;
      expect(await racers[0]!.holders([table])).toEqual([winner.owner]);
    }
  });

  it('renewal keeps a lease past its time; a process that stops renewing loses it to another', async () => {
    const alive = processLeases('alive', 600);
    const dying = processLeases('dying', 600);
    const heir = processLeases('heir', 600);
    expect(await alive.hold('kept', () => {})).toBe(true);
    expect(await dying.hold('orphan', () => {})).toBe(true);
    alive.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await heir.claim('kept')).toBe(false);
    // `dying` never renewed: its lease ran out.
    expect(await heir.claim('orphan')).toBe(true);
    expect(await heir.holders(['kept', 'orphan'])).toEqual(['alive', 'heir']);
  });

  it('a process that stalled past its lease finds it taken, lets the table go, and cannot renew or release the new holder\'s', async () => {
    const stalled = processLeases('stalled', 500);
    const heir = processLeases('heir-2', 500);
    const lost: string[] = [];
    expect(await stalled.hold('stalled-table', () => lost.push('stalled-table'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await heir.claim('stalled-table')).toBe(true);
    await stalled.renewAll();
    expect(lost).toEqual(['stalled-table']);
    expect(stalled.heldTables()).toEqual([]);
    await stalled.release('stalled-table');
    expect(await heir.holders(['stalled-table'])).toEqual(['heir-2']);
    // The holder's release frees it for the next.
    await heir.release('stalled-table');
    expect(await clients[0]!.exists(leaseKey('stalled-table'))).toBe(0);
  });
});
