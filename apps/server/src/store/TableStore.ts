/**
 * Where tables outlive their process: each open table's log of accepted
 * actions, and the finished games kept as history. One small interface with
 * an SQL implementation (SQLite by default, Postgres later, through Kysely)
 * and an in-memory one for tests; `storeContract.ts` holds the tests every
 * implementation passes.
 *
 * The store does not read actions: it keeps them as JSON in the order given.
 * The table core decides what an action is and how a log replays.
 */

/**
 * A value that survives `JSON.stringify` and `JSON.parse` unchanged (plain
 * objects, arrays, strings, finite numbers, booleans, null). Typed `unknown`
 * so callers' own interfaces fit without index signatures.
 */
export type Json = unknown;

/** One accepted action of a table, in order. */
export interface LoggedAction {
  /** 0, 1, 2... per table, with no gaps: a second write of a sequence number is refused. */
  readonly seq: number;
  /** When it was accepted (ms since the epoch). */
  readonly at: number;
  readonly action: Json;
}

/** An unfinished table, without its log. */
export interface OpenTable {
  /** The store's id of this table (a join code is reused once its table closes). */
  readonly tableId: string;
  readonly code: string;
  readonly createdAt: number;
}

/** An unfinished table and everything it accepted, to rebuild it after a restart. */
export interface OpenTableLog extends OpenTable {
  readonly actions: readonly LoggedAction[];
}

/** One player of a finished game. */
export interface GamePlayer {
  readonly seat: number;
  /** '' for a bot. */
  readonly playerId: string;
  readonly name: string;
  /** 'human' or a bot level; what the table showed. */
  readonly kind: string;
}

/** A finished game, everything needed to replay and check it. */
export interface FinishedGame {
  /** Unique across every table and process. */
  readonly id: string;
  readonly tableCode: string;
  readonly gameId: string;
  readonly seed: string;
  readonly seedHash: string;
  readonly options: Json;
  readonly players: readonly GamePlayer[];
  readonly moves: readonly Json[];
  /** Final scores by seat. */
  readonly scores: readonly number[];
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What a player's list of recent games shows, without the moves. */
export type GameSummary = Omit<FinishedGame, 'seed' | 'moves' | 'options'>;

export interface TableStore {
  /** Starts a table's log. `tableId` must be new; the code must not belong to another open table. */
  openTable(table: { tableId: string; code: string; createdAt: number }): Promise<void>;
  /**
   * Adds one call's actions to an open table's log, all of them or none;
   * resolves once they are durable. A `LogConflictError` if any of their
   * places in the log is taken (nothing of the call is stored then).
   */
  append(tableId: string, entries: readonly LoggedAction[]): Promise<void>;
  /** Every table not closed yet, with its whole log in order (oldest table first). */
  openTables(): Promise<OpenTableLog[]>;
  /** Every table not closed yet, without logs (oldest first): what a process looks over for tables nobody holds. */
  openTableList(): Promise<OpenTable[]>;
  /** One open table with its whole log, or null once it closed. */
  tableLog(tableId: string): Promise<OpenTableLog | null>;
  /** The table ended for good (everyone left): its log is dropped; its finished games stay. */
  closeTable(tableId: string): Promise<void>;
  /** Keeps a finished game as history. */
  saveGame(game: FinishedGame): Promise<void>;
  /** A player's finished games, newest first. */
  gamesOf(playerId: string, limit: number): Promise<GameSummary[]>;
  /** One finished game with its moves, or null. */
  game(id: string): Promise<FinishedGame | null>;
  /** Deletes finished games that ended before `cutoff` (ms); answers how many. */
  deleteGamesBefore(cutoff: number): Promise<number>;
  close(): Promise<void>;
}

/** The store refused a write or could not be read; `message` is one line for an operator. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
}

/**
 * The table's log already holds an action at that sequence number: another
 * process wrote it (it runs the table now, or ran it while this one stalled
 * past its lease). What this process was about to send is not in the log, so
 * it must not be sent: the room lets the table go and the log's owner goes on.
 */
export class LogConflictError extends StoreError {
  override readonly name = 'LogConflictError';
}

/**
 * The database could not be reached (a network or server problem, not a damaged file): one line for
 * an operator, and a start a supervisor may simply try again.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
