/**
 * A table's finished games into the history: stored once, tried again while
 * the store refuses, and found again when a table is restored on a game over.
 * Nothing already played should be missing from a player's recent games.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { SeatKind } from '@deckhand/protocol';
import type { FinishedGame, TableStore } from '../store/TableStore';
import type { GameRecord } from '../table/types';

/** Tries after a refused write, 1 s apart and doubling (1 + 2 + ... + 32 s: about a minute). */
const RETRIES = 6;
const FIRST_RETRY_MS = 1_000;
/** A restored game over is looked for among each of its players' last games. */
const LOOKBACK = 20;

/** What the store says of the game a restored table shows over. */
export type RestoredGame = { readonly stored: string } | 'missing' | 'unknown';

export class TableHistory {
  private readonly waiting = new Map<string, { readonly record: FinishedGame; readonly timer: NodeJS.Timeout }>();
  /** Set by `close`: a try still in flight then schedules no other. */
  private closed = false;

  /** `onStored` hears of a game stored by a later try (its id and the seed hash that names the game). */
  constructor(
    private readonly store: TableStore,
    private readonly log: Logger,
    private readonly onStored: (id: string, seedHash: string) => void,
  ) {}

  /** Stores a game that just ended at table `code`: its id once stored, or null while later tries go on. */
  async keep(code: string, game: GameRecord): Promise<string | null> {
    const record: FinishedGame = {
      id: randomUUID(), tableCode: code, gameId: game.gameId, seed: game.seed, seedHash: game.seedHash,
      options: game.options, moves: game.moves, scores: game.scores, startedAt: game.startedAt, finishedAt: game.finishedAt,
      players: game.seats.map((seat, index) => ({
        seat: index, playerId: seat.playerId, name: seat.name, kind: seat.kind === SeatKind.Bot ? seat.botLevel : seat.kind,
      })),
    };
    if (await this.tryStore(record, 0)) return record.id;
    this.tryLater(record, 0);
    return null;
  }

  /**
   * The stored game a table restored on a game over shows: found among its
   * players' games by table code and seed hash, `missing` when the store never
   * got it (the process stopped between the last move's log write and the
   * game's), `unknown` when the history cannot be read (then nothing is stored:
   * no game twice).
   */
  async findRestored(code: string, seedHash: string, playerIds: ReadonlySet<string>): Promise<RestoredGame> {
    try {
      for (const playerId of playerIds) {
        const games = await this.store.gamesOf(playerId, LOOKBACK);
        const stored = games.find((game) => game.tableCode === code && game.seedHash === seedHash);
        if (stored) return { stored: stored.id };
      }
      return 'missing';
    } catch (error) {
      this.log.error({ err: error }, 'could not read the history to find the restored game over');
      return 'unknown';
    }
  }

  /** When the table closes: one last try for each game still waiting, then no timer is left. */
  async close(): Promise<void> {
    this.closed = true;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { record, timer } of waiting) {
      clearTimeout(timer);
      if (await this.tryStore(record, RETRIES)) this.onStored(record.id, record.seedHash);
      else this.giveUp(record);
    }
  }

  private async tryStore(record: FinishedGame, attempt: number): Promise<boolean> {
    try {
      await this.store.saveGame(record);
      return true;
    } catch (error) {
      // A write reported failed may still have landed (a connection lost after the commit): never store it twice.
      if (attempt > 0 && (await this.store.game(record.id).catch(() => null)) !== null) return true;
      this.log.error({ err: error, game: record.id, attempt }, 'could not store a finished game');
      return false;
    }
  }

  private tryLater(record: FinishedGame, attempt: number): void {
    if (attempt >= RETRIES || this.closed) {
      this.giveUp(record);
      return;
    }
    const timer = setTimeout(() => {
      this.waiting.delete(record.id);
      void this.tryStore(record, attempt + 1).then((stored) => {
        if (stored) this.onStored(record.id, record.seedHash);
        else this.tryLater(record, attempt + 1);
      });
    }, FIRST_RETRY_MS * 2 ** attempt);
    // A pending try never holds a process open: `close` makes the last one.
    timer.unref();
    this.waiting.set(record.id, { record, timer });
  }

  private giveUp(record: FinishedGame): void {
    this.log.error({ game: record.id }, 'gave up storing a finished game: it is only in the table log');
  }
}
