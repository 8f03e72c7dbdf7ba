/**
 * The store a server's configuration asks for: Postgres at `DATABASE_URL`,
 * else a SQLite file in `DATA_DIR`, written on a thread of its own (see
 * threadedSqliteStore.ts), or memory when that is empty.
 */
import type { ServerConfig } from '../config';
import { MemoryTableStore } from './MemoryTableStore';
import { openPostgresStore } from './postgresStore';
import { ThreadedSqliteStore } from './threadedSqliteStore';
import type { TableStore } from './TableStore';

export async function openTableStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<TableStore> {
  if (config.databaseUrl !== '') return openPostgresStore(config.databaseUrl);
  return config.dataDir === '' ? new MemoryTableStore() : ThreadedSqliteStore.open(config.dataDir);
}
