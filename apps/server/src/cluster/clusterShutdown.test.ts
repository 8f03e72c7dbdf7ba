/**
 * A process joined to Redis that stops (SIGTERM: a rolling restart) right
 * after a table closed. The table still owes Redis its open-table slots, its
 * code and the lobbies' second word (due a moment later), and Colyseus counts
 * the room gone before its own closing is done: the stop waits for all of it
 * before it closes the connection, and nothing ends in an unhandled rejection,
 * which would stop a process started without `main.ts`'s safety net.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryTableStore } from '../store/MemoryTableStore';
import { bootServer, Player, sleep, waitFor } from '../test/harness';
import type { TestServer } from '../test/harness';
import { clusterServicesAvailable, useThrowawayRedis } from '../test/services';
import { LOBBY_SETTLE_MS } from '../room/TableListing';

const ready = clusterServicesAvailable('the cluster shutdown test (Redis)');

describe.skipIf(!ready)('a clustered process stopping right after a table closed', () => {
  let server: TestServer | null = null;
  let listener: Redis | null = null;
  const redis = useThrowawayRedis(async () => {
    await server?.shutdown();
    listener?.disconnect();
  });
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  afterAll(() => void process.off('unhandledRejection', onRejection));

  it('says what the table owes Redis before it stops, and leaves nothing to fail after', async () => {
    // A store slow to close a table (a disk or Postgres under load): the stop comes while the room is still closing.
    const store = new MemoryTableStore();
    const closeTable = store.closeTable.bind(store);
    store.closeTable = async (tableId) => {
      await sleep(300);
      await closeTable(tableId);
    };
    server = await bootServer(25791, { REDIS_URL: redis.url, TOKEN_SECRET: 't'.repeat(40) }, { store });
    // What every process's lobby hears (Colyseus' channel).
    listener = new Redis(redis.url);
    const heard: string[] = [];
    // The presence sends each message as JSON.
    listener.on('message', (_channel: string, message: string) => void heard.push(JSON.parse(message) as string));
    await listener.subscribe('$lobby');
    const ann = await Player.create(server, 'Ann', { gameId: 'hearts' });
    const code = ann.room.roomId;
    const rooms = async () => ((await (await fetch(`${server!.url}/health`)).json()) as { rooms: number }).rooms;
    expect(await rooms()).toBe(1);
    // The host leaves for good: the table closes, and its dispose talks to Redis.
    await ann.leave();
    let open = 1;
    await waitFor('the table to close', () => {
      void rooms().then((count) => (open = count));
      return open === 0;
    });
    await server.shutdown();
    server = null;
    // Said before the stop ended: the lobbies' second word, and Ann's slot back (she may open another table anywhere).
    await waitFor('the second word', () => heard.includes(`${code},0`), 2_000);
    const check = new Redis(redis.url);
    try {
      expect(await check.hgetall('deckhand:quota:open')).toEqual({});
      // And the room's own closing finished first: its code is free again for any process to hand out.
      expect(await check.hexists('deckhand:table-codes', code)).toBe(0);
    } finally {
      check.disconnect();
    }
    // Nothing was left to fire on the closed connection.
    await sleep(LOBBY_SETTLE_MS * 2);
    expect(rejections.map(String)).toEqual([]);
  }, 30_000);
});
