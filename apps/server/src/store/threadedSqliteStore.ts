/**
 * The default store as the server runs it: the SQLite store on a thread of
 * its own. better-sqlite3 is synchronous, which makes a write durable before
 * the call returns, but on the main thread every write, every WAL checkpoint
 * (an fsync each thousand pages) and every closed table's log deletion would
 * hold the event loop: on a loaded machine single writes took 50-200 ms. Here
 * the main thread only posts the call and waits for its answer, and a move's
 * patch still goes out after its write is in the file.
 *
 * piscina runs the thread (as it runs the bot searches): one thread, one task
 * at a time, in order, so the log's appends keep their sequence; a crashed
 * thread is replaced and reopens the file.
 */
import { Piscina } from 'piscina';
import type { StoreAnswer, StoreCall } from '../storeWorker';
import { workerEntry } from '../workerEntry';
import { LogConflictError, StoreError } from './TableStore';
import type { FinishedGame, GameSummary, LoggedAction, OpenTable, OpenTableLog, TableStore } from './TableStore';

export class ThreadedSqliteStore implements TableStore {
  private closed = false;

  private constructor(private readonly pool: Piscina<StoreCall, StoreAnswer>) {}

  /** Starts the thread and opens `<dataDir>/deckhand.sqlite` there; a problem is the same `StoreError` as inline. */
  static async open(dataDir: string): Promise<ThreadedSqliteStore> {
    const pool = new Piscina<StoreCall, StoreAnswer>({
      ...workerEntry('storeWorker'),
      name: 'storeCall',
      workerData: { dataDir },
      minThreads: 1,
      maxThreads: 1,
      // A call waits for the one before it: the log's order is the order of the calls.
      concurrentTasksPerWorker: 1,
      // The thread lives as long as the server, idle or not.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    const store = new ThreadedSqliteStore(pool);
    try {
      await store.call('ready', []);
    } catch (error) {
      await pool.destroy();
      throw error;
    }
    return store;
  }

  private async call<T>(method: StoreCall['method'], args: readonly unknown[]): Promise<T> {
    if (this.closed) throw new StoreError('the table store is closed');
    const answer = await this.pool.run({ method, args });
    if (!answer.ok) {
      if (answer.kind === 'conflict') throw new LogConflictError(answer.message);
      throw answer.kind === 'store' ? new StoreError(answer.message) : new Error(answer.message);
    }
    return answer.value as T;
  }

  openTable(table: { tableId: string; code: string; createdAt: number }): Promise<void> {
    return this.call('openTable', [table]);
  }

  append(tableId: string, entry: LoggedAction): Promise<void> {
    return this.call('append', [tableId, entry]);
  }

  openTables(): Promise<OpenTableLog[]> {
    return this.call('openTables', []);
  }

  openTableList(): Promise<OpenTable[]> {
    return this.call('openTableList', []);
  }

  tableLog(tableId: string): Promise<OpenTableLog | null> {
    return this.call('tableLog', [tableId]);
  }

  closeTable(tableId: string): Promise<void> {
    return this.call('closeTable', [tableId]);
  }

  saveGame(game: FinishedGame): Promise<void> {
    return this.call('saveGame', [game]);
  }

  gamesOf(playerId: string, limit: number): Promise<GameSummary[]> {
    return this.call('gamesOf', [playerId, limit]);
  }

  game(id: string): Promise<FinishedGame | null> {
    return this.call('game', [id]);
  }

  deleteGamesBefore(cutoff: number): Promise<number> {
    return this.call('deleteGamesBefore', [cutoff]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.call('close', []);
    } finally {
      this.closed = true;
      await this.pool.destroy();
    }
  }
}
