/**
 * The database's shape, versioned. Kysely's Migrator runs the ones a database
 * has not seen yet, in name order, and records them in `kysely_migration`.
 * Never edit a migration that shipped: add the next one.
 *
 * Portable SQL only (SQLite and Postgres): text ids, bigint times in ms,
 * JSON kept as text.
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Migration } from 'kysely';

/** Postgres hands bigint back as a string; SQLite as a number. Rows are read through `Number()`. */
type Millis = ColumnType<number | string, number, number>;

export interface StoreDatabase {
  tables: { id: string; code: string; created_at: Millis };
  table_log: { table_id: string; seq: number; at: Millis; action: string };
  games: {
    id: string;
    table_code: string;
    game_id: string;
    seed: string;
    seed_hash: string;
    options: string;
    moves: string;
    scores: string;
    players: string;
    started_at: Millis;
    finished_at: Millis;
  };
  game_players: { game_id: string; seat: number; player_id: string; finished_at: Millis };
}

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tables')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('code', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
    // One open table per code; a closed table's row is gone, so the code is free again.
    await db.schema.createIndex('tables_code').unique().on('tables').column('code').execute();
    await db.schema
      .createTable('table_log')
      .addColumn('table_id', 'text', (column) => column.notNull())
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('at', 'bigint', (column) => column.notNull())
      .addColumn('action', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('table_log_pk', ['table_id', 'seq'])
      .execute();
    await db.schema
      .createTable('games')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('table_code', 'text', (column) => column.notNull())
      .addColumn('game_id', 'text', (column) => column.notNull())
      .addColumn('seed', 'text', (column) => column.notNull())
      .addColumn('seed_hash', 'text', (column) => column.notNull())
      .addColumn('options', 'text', (column) => column.notNull())
      .addColumn('moves', 'text', (column) => column.notNull())
      .addColumn('scores', 'text', (column) => column.notNull())
      .addColumn('players', 'text', (column) => column.notNull())
      .addColumn('started_at', 'bigint', (column) => column.notNull())
      .addColumn('finished_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('games_finished_at').on('games').column('finished_at').execute();
    // Who played what, so a player's recent games are one index range.
    await db.schema
      .createTable('game_players')
      .addColumn('game_id', 'text', (column) => column.notNull())
      .addColumn('seat', 'integer', (column) => column.notNull())
      .addColumn('player_id', 'text', (column) => column.notNull())
      .addColumn('finished_at', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('game_players_pk', ['game_id', 'seat'])
      .execute();
    await db.schema
      .createIndex('game_players_player')
      .on('game_players')
      .columns(['player_id', 'finished_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['game_players', 'games', 'table_log', 'tables']) await db.schema.dropTable(table).execute();
  },
};

/** Every migration by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
};
