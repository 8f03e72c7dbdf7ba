import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPostgres } from '../cluster/services';
import type { Service } from '../cluster/services';
import { clusterServicesAvailable, scratchDir } from '../test/services';
import { openPostgresStore } from './postgresStore';
import { MemoryTableStore } from './MemoryTableStore';
import { DATABASE_FILE, openSqliteStore } from './sqliteStore';
import { describeTableStore } from './storeContract';
import { StoreError, StoreUnavailableError } from './TableStore';

const folders: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-store-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describeTableStore('memory', { open: async () => new MemoryTableStore() });

describeTableStore('sqlite in memory', { open: () => openSqliteStore(':memory:') });

const dirs = new WeakMap<object, string>();
describeTableStore('sqlite file', {
  async open() {
    const dir = freshDir();
    const store = await openSqliteStore(dir);
    dirs.set(store, dir);
    return store;
  },
  async reopen(store) {
    const dir = dirs.get(store)!;
    await store.close();
    const again = await openSqliteStore(dir);
    dirs.set(again, dir);
    return again;
  },
});

describe('sqlite store on disk', () => {
  it('creates its data directory and runs in WAL mode', async () => {
    const dir = join(freshDir(), 'nested', 'data');
    const store = await openSqliteStore(dir);
    await store.close();
    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    // The migrator recorded the first version.
    expect(raw.prepare('select name from kysely_migration').all()).toEqual([{ name: '0001_initial' }]);
    raw.close();
  });

  it('a write is in the file for another connection to read as soon as it resolves', async () => {
    const dir = freshDir();
    const store = await openSqliteStore(dir);
    await store.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
    await store.append('t1', [{ seq: 0, at: 2, action: { kind: 'move' } }]);
    // A second connection stands in for the next process after a kill -9: nothing was closed.
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(reader.prepare('select seq, action from table_log').all()).toEqual([{ seq: 0, action: '{"kind":"move"}' }]);
    reader.close();
    await store.close();
  });

  it('copies the WAL into the database file off the main thread, without waiting for 1,000 pages', async () => {
    /** Bytes of the database file itself (not its WAL) after 300 moves and a second's wait, the store still open. */
    const fileBytesAfterMoves = async (checkpointThread: boolean): Promise<number> => {
      const dir = freshDir();
      const store = await openSqliteStore(dir, { checkpointThread });
      await store.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
      for (let seq = 0; seq < 300; seq++) await store.append('t1', [{ seq, at: seq, action: { kind: 'move', seq, note: 'x'.repeat(100) } }]);
      // The thread checkpoints every 250 ms; give it a few rounds.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const bytes = statSync(join(dir, DATABASE_FILE)).size;
      await store.close();
      return bytes;
    };
    // Without the thread, 300 small writes stay in the WAL, below SQLite's 1,000-page automatic
    // checkpoint; with it, the log's pages (about 40 KB of rows) are in the database file.
    const inline = await fileBytesAfterMoves(false);
    const threaded = await fileBytesAfterMoves(true);
    expect(threaded - inline).toBeGreaterThan(30_000);
  });

  it('a file that is not a database is one clear StoreError naming the file', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is not a database, just some text that fills the header '.repeat(100));
    const error = await openSqliteStore(dir).then(
      () => null,
      (problem: unknown) => problem,
    );
    expect(error).toBeInstanceOf(StoreError);
    const message = (error as StoreError).message;
    expect(message).toContain(join(dir, DATABASE_FILE));
    expect(message).toContain('restore a backup or move the file aside');
    expect(message).not.toContain('\n');
  });

  it('a data directory that cannot be created is a StoreError', async () => {
    const file = join(freshDir(), 'a-file');
    writeFileSync(file, 'x');
    await expect(openSqliteStore(join(file, 'data'))).rejects.toBeInstanceOf(StoreError);
  });
});

// The same contract on Postgres: DATABASE_URL when given, else a throwaway server from Debian's package.
const postgresReady = Boolean(process.env.DATABASE_URL) || clusterServicesAvailable('the Postgres table store tests');
describe.skipIf(!postgresReady)('postgres', () => {
  let admin: pg.Pool;
  let server: Service | null = null;
  let scratch: ReturnType<typeof scratchDir> | null = null;
  let baseUrl = process.env.DATABASE_URL ?? '';
  const databases: string[] = [];

  beforeAll(async () => {
    if (baseUrl === '') {
      scratch = scratchDir('deckhand-pg-');
      server = await startPostgres(join(scratch.path, 'pg'), await freePort());
      baseUrl = server.url;
    }
    admin = new pg.Pool({ connectionString: baseUrl, max: 1 });
  }, 60_000);

  afterAll(async () => {
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin?.end();
    await server?.stop();
    scratch?.remove();
  });

  /** Each store gets a database of its own, so tests start empty and run side by side. */
  async function freshDatabase(): Promise<string> {
    const name = `deckhand_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name}`);
    databases.push(name);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  const urls = new WeakMap<object, string>();
  describeTableStore('postgres', {
    async open() {
      const url = await freshDatabase();
      const store = await openPostgresStore(url, 2);
      urls.set(store, url);
      return store;
    },
    async reopen(store) {
      const url = urls.get(store)!;
      await store.close();
      const again = await openPostgresStore(url, 2);
      urls.set(again, url);
      return again;
    },
  });

  it('an unreachable database is one StoreUnavailableError naming it without its password', async () => {
    const error = await openPostgresStore('postgres://deckhand:secret@127.0.0.1:1/none').then(
      () => null,
      (problem: unknown) => problem,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).message).toContain('127.0.0.1:1');
    expect((error as StoreUnavailableError).message).not.toContain('secret');
  });

  it('two processes migrating one new database at once both start', async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([openPostgresStore(url, 2), openPostgresStore(url, 2)]);
    await first.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
    expect((await second.openTableList()).map((table) => table.code)).toEqual(['BCDFG']);
    await first.close();
    await second.close();
  });
});
