/**
 * Checkpoints the SQLite write-ahead log on a thread of its own.
 *
 * SQLite's automatic checkpoint runs inside whichever write crosses 1,000
 * pages of WAL: it copies those pages into the database file and fsyncs it,
 * on the server's main thread, in the middle of a move. At 600 moves a second
 * that was one write in about 2,000 taking 50-100 ms (measured: max 50-100 ms
 * with the automatic checkpoint, 12-17 ms without, in alternating runs), and
 * every table on the process waited behind it. Here the main connection
 * never checkpoints; a second connection on a worker thread runs a PASSIVE
 * checkpoint (it never blocks the writer) every `intervalMs`, and restarts
 * the WAL once it holds 16 MiB (the writer waits for that, a few ms at
 * most); the main connection's `journal_size_limit` cuts the file back.
 *
 * If the thread cannot start or fails, the main connection checkpoints
 * itself again, as SQLite does by default: slower moves, nothing lost.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** WAL frames (4 KiB pages) past which the thread restarts the WAL: 16 MiB, a few seconds of moves at 600 a second. */
const RESTART_FRAMES = 4096;

/** SQLite's own default for `wal_autocheckpoint`, restored if the thread fails. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** Plain JavaScript: an eval'd thread needs no TypeScript loader, under tsx, vitest or in dist. */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
let stopping = false;
const RESTART_FRAMES = workerData.restartFrames;
function checkpoint() {
  try {
    // PASSIVE takes no lock a writer waits for. But only a write that finds the WAL copied whole
    // starts it again from its beginning, and under steady writes a pass (with its syncs) always
    // ends a few frames behind: the WAL grew without end (162 MiB in 30 s at 600 writes a
    // second). So once it holds RESTART_FRAMES, a RESTART follows the PASSIVE pass: it waits for
    // the writer and copies only what came in since, so the main thread waits a few ms at most,
    // once every few seconds, and the next write starts the WAL from its beginning.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.log >= RESTART_FRAMES) db.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    stopping = true;
  }
}
const timer = setInterval(() => { if (!stopping) checkpoint(); }, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  if (!stopping) checkpoint();
  db.close();
  parentPort.postMessage({ type: 'stopped' });
});
parentPort.postMessage({ type: 'ready' });
`;

interface ThreadMessage {
  readonly type: 'ready' | 'failed' | 'stopped';
  readonly message?: string;
}

export class WalCheckpointer {
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    private readonly database: Database.Database,
  ) {}

  /**
   * Turns off the main connection's own checkpoints and starts the thread;
   * `onFailure` hears one line if the thread fails (checkpoints then go
   * back to the main connection).
   */
  static async start(
    database: Database.Database,
    file: string,
    onFailure: (line: string) => void,
    intervalMs = 250,
  ): Promise<WalCheckpointer | null> {
    const fallBack = (why: string): void => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
      onFailure(`the WAL checkpoint thread stopped (${why}); the server checkpoints on its main thread instead`);
    };
    let worker: Worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { driver, file, intervalMs, restartFrames: RESTART_FRAMES } });
    } catch (error) {
      fallBack(error instanceof Error ? error.message : String(error));
      return null;
    }
    const ready = await new Promise<boolean>((resolve) => {
      worker.once('message', (message: ThreadMessage) => resolve(message.type === 'ready'));
      worker.once('error', () => resolve(false));
    });
    if (!ready) {
      await worker.terminate();
      fallBack('it did not start');
      return null;
    }
    database.pragma('wal_autocheckpoint = 0');
    const checkpointer = new WalCheckpointer(worker, database);
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'failed') fallBack(message.message ?? 'unknown error');
    });
    worker.on('error', (error) => {
      if (!checkpointer.stopped) fallBack(error.message);
    });
    // The thread must not keep a finished process alive.
    worker.unref();
    return checkpointer;
  }

  /** Runs a last checkpoint and closes the thread's connection; call before closing the main one. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const done = new Promise<void>((resolve) => {
      this.worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'stopped') resolve();
      });
      this.worker.once('exit', () => resolve());
      this.worker.once('error', () => resolve());
    });
    // Unref'd while it runs; held now, or a process with nothing else left would exit mid-stop.
    this.worker.ref();
    this.worker.postMessage('stop');
    await done;
    await this.worker.terminate();
    if (this.database.open) this.database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  }
}
