/**
 * The store a server's configuration asks for: a SQLite file in `DATA_DIR`,
 * written on a thread of its own (see threadedSqliteStore.ts), or memory when
 * it is empty.
 */
import type { ServerConfig } from '../config';
import { MemoryTableStore } from './MemoryTableStore';
import { ThreadedSqliteStore } from './threadedSqliteStore';
import type { TableStore } from './TableStore';

export async function openTableStore(config: Pick<ServerConfig, 'dataDir'>): Promise<TableStore> {
  return config.dataDir === '' ? new MemoryTableStore() : ThreadedSqliteStore.open(config.dataDir);
}
