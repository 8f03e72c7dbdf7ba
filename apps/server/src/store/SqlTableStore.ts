/**
 * The table store on SQL through Kysely: the same queries for SQLite (the
 * default, `openSqliteStore`) and Postgres (a `PostgresDialect` handed to
 * `SqlTableStore.open`). Nothing here is dialect-specific.
 */
import { CompiledQuery, Kysely } from 'kysely';
import { Migrator } from 'kysely';
import type { Dialect } from 'kysely';
import type { MigrationProvider } from 'kysely';
import { GroupCommit } from './GroupCommit';
import { MIGRATIONS } from './migrations';
import type { StoreDatabase } from './migrations';
import { LogConflictError, StoreError } from './TableStore';
import type { FinishedGame, GameSummary, Json, LoggedAction, OpenTable, OpenTableLog, TableStore } from './TableStore';

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

function parse<T>(text: string): T {
  return JSON.parse(text) as T;
}

type LogRow = { table_id: string; seq: number; at: number; action: string };

/** Row counts whose append statement is kept compiled; a longer batch is rare and compiles its own. */
const KEPT_APPEND_SIZES = 64;

type GameRow = {
  id: string;
  table_code: string;
  game_id: string;
  seed_hash: string;
  scores: string;
  players: string;
  started_at: number | string;
  finished_at: number | string;
};

function summaryOf(row: GameRow): GameSummary {
  return {
    id: row.id,
    tableCode: row.table_code,
    gameId: row.game_id,
    seedHash: row.seed_hash,
    scores: parse<number[]>(row.scores),
    players: parse<FinishedGame['players']>(row.players),
    startedAt: Number(row.started_at),
    finishedAt: Number(row.finished_at),
  };
}

export class SqlTableStore implements TableStore {
  /**
   * The append statement's SQL by its number of rows, compiled once and reused
   * with new parameters: building and compiling the query through Kysely cost
   * about as much CPU as the write itself.
   */
  private readonly appendSql = new Map<number, string>();
  /** The actions every table logged in one turn of the event loop, stored by one statement; each call's rows stay together. */
  private readonly appends = new GroupCommit<readonly LogRow[]>(
    async (calls) => void (await this.db.executeQuery(this.appendStatement(calls.flat()))),
    (rows) => this.appendCall(rows),
    500,
    (rows) => rows.length,
  );

