/**
 * `npx tsx --conditions=@deckhand/source scripts/measureLog.ts [games]`: plays Hearts games of four normal
 * bots through the table core on a fake clock, writing every action to a
 * fresh SQLite store, and prints the log's cost: CPU per append, log bytes
 * and database bytes per finished game. Bytes are exact; CPU time depends on
 * the machine's load.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { GAMES, Rng } from '@deckhand/rules';
import { BotLevel } from '@deckhand/protocol';
import { DATABASE_FILE, openSqliteStore } from '../src/store/sqliteStore';
import { Table } from '../src/table/Table';
import type { Timer } from '../src/table/types';

const games = Number(process.argv[2] ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'deckhand-measure-'));
const store = await openSqliteStore(dir);
let time = 0;
const timers: { at: number; action: () => void; live: boolean }[] = [];
const clock = {
  now: () => time,
  later(ms: number, action: () => void): Timer {
    const timer = { at: time + ms, action, live: true };
    timers.push(timer);
    return { clear: () => void (timer.live = false) };
  },
};
const rng = Rng.fromSeed('measure');
let appends = 0;
let cpu = 0;
let logBytes = 0;
for (let index = 0; index < games; index++) {
  const created = Table.create(
    {
      config: { reconnectSeconds: 60, botDelay: { min: 0, max: 0 }, botSearchIterations: 1, botSearchMs: 1, handSummarySeconds: 10, timeScale: 1 },
      games: GAMES, clock, logger: pino({ level: 'silent' }),
      random: { seed: () => `s${rng.nextUint32()}`, delay: () => 0, botSeed: () => `b${rng.nextUint32()}` },
      bots: { search: () => Promise.reject(new Error('no hard bots here')), tally: () => ({ threads: 0, answered: 0, failed: 0 }), close: async () => {} },
    },
    { code: `T${index}`, gameId: 'hearts', turnSeconds: 30, maxSpectators: 8 },
  );
  if (!created.ok) throw new Error(created.error.message);
  const table = created.table;
  const tableId = `table-${index}`;
  await store.openTable({ tableId, code: `T${index}`, createdAt: 0 });
  table.join({ playerId: 'host', name: 'Host' }, false);
  for (const seat of [1, 2, 3]) table.handle('host', { type: 'addBot', seat, level: BotLevel.Normal });
  table.handle('host', { type: 'stand' });
  table.handle('host', { type: 'addBot', seat: 0, level: BotLevel.Normal });
  table.handle('host', { type: 'start' });
  let seq = 0;
  const flush = async () => {
    const output = table.takeOutput();
    for (const { at, action } of output.actions) {
      logBytes += JSON.stringify(action).length;
      const before = process.cpuUsage();
      await store.append(tableId, { seq: seq++, at, action });
      const used = process.cpuUsage(before);
      cpu += used.user + used.system;
      appends++;
    }
    for (const game of output.finished) {
      await store.saveGame({
        id: `g${index}`, tableCode: `T${index}`, gameId: game.gameId, seed: game.seed, seedHash: game.seedHash, options: game.options,
        players: game.seats.map((seat, place) => ({ seat: place, playerId: seat.playerId, name: seat.name, kind: seat.kind })),
        moves: game.moves, scores: game.scores, startedAt: game.startedAt, finishedAt: game.finishedAt,
      });
    }
  };
  await flush();
  while (table.model.phase === 'playing') {
    const next = timers.filter((timer) => timer.live).sort((a, b) => a.at - b.at)[0];
    if (!next) throw new Error('the game stalled');
    next.live = false;
    time = Math.max(time, next.at);
    next.action();
    await flush();
  }
  timers.length = 0;
  await store.closeTable(tableId);
  table.close();
}
await store.close();
const raw = new Database(join(dir, DATABASE_FILE));
raw.pragma('wal_checkpoint(TRUNCATE)');
raw.exec('VACUUM');
const gameRows = raw.prepare('select sum(length(moves) + length(players) + length(options) + length(scores) + 200) as bytes from games').get() as { bytes: number };
raw.close();
const fileBytes = statSync(join(dir, DATABASE_FILE)).size;
console.log(JSON.stringify({
  games, appends, appendsPerGame: Math.round(appends / games), cpuMicrosPerAppend: Math.round(cpu / appends),
  logBytesPerGame: Math.round(logBytes / games), historyRowBytesPerGame: Math.round(gameRows.bytes / games),
  databaseBytesPerFinishedGame: Math.round(fileBytes / games),
}));
rmSync(dir, { recursive: true, force: true });
