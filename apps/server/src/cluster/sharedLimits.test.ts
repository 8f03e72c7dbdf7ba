/**
 * Join limits and open-table quotas shared by every process through Redis:
 * two processes' limiters count against one budget, and a table opened
 * through one process and closed by another gives its slot back.
 */
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { JoinLimits, limitKeys } from '../http/joinLimits';
import { TableQuota } from '../http/TableQuota';
import { clusterServicesAvailable, useThrowawayRedis } from '../test/services';

const ready = clusterServicesAvailable('the shared limit tests (Redis)');

describe.skipIf(!ready)('limits shared through Redis', () => {
  const clients: Redis[] = [];
  const presences: RedisPresence[] = [];
  const redis = useThrowawayRedis(() => {
    for (const client of clients) client.disconnect();
    for (const presence of presences) presence.shutdown();
  });

  function processClient(): Redis {
    const client = new Redis(redis.url);
    clients.push(client);
    return client;
  }

  it('join attempts from one address count against one budget on every process', async () => {
    const settings = { joinsPerMinute: 4, wrongCodesPerHour: 2 };
    const [first, second] = [new JoinLimits(settings, processClient()), new JoinLimits(settings, processClient())];
    const keys = limitKeys('203.0.113.7');
    expect(await first.attempt(keys)).toBeNull();
    expect(await second.attempt(keys)).toBeNull();
    expect(await first.attempt(keys)).toBeNull();
    expect(await second.attempt(keys)).toBeNull();
    // The fifth, wherever it lands, waits.
    expect(await first.attempt(keys)).toBeGreaterThan(0);
    expect(await second.attempt(keys)).toBeGreaterThan(0);
    // Wrong codes guessed through two processes add up too.
    await first.wrongCode(keys);
    expect(await second.guessingBlocked(keys)).toBeNull();
    await second.wrongCode(keys);
    expect(await first.guessingBlocked(keys)).toBeGreaterThan(0);
  });

  it('open tables per player count across processes; closing on another process gives the slot back', async () => {
    const settings = { tablesPerPlayer: 2, tablesPerAddress: 10 };
    const presence = () => {
      const made = new RedisPresence(redis.url);
      presences.push(made);
      return made;
    };
    const [first, second] = [new TableQuota(settings, presence()), new TableQuota(settings, presence())];
    const one = await first.claim('p-ann', '198.51.100.1');
    const two = await second.claim('p-ann', '198.51.100.2');
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    await first.opened('BCDFG', one.claim);
    await second.opened('HJKMN', two.claim);
    const third = await first.claim('p-ann', '198.51.100.3');
    expect(third).toEqual({ ok: false, message: 'You already have 2 open tables: close one before opening another.' });
    // The table opened through the first process closes in the second (it ran there, or moved there).
    await second.closed('BCDFG');
    expect((await first.claim('p-ann', '198.51.100.3')).ok).toBe(true);
  });
});
