/**
 * The entry of the table store's thread (see store/threadedSqliteStore.ts;
 * bundled to dist/storeWorker.js beside dist/main.js). The thread owns the
 * SQLite connection: every write and read of the log and the history runs
 * here, one call at a time in the order the server asked, so a slow disk
 * write or a WAL checkpoint holds up this thread, never the event loop that
 * sends every table's patches.
 */
import { workerData } from 'node:worker_threads';
import { openSqliteStore } from './store/sqliteStore';
import type { SqlTableStore } from './store/SqlTableStore';
import { LogConflictError, StoreError } from './store/TableStore';
import type { TableStore } from './store/TableStore';

/** A call of one `TableStore` method, with its arguments as plain data. */
export interface StoreCall {
  readonly method: Exclude<keyof TableStore, 'close'> | 'ready' | 'close';
  readonly args: readonly unknown[];
}

/** An answer: the method's result, or its error (a `StoreError` keeps its kind across the thread). */
export type StoreAnswer =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly kind: 'conflict' | 'store' | 'other'; readonly message: string };

const dataDir = (workerData as { dataDir: string }).dataDir;
let store: Promise<SqlTableStore> | null = null;

export async function storeCall(call: StoreCall): Promise<StoreAnswer> {
  try {
    store ??= openSqliteStore(dataDir);
    const opened = await store;
    if (call.method === 'ready') return { ok: true, value: null };
    if (call.method === 'close') {
      store = null;
      await opened.close();
      return { ok: true, value: null };
    }
    const method = opened[call.method] as (...args: unknown[]) => Promise<unknown>;
    return { ok: true, value: await method.apply(opened, [...call.args]) };
  } catch (error) {
    if (call.method === 'ready') store = null;
    const kind = error instanceof LogConflictError ? 'conflict' : error instanceof StoreError ? 'store' : 'other';
    return { ok: false, kind, message: error instanceof Error ? error.message : String(error) };
  }
}