  private constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly beforeClose: () => Promise<void>,
  ) {}

  /**
   * Opens the database and brings its shape up to date; a failed migration is
   * a `StoreError`. `beforeClose` runs first in `close` (SQLite stops its
   * checkpoint thread there).
   */
  static async open(dialect: Dialect, beforeClose: () => Promise<void> = async () => {}): Promise<SqlTableStore> {
    const db = new Kysely<StoreDatabase>({ dialect });
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) {
      await db.destroy();
      throw new StoreError(`the database could not be migrated: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new SqlTableStore(db, beforeClose);
  }

  async openTable(table: { tableId: string; code: string; createdAt: number }): Promise<void> {
    await this.db.insertInto('tables').values({ id: table.tableId, code: table.code, created_at: table.createdAt }).execute();
  }

  async append(tableId: string, entries: readonly LoggedAction[]): Promise<void> {
    if (entries.length === 0) return;
    await this.appends.write(entries.map((entry) => ({ table_id: tableId, seq: entry.seq, at: entry.at, action: JSON.stringify(entry.action) })));
  }

  private appendStatement(rows: readonly LogRow[]): CompiledQuery {
    let sql = this.appendSql.get(rows.length);
    if (sql === undefined) {
      const blank: LogRow = { table_id: '', seq: 0, at: 0, action: '' };
      sql = this.db.insertInto('table_log').values(rows.map(() => blank)).compile().sql;
      if (rows.length <= KEPT_APPEND_SIZES) this.appendSql.set(rows.length, sql);
    }
    // In the order of the blank row's columns, row after row.
    const parameters: (string | number)[] = [];
    for (const row of rows) parameters.push(row.table_id, row.seq, row.at, row.action);
    return CompiledQuery.raw(sql, parameters);
  }

  /** One call's rows in one statement: a statement is stored whole or not at all. */
  private async appendCall(rows: readonly LogRow[]): Promise<void> {
    try {
      await this.db.executeQuery(this.appendStatement(rows));
    } catch (error) {
      if (isUniqueViolation(error)) {
        const places = rows.length === 1 ? `action ${rows[0]!.seq}` : `an action at one of ${rows.map((row) => row.seq).join(', ')}`;
        throw new LogConflictError(`table ${rows[0]!.table_id} already has ${places}`);
      }
      throw error;
    }
  }

  async openTables(): Promise<OpenTableLog[]> {
    const tables = await this.db.selectFrom('tables').selectAll().orderBy('created_at').orderBy('id').execute();
    const rows = await this.db.selectFrom('table_log').selectAll().orderBy('table_id').orderBy('seq').execute();
    const byTable = new Map<string, LoggedAction[]>();
    for (const row of rows) {
      let list = byTable.get(row.table_id);
      if (!list) byTable.set(row.table_id, (list = []));
      list.push({ seq: row.seq, at: Number(row.at), action: parse<Json>(row.action) });
    }
    return tables.map((table) => ({
      tableId: table.id,
      code: table.code,
      createdAt: Number(table.created_at),
      actions: byTable.get(table.id) ?? [],
    }));
  }

  async openTableList(): Promise<OpenTable[]> {
    const tables = await this.db.selectFrom('tables').selectAll().orderBy('created_at').orderBy('id').execute();
    return tables.map((table) => ({ tableId: table.id, code: table.code, createdAt: Number(table.created_at) }));
  }

  async tableLog(tableId: string): Promise<OpenTableLog | null> {
    const table = await this.db.selectFrom('tables').selectAll().where('id', '=', tableId).executeTakeFirst();
    if (!table) return null;
    const rows = await this.db.selectFrom('table_log').selectAll().where('table_id', '=', tableId).orderBy('seq').execute();
    return {
      tableId: table.id,
      code: table.code,
      createdAt: Number(table.created_at),
      actions: rows.map((row) => ({ seq: row.seq, at: Number(row.at), action: parse<Json>(row.action) })),
    };
  }

  async closeTable(tableId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('table_log').where('table_id', '=', tableId).execute();
      await trx.deleteFrom('tables').where('id', '=', tableId).execute();
    });
  }

  async saveGame(game: FinishedGame): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('games')
        .values({
          id: game.id,
          table_code: game.tableCode,
          game_id: game.gameId,
          seed: game.seed,
          seed_hash: game.seedHash,
          options: JSON.stringify(game.options),
          moves: JSON.stringify(game.moves),
          scores: JSON.stringify(game.scores),
          players: JSON.stringify(game.players),
          started_at: game.startedAt,
          finished_at: game.finishedAt,
        })
        .execute();
      const humans = game.players.filter((player) => player.playerId !== '');
      if (humans.length > 0) {
        await trx
          .insertInto('game_players')
          .values(humans.map((player) => ({
            game_id: game.id, seat: player.seat, player_id: player.playerId, finished_at: game.finishedAt,
          })))
          .execute();
      }
    });
  }

  async gamesOf(playerId: string, limit: number): Promise<GameSummary[]> {
    const rows = await this.db
      .selectFrom('game_players')
      .innerJoin('games', 'games.id', 'game_players.game_id')
      .select([
        'games.id', 'games.table_code', 'games.game_id', 'games.seed_hash', 'games.scores', 'games.players',
        'games.started_at', 'games.finished_at',
      ])
      .where('game_players.player_id', '=', playerId)
      .orderBy('game_players.finished_at', 'desc')
      .orderBy('games.id')
      .limit(limit)
      .execute();
    return rows.map(summaryOf);
  }

  async game(id: string): Promise<FinishedGame | null> {
    const row = await this.db.selectFrom('games').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return { ...summaryOf(row), seed: row.seed, options: parse<Json>(row.options), moves: parse<Json[]>(row.moves) };
  }

  async deleteGamesBefore(cutoff: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('game_players').where('finished_at', '<', cutoff).execute();
      const result = await trx.deleteFrom('games').where('finished_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  async close(): Promise<void> {
    await this.appends.drain();
    await this.beforeClose();
    await this.db.destroy();
  }
}

/** A primary-key clash, as SQLite (better-sqlite3) and Postgres (pg) report it. */
function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
