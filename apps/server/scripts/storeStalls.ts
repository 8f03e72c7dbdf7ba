/**
 * `npx tsx --conditions=@deckhand/source scripts/storeStalls.ts [seconds] [appendsPerSecond]`:
 * the table log's cost to the event loop, with the SQLite store on the main
 * thread and on its own thread (as the server runs it), side by side, each
 * on a fresh file. Appends come at a steady rate spread over 1,000 tables (a
 * thousand tables at a move a second), each awaited like a move's write
 * before its patch. Prints, per store: the main thread's busy time per append
 * (event-loop utilization), the longest event-loop delay, and the append's
 * time until durable (p50, p99, max). Run it twice, on a quiet machine, and
 * compare the two rows of one run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/store/sqliteStore';
import type { TableStore } from '../src/store/TableStore';
import { ThreadedSqliteStore } from '../src/store/threadedSqliteStore';

const seconds = Number(process.argv[2] ?? 15);
const rate = Number(process.argv[3] ?? 1000);
const TABLES = 1000;
const action = { kind: 'move', seat: 2, move: { type: 'play', card: 37 }, by: 'player' };

async function measure(label: string, open: (dir: string) => Promise<TableStore>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-store-stalls-'));
  const store = await open(dir);
  for (let table = 0; table < TABLES; table++) await store.openTable({ tableId: `t${table}`, code: `C${table}`, createdAt: 0 });
  const seqs = new Array<number>(TABLES).fill(0);
  const durations: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  let sent = 0;
  const pending = new Set<Promise<void>>();
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      const table = sent % TABLES;
      const before = performance.now();
      const write = store.append(`t${table}`, { seq: seqs[table]!++, at: Date.now(), action }).then(() => {
        durations.push(performance.now() - before);
        pending.delete(write);
      });
      pending.add(write);
      sent++;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  const busy = performance.eventLoopUtilization(elu);
  loop.disable();
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!.toFixed(2);
  console.log(
    `${label.padEnd(22)} appends ${durations.length}  main-thread busy ${((busy.active / durations.length) * 1000).toFixed(1)} us/append  ` +
      `longest loop delay ${(loop.max / 1e6).toFixed(1)} ms  durable after p50 ${at(0.5)} / p99 ${at(0.99)} / max ${durations.at(-1)!.toFixed(1)} ms`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

for (let round = 0; round < 2; round++) {
  await measure('main thread (inline)', (dir) => openSqliteStore(dir));
  await measure('own thread (default)', (dir) => ThreadedSqliteStore.open(dir));
}
