/**
 * `npx tsx scripts/measureAppends.ts [appends=20000] [rounds=3]`: the table
 * log's append path alone, as the server drives it: batches of moves from
 * one turn of the event loop (1, 4 and 16 rows), written through the store's
 * group commit into a fresh SQLite store. Prints the main thread's CPU per
 * append for each batch size, rounds alternating so each sees the same
 * machine. CPU time depends on the machine's load; compare runs side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqliteStore';

const appends = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const BATCHES = [1, 4, 16];
const TABLES = 400;
const ACTION = { type: 'move', seat: 2, move: { type: 'play', card: 37 }, by: 'player-abcdefgh' };

const dir = mkdtempSync(join(tmpdir(), 'deckhand-appends-'));
const store = await openSqliteStore(dir);
for (let index = 0; index < TABLES; index++) await store.openTable({ tableId: `t${index}`, code: `C${index}`, createdAt: 0 });
const seq = new Array<number>(TABLES).fill(0);
let next = 0;

/** CPU microseconds per append, writing `appends` rows `batch` to a turn. */
async function measure(batch: number): Promise<number> {
  const before = process.cpuUsage();
  for (let written = 0; written < appends; written += batch) {
    const writes: Promise<void>[] = [];
    for (let index = 0; index < batch; index++) {
      const table = next++ % TABLES;
      writes.push(store.append(`t${table}`, { seq: seq[table]!++, at: Date.now(), action: ACTION }));
    }
    await Promise.all(writes);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / appends;
}

await measure(16); // warm-up: the JIT and the compiled statements
console.log(`${appends} appends a measurement, ${rounds} rounds, ${TABLES} tables`);
console.log(`| round | ${BATCHES.map((batch) => `${batch} a turn, us/append`).join(' | ')} |`);
console.log(`| ---: | ${BATCHES.map(() => '---:').join(' | ')} |`);
for (let round = 1; round <= rounds; round++) {
  const figures: string[] = [];
  for (const batch of BATCHES) figures.push((await measure(batch)).toFixed(1));
  console.log(`| ${round} | ${figures.join(' | ')} |`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
