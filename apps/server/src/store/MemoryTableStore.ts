/**
 * The table store in plain memory: for tests of the table core, and for a
 * server started without a data directory. It keeps the same promises as the
 * SQL store (checked by the same contract tests), except surviving the process.
 */
import { LogConflictError, StoreError } from './TableStore';
import type { FinishedGame, GameSummary, LoggedAction, OpenTable, OpenTableLog, TableStore } from './TableStore';

interface StoredTable {
  readonly tableId: string;
  readonly code: string;
  readonly createdAt: number;
  readonly actions: LoggedAction[];
}

/** JSON round trip: what a caller gets back never aliases what it handed in, as with a database. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class MemoryTableStore implements TableStore {
  private readonly tables = new Map<string, StoredTable>();
  private readonly games = new Map<string, FinishedGame>();

  async openTable(table: { tableId: string; code: string; createdAt: number }): Promise<void> {
    if (this.tables.has(table.tableId)) throw new StoreError(`table ${table.tableId} already exists`);
    for (const open of this.tables.values()) {
      if (open.code === table.code) throw new StoreError(`code ${table.code} belongs to an open table`);
    }
    this.tables.set(table.tableId, { ...table, actions: [] });
  }

  async append(tableId: string, entries: readonly LoggedAction[]): Promise<void> {
    const table = this.tables.get(tableId);
    if (!table) throw new StoreError(`no open table ${tableId}`);
    entries.forEach((entry, index) => {
      const taken = table.actions.some((action) => action.seq === entry.seq) || entries.slice(0, index).some((other) => other.seq === entry.seq);
      if (taken) throw new LogConflictError(`table ${tableId} already has action ${entry.seq}`);
    });
    table.actions.push(...copy(entries));
    table.actions.sort((a, b) => a.seq - b.seq);
  }

  async openTables(): Promise<OpenTableLog[]> {
    return copy([...this.tables.values()].sort((a, b) => a.createdAt - b.createdAt || a.tableId.localeCompare(b.tableId)));
  }

  async openTableList(): Promise<OpenTable[]> {
    return (await this.openTables()).map(({ tableId, code, createdAt }) => ({ tableId, code, createdAt }));
  }

  async tableLog(tableId: string): Promise<OpenTableLog | null> {
    const table = this.tables.get(tableId);
    return table ? copy(table) : null;
  }

  async closeTable(tableId: string): Promise<void> {
    this.tables.delete(tableId);
  }

  async saveGame(game: FinishedGame): Promise<void> {
    if (this.games.has(game.id)) throw new StoreError(`game ${game.id} already saved`);
    this.games.set(game.id, copy(game));
  }

  async gamesOf(playerId: string, limit: number): Promise<GameSummary[]> {
    return [...this.games.values()]
      .filter((game) => playerId !== '' && game.players.some((player) => player.playerId === playerId))
      .sort((a, b) => b.finishedAt - a.finishedAt || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(({ seed: _seed, moves: _moves, options: _options, ...summary }) => copy(summary));
  }

  async game(id: string): Promise<FinishedGame | null> {
    const game = this.games.get(id);
    return game ? copy(game) : null;
  }

  async deleteGamesBefore(cutoff: number): Promise<number> {
    let deleted = 0;
    for (const [id, game] of this.games) {
      if (game.finishedAt < cutoff) {
        this.games.delete(id);
        deleted++;
      }
    }
    return deleted;
  }

  async close(): Promise<void> {}
}
