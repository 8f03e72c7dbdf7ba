/**
 * `npx tsx scripts/measureCheckpoints.ts [writesPerSecond=600] [seconds=15] [rounds=2]`:
 * writes log entries to a fresh SQLite store at a steady rate, round-robin over
 * as many tables as writes per second (one move a second each, as in the
 * capacity benchmark), and prints how long each write held the caller, with
 * the WAL checkpointed on the main thread (SQLite's default: inside the write
 * that crosses 1,000 pages) and on the store's checkpoint thread, alternating
 * rounds so both see the same machine. The long writes are the figure: they
 * are what every other table on the process waits behind.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteStore } from '../src/store/sqliteStore';

const writesPerSecond = Number(process.argv[2] ?? 600);
const seconds = Number(process.argv[3] ?? 15);
const rounds = Number(process.argv[4] ?? 2);
const ACTION = { type: 'move', seat: 2, move: { type: 'play', card: 37 }, by: 'player-abcdefgh' };

async function round(checkpointThread: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-checkpoints-'));
  const store = await openSqliteStore(dir, { checkpointThread });
  const tables = writesPerSecond;
  for (let index = 0; index < tables; index++) await store.openTable({ tableId: `t${index}`, code: `C${index}`, createdAt: 0 });
  const seq = new Array<number>(tables).fill(0);
  const held: number[] = [];
  const started = performance.now();
  for (let write = 0; performance.now() - started < seconds * 1000; write++) {
    const table = write % tables;
    const before = performance.now();
    await store.append(`t${table}`, { seq: seq[table]!++, at: Date.now(), action: ACTION });
    held.push(performance.now() - before);
    // Keep the rate: the next write is due at its place in the schedule.
    const due = started + ((write + 1) * 1000) / writesPerSecond;
    if (due > performance.now()) await sleep(due - performance.now());
  }
  const wal = join(dir, 'deckhand.sqlite-wal');
  const walMiB = existsSync(wal) ? statSync(wal).size / 2 ** 20 : 0;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  held.sort((a, b) => a - b);
  const at = (q: number) => held[Math.min(held.length - 1, Math.floor(q * held.length))]!.toFixed(3);
  const over = (ms: number) => held.filter((value) => value > ms).length;
  return `| ${checkpointThread ? 'own thread' : 'main thread'} | ${held.length} | ${at(0.5)} | ${at(0.99)} | ${at(0.999)} | ${held.at(-1)!.toFixed(1)} | ${over(20)} | ${over(50)} | ${walMiB.toFixed(1)} |`;
}

console.log(`${writesPerSecond} writes/s for ${seconds} s a round, ${rounds} rounds each, alternating`);
console.log('| checkpoint | writes | p50 ms | p99 ms | p99.9 ms | max ms | over 20 ms | over 50 ms | WAL at the end, MiB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (let index = 0; index < rounds; index++) {
  console.log(await round(false));
  console.log(await round(true));
}
