/**
 * The turn deadline on the wire. A move whose deadline every client can tell
 * does not carry it (about 12 bytes to every client): a fresh turn timer
 * starts when the move reaches the client, and a kept one stays as the
 * client showed it (`deadlineOf` and `keepsDeadline` in @deckhand/protocol).
 * The state's `deadline` is written, with the move it belongs to
 * (`deadlineMove`), whenever a client would get it wrong: a wait of another
 * length, a clock restarted where the client's rule says kept (or kept where
 * it says fresh), a change between two moves, and before a client joins.
 */
import { TablePhase, keepsDeadline, timedSeats } from '@deckhand/protocol';
import type { Seat } from '@deckhand/rules';
import type { Table } from '../table/Table';
import type { TableState } from '@deckhand/table-schema';

/** What clients were last shown: the core's deadline, at which move and clock start, and the seats it counted for. */
interface Shown {
  readonly deadline: number;
  readonly move: number;
  readonly starts: number;
  /** As clients compute them from the board and the seats; null when the board does not show whose turn it is. */
  readonly timed: readonly Seat[] | null;
}

export class DeadlineMirror {
  /** The core's true deadline as of the last sync; the state may hold an older one. */
  private published: Shown | null = null;

  constructor(private readonly state: TableState) {}

  /** After each core call: writes the model's deadline unless every client computes it from the move. */
  sync(table: Table): void {
    const { deadline, moveNumber, clockStarts } = table.model;
    const last = this.published;
    const shown: Shown = { deadline, move: moveNumber, starts: clockStarts, timed: this.timed(table) };
    this.published = shown;
    if (last !== null && last.deadline === deadline && last.move === moveNumber && last.starts === clockStarts) return;
    // Only the first deadline of a move can be the one clients compute at the move.
    const firstAtThisMove = last !== null && last.move !== moveNumber;
    if (firstAtThisMove && moveNumber > 0 && this.computable(table, last, shown)) return;
    this.write(deadline);
  }

  /**
   * Before a client joins or reconnects: a client that did not see the move
   * that started (or kept) the timer needs the deadline written out.
   */
  reveal(): void {
    const last = this.published;
    if (last === null || last.deadline === 0 || this.state.deadlineMove === this.state.moveNumber) return;
    this.write(last.deadline);
  }

  /** The seats the turn timer runs for as clients read them, or null when the board does not show whose turn it is. */
  private timed(table: Table): readonly Seat[] | null {
    const model = table.model;
    if (model.phase !== TablePhase.Playing || table.gameState === null) return [];
    const active = table.game.activeSeats(table.gameState);
    // Clients read whose turn it is from the board's `active`: a game whose board does not show it gets the deadline written.
    const shown = table.publicView()?.['active'];
    if (!Array.isArray(shown) || shown.length !== active.length || active.some((seat, index) => shown[index] !== seat)) return null;
    return timedSeats(model.seats, active, model.turnSeconds);
  }

  /**
   * Whether every client that saw the move before this one computes the
   * model's deadline itself, by the same rules as `deadlineOf`: kept when
   * `keepsDeadline` says so, else fresh from the move.
   */
  private computable(table: Table, before: Shown, now: Shown): boolean {
    const model = table.model;
    if (now.timed === null || before.timed === null || before.move !== now.move - 1) return false;
    if (keepsDeadline({ deadline: before.deadline, timed: before.timed }, now.timed)) {
      // The client keeps what it showed: right when the core kept its clock across the move.
      return now.starts === before.starts && now.deadline === before.deadline;
    }
    if (now.timed.length === 0) return model.deadline === 0;
    // A fresh clock started at this move runs exactly the turn timer.
    return now.starts !== before.starts && model.deadlineWait === model.turnSeconds * 1000;
  }

  private write(deadline: number): void {
    const state = this.state;
    if (state.deadline !== deadline) state.deadline = deadline;
    if (state.deadlineMove !== state.moveNumber) state.deadlineMove = state.moveNumber;
  }
}
