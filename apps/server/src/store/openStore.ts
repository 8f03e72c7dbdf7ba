/** The store a server's configuration asks for: a SQLite file in `DATA_DIR`, or memory when it is empty. */
import type { ServerConfig } from '../config';
import { MemoryTableStore } from './MemoryTableStore';
import { openSqliteStore } from './sqliteStore';
import type { TableStore } from './TableStore';

export async function openTableStore(config: Pick<ServerConfig, 'dataDir'>): Promise<TableStore> {
  return config.dataDir === '' ? new MemoryTableStore() : openSqliteStore(config.dataDir);
}
