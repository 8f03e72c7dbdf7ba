/**
 * Where hard bots think: a pool of worker threads, so one table's search
 * never holds up the event loop that sends every other table's patches.
 *
 * The pool is piscina rather than tinypool or a hand-written one: it is kept
 * by Node.js core contributors and widely used, queues tasks, replaces a
 * thread that crashed, ends its threads cleanly, and can lower their CPU
 * priority (`niceIncrement`), which matters on a small machine where the
 * searches and the main thread share cores.
 *
 * A search is due `deadlineMs` after it is asked for. The table stops waiting
 * then (and plays the normal bot's move); the worker, for its part, shortens
 * a search that starts late and skips one that starts too late. A running
 * search is never cut off from outside: ending a thread (piscina's abort)
 * would cost a thread start, and under load that start would make the next
 * searches late too.
 */
import { Piscina } from 'piscina';
import { clock, searchMove } from './botSearch';
import { workerEntry } from './workerEntry';
import type { SearchAnswer, SearchRequest } from './botSearch';

/** How the searches went since the start (for /health and the benchmark). */
export interface BotTally {
  /** Live worker threads: 0 when searches run inline, and after `close`. */
  readonly threads: number;
  readonly answered: number;
  /** Searches that threw or missed their deadline (their tables played the normal bot's move). */
  readonly failed: number;
}

/** What a table needs from the place its hard bots think; tests hand in their own. */
export interface BotThinking {
  /** The move for one decision; rejects when the search failed or missed its deadline. */
  search(request: SearchRequest): Promise<SearchAnswer>;
  tally(): BotTally;
  /** Ends every worker thread; searches still pending are rejected. */
  close(): Promise<void>;
}

/**
 * Worker threads run at a lower priority than the main thread (nice +10 on
 * Unix): when cores are short, patches go out first and searches slow down,
 * and the search's time cap keeps a slowed search from stalling its table.
 */
const WORKER_NICE_INCREMENT = 10;

export interface BotPoolOptions {
  /** Worker threads; 0 searches inline on the main thread (for comparisons). */
  readonly workers: number;
  /** A search that has not answered by then (queue wait included) is rejected. */
  readonly deadlineMs: number;
}

export class BotPool implements BotThinking {
  private readonly pool: Piscina<SearchRequest, SearchAnswer> | null;
  private closed = false;
  private answered = 0;
  private failed = 0;

  constructor(private readonly options: BotPoolOptions) {
    this.pool =
      options.workers === 0
        ? null
        : new Piscina<SearchRequest, SearchAnswer>({
            ...workerEntry('botWorker'),
            name: 'searchMove',
            // Every thread starts with the server, so the first hard-bot move does not wait for one.
            minThreads: options.workers,
            maxThreads: options.workers,
            niceIncrement: WORKER_NICE_INCREMENT,
          });
  }

  tally(): BotTally {
    return { threads: this.pool?.threads.length ?? 0, answered: this.answered, failed: this.failed };
  }

  search(request: SearchRequest): Promise<SearchAnswer> {
    if (this.closed) return Promise.reject(new Error('the bot pool is closed'));
    const { deadlineMs } = this.options;
    return beforeDeadline(this.run({ ...request, answerBy: clock() + deadlineMs }), deadlineMs).then(
      (answer) => {
        this.answered++;
        return answer;
      },
      (error: unknown) => {
        if (!this.closed) this.failed++;
        throw error;
      },
    );
  }

  private run(request: SearchRequest): Promise<SearchAnswer> {
    if (this.pool) return this.pool.run(request);
    // Inline: after the pending I/O, so the patch of the move that led here goes out first.
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(searchMove(request));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool?.destroy();
  }
}

/** `answer`, or a rejection once `ms` have passed without it. */
function beforeDeadline<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
