/**
 * The store a server's configuration asks for: Postgres at `DATABASE_URL`,
 * else a SQLite file in `DATA_DIR`, or memory when that is empty.
 */
import type { ServerConfig } from '../config';
import { MemoryTableStore } from './MemoryTableStore';
import { openPostgresStore } from './postgresStore';
import { openSqliteStore } from './sqliteStore';
import type { TableStore } from './TableStore';

export async function openTableStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<TableStore> {
  if (config.databaseUrl !== '') return openPostgresStore(config.databaseUrl);
  return config.dataDir === '' ? new MemoryTableStore() : openSqliteStore(config.dataDir);
}
