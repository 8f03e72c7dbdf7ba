/**
 * `npx tsx --conditions=@deckhand/source scripts/schemaInstances.ts`: opens a
 * table of each game with bots on a throwaway server, lets a few moves pass,
 * and prints the schema instances its state holds, by where they sit, with
 * the lists by name. Each instance carries a Colyseus change tree of about
 * sixteen objects, and each list two instances and a Proxy, so these counts
 * are most of what a table keeps on the heap for the collector to mark
 * (BENCHMARKS.md, "What limits each figure").
 */
import { matchMaker } from '@colyseus/core';
import { Client } from 'colyseus.js';
import { PROTOCOL_VERSION, RoomName } from '@deckhand/protocol';
import type { ArraySchema, MapSchema } from '@colyseus/schema';
import type { PrivateState, TableState, WireRecordState } from '@deckhand/table-schema';
import { startTestServer } from '../src/testing';

const GAMES = [['hearts', 4], ['crazy-eights', 4], ['spades', 4], ['gin-rummy', 2]] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Adds a view record's instances to `counts`: the record, each map it holds, and two per list (the wrapper and its items). */
function countRecord(
  record: WireRecordState | PrivateState | undefined,
  label: string,
  counts: Map<string, number>,
  lists: Set<string>,
  packed: Set<string>,
): void {
  if (!record) return;
  const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  add(`${label} record`, 1);
  if (record.live) {
    add(`${label} live slot`, 1);
    if (record.liveKey !== '') lists.add(`${label}.${record.liveKey} (slot)`);
  }
  for (const kind of ['num', 'str', 'flag', 'list', 'flags', 'packed'] as const) {
    const map = record[kind] as MapSchema<unknown> | undefined;
    if (!map) continue;
    add(`${label}.${kind} map`, 1);
    if (kind === 'packed') for (const key of map.keys()) packed.add(`${label}.${key}`);
    if (kind !== 'list' && kind !== 'flags') continue;
    for (const key of map.keys()) {
      add(`${label} lists (wrapper + items)`, 2);
      lists.add(`${label}.${key}`);
    }
  }
}

const server = await startTestServer(0, { BOT_DELAY_MS: '150', HOST: '127.0.0.1' }, {}, '127.0.0.1');
for (const [gameId, seats] of GAMES) {
  const guest = (await (await fetch(`${server.url}/api/guest`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Host' }),
  })).json()) as { token: string };
  const host = await new Client(server.url).create(RoomName.Table, { token: guest.token, protocol: PROTOCOL_VERSION, gameId });
  host.onMessage('*', () => {});
  await sleep(200);
  host.send('stand', { type: 'stand' });
  await sleep(150);
  for (let seat = 0; seat < seats; seat++) host.send('addBot', { type: 'addBot', seat, level: 'normal' });
  await sleep(300);
  host.send('start', { type: 'start' });
  await sleep(2500);

  const room = matchMaker.getLocalRoomById(host.roomId) as unknown as {
    state: TableState;
    _serializer: { encoder: { root: { changeTrees: Record<string, unknown> } } };
  };
  const state = room.state;
  const counts = new Map<string, number>([['table', 1]]);
  const lists = new Set<string>();
  const packed = new Set<string>();
  countRecord(state.board, 'board', counts, lists, packed);
  countRecord(state.outcome, 'outcome', counts, lists, packed);
  counts.set('seats (array and seats)', 1 + (state.seats as unknown as ArraySchema<unknown>).length);
  const madeOnFirstUse = [state.spectators, state.knocking].filter((map) => map !== undefined).length;
  if (madeOnFirstUse > 0) counts.set('spectators and knocking maps', madeOnFirstUse);
  counts.set('hands map', 1);
  for (const hand of (state.hands as unknown as MapSchema<PrivateState>).values()) countRecord(hand, 'hand', counts, lists, packed);
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const trees = Object.keys(room._serializer.encoder.root.changeTrees).length;
  console.log(`${gameId} at move ${state.moveNumber}: ${total} schema instances counted, ${trees} change trees in the encoder`);
  for (const [where, n] of counts) console.log(`  ${String(n).padStart(4)}  ${where}`);
  console.log(`  lists: ${[...lists].join(', ')}`);
  console.log(`  packed (one string each): ${[...packed].join(', ') || 'none yet'}`);
  await host.leave(true);
}
await server.shutdown();
process.exit(0);
