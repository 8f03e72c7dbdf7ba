/**
 * The default store: one SQLite file in the data directory, through
 * better-sqlite3 (synchronous: a write is in the file before the call
 * returns, so "log, then send the patch" costs no extra round trip).
 *
 * WAL mode lets a backup or a reader run beside the server. `synchronous =
 * NORMAL` keeps every committed write through a killed process (it is in the
 * WAL file); only a power cut can lose the last few, which FULL would fsync
 * on every move to prevent.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import { SqlTableStore } from './SqlTableStore';
import { StoreError } from './TableStore';
import { WalCheckpointer } from './walCheckpointer';

/** The database file inside the data directory. */
export const DATABASE_FILE = 'deckhand.sqlite';

/** Queries a store makes are a fixed few; more than this means something builds SQL by hand. */
const STATEMENT_CACHE = 64;

/**
 * Kysely's SQLite driver prepares every query anew; a move's log write is the
 * same statement each time, so it is prepared once.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens (or creates) `<dataDir>/deckhand.sqlite`, checks it and migrates it.
 * Any problem is a `StoreError` whose message is one line naming the file and
 * what to do; `':memory:'` gives a throwaway database (tests).
 */
export interface SqliteOptions {
  /** Where a checkpoint thread's failure is told (one line); the console by default. */
  readonly warn?: (line: string) => void;
  /** Off: SQLite checkpoints inside the writes on the main thread, as by default (the bench compares the two). */
  readonly checkpointThread?: boolean;
}

/**
 * SQLite's own page cache size. better-sqlite3 builds SQLite with 16 MiB
 * (`SQLITE_DEFAULT_CACHE_SIZE=-16000`), and a server's cache fills to it as
 * the file grows: that was the soak benchmark's lasting RSS step (+19-24 MiB
 * of glibc heap, never given back). The table log's working set is one leaf
 * page per open table; a page not cached comes from the OS page cache, and
 * in a store-only loop at 1,250 tables a move cost 15-19 us of CPU with 2 MiB
 * and 16-20 us with 16 MiB (BENCHMARKS.md, "Limits").
 */
const PAGE_CACHE_KIB = 2000;

/** The WAL file is cut back to this size when it restarts (it keeps its high-water mark otherwise). */
const WAL_SIZE_LIMIT_BYTES = 64 * 2 ** 20;

export async function openSqliteStore(dataDir: string | ':memory:', options: SqliteOptions = {}): Promise<SqlTableStore> {
  const { warn = (line: string) => console.warn(line), checkpointThread = true } = options;
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE);
  let database: Database.Database;
  try {
    if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
    database = new Database(file);
  } catch (error) {
    throw new StoreError(`cannot open the table database ${file}: ${reason(error)}`);
  }
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // A damaged file is found here, before any table is restored from it.
    const check = database.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed (${String(check)})`);
  } catch (error) {
    database.close();
    throw new StoreError(
      `the table database ${file} is unreadable (${reason(error)}): restore a backup or move the file aside to start empty`,
    );
  }
  try {
    let checkpointer: WalCheckpointer | null = null;
    const store = await SqlTableStore.open(new SqliteDialect({ database: withStatementCache(database) }), async () => {
      await checkpointer?.stop();
    });
    // Migrated and ready: from here on the WAL is checkpointed off the main thread.
    if (dataDir !== ':memory:' && checkpointThread) checkpointer = await WalCheckpointer.start(database, file, warn);
    return store;
  } catch (error) {
    if (database.open) database.close();
    throw error instanceof StoreError ? new StoreError(`${file}: ${error.message}`) : error;
  }
}
