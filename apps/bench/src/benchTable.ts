/**
 * A table the bench drives move by move, whichever server it runs on: four
 * colyseus.js clients at a Deckhand table (`DeckhandTable`) or at the floor
 * server's bare one (`FloorTable`, which ignores the game and the seed).
 */
import { DeckhandTable } from './deckhand/DeckhandTable';
import type { DeckhandTableConfig, MoveResult } from './deckhand/DeckhandTable';
import { FloorTable } from './floor/FloorTable';

/** Which server's tables: Deckhand's, or the floor's (`src/floor`). */
export type TableKind = 'deckhand' | 'floor';

export interface BenchTable {
  /** True once the game is over (a floor deal never ends). */
  readonly over?: boolean;
  playMove(): Promise<MoveResult>;
  rematch(): Promise<void>;
  leave(): Promise<void>;
}

export async function openBenchTable(kind: TableKind, config: DeckhandTableConfig): Promise<BenchTable> {
  return kind === 'floor' ? FloorTable.open(config.baseUrl) : DeckhandTable.open(config);
}
