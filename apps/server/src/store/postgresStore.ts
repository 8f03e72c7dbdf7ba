/**
 * The table store on Postgres, for several processes (or machines) sharing
 * one log: the same `SqlTableStore` and migrations as the SQLite default,
 * through Kysely's `PostgresDialect` over a `pg` pool.
 */
import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { SqlTableStore } from './SqlTableStore';
import { StoreError, StoreUnavailableError } from './TableStore';

/** The URL without its password, for messages an operator reads. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Connects, checks the server answers, and migrates. An unreachable server is a
 * `StoreUnavailableError`, a failed migration a `StoreError`, each one line naming
 * the database (password hidden).
 */
export async function openPostgresStore(url: string, poolSize = 10): Promise<SqlTableStore> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle connection that dies (Postgres restarted) must not end the process: the pool replaces it.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreUnavailableError(`cannot reach the table database ${redactedUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await SqlTableStore.open(new PostgresDialect({ pool }));
  } catch (error) {
    throw error instanceof StoreError ? new StoreError(`${redactedUrl(url)}: ${error.message}`) : error;
  }
}
