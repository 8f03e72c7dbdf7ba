/**
 * The turn deadline on the wire. A move that starts a fresh turn timer does
 * not carry its deadline (about 10 bytes to every client): each client starts
 * the countdown when the move reaches it (`deadlineOf` in @deckhand/protocol).
 * The state's `deadline` is written, with the move it belongs to
 * (`deadlineMove`), whenever a client could not compute it: a deadline kept
 * across moves, a wait of another length, and before a client joins.
 */
import { TablePhase, turnTimerRuns } from '@deckhand/protocol';
import type { Table } from '../table/Table';
import type { TableState } from '../TableState';

export class DeadlineMirror {
  /** The core's true deadline and the move it was last seen at; the state may hold an older one. */
  private published: { deadline: number; move: number; starts: number } | null = null;

  constructor(private readonly state: TableState) {}

  /** After each core call: writes the model's deadline unless every client computes it from the move. */
  sync(table: Table): void {
    const { deadline, moveNumber, clockStarts } = table.model;
    const last = this.published;
    if (last !== null && last.deadline === deadline && last.move === moveNumber && last.starts === clockStarts) return;
    this.published = { deadline, move: moveNumber, starts: clockStarts };
    // Only the first deadline of a move can be the one clients start counting at the move.
    const firstAtThisMove = last !== null && last.move !== moveNumber;
    if (firstAtThisMove && moveNumber > 0 && this.computable(table, clockStarts !== last.starts)) return;
    this.write(deadline);
  }

  /**
   * Before a client joins or reconnects: a client that did not see the move
   * that started the timer needs the deadline written out.
   */
  reveal(): void {
    const last = this.published;
    if (last === null || last.deadline === 0 || this.state.deadlineMove === this.state.moveNumber) return;
    this.write(last.deadline);
  }

  /** Whether every client that saw this move computes the model's deadline itself. */
  private computable(table: Table, started: boolean): boolean {
    const model = table.model;
    if (model.phase !== TablePhase.Playing || table.gameState === null) return false;
    const active = table.game.activeSeats(table.gameState);
    // Clients read whose turn it is from the board's `active`: a game whose board does not show it gets the deadline written.
    const shown = table.game.view(table.gameState, null).public['active'];
    if (!Array.isArray(shown) || shown.length !== active.length || active.some((seat, index) => shown[index] !== seat)) return false;
    const runs = turnTimerRuns(model.seats, active, model.turnSeconds);
    if (model.deadline === 0) return !runs;
    // A clock not started at this move kept its deadline across it; a fresh one runs exactly the turn timer.
    return runs && started && model.deadlineWait === model.turnSeconds * 1000;
  }

  private write(deadline: number): void {
    const state = this.state;
    if (state.deadline !== deadline) state.deadline = deadline;
    if (state.deadlineMove !== state.moveNumber) state.deadlineMove = state.moveNumber;
  }
}
