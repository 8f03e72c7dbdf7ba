/**
 * The turn deadline on the wire. A move that starts a fresh turn timer does
 * not carry its deadline (about 10 bytes to every client): each client starts
 * the countdown when the move reaches it (`deadlineOf` in @deckhand/protocol).
 * The state's `deadline` is written, with the move it belongs to
 * (`deadlineMove`), whenever a client could not compute it: a deadline kept
 * across moves, a wait of another length, and before a client joins.
 */
import type { Seat } from '@deckhand/rules';
import { turnTimerRuns } from '@deckhand/protocol';
import type { TableState } from './TableState';

/** The true deadline of each table and the move it was published at; the state may hold an older one. */
const published = new WeakMap<TableState, { deadline: number; move: number }>();

/**
 * Sets the table's deadline (epoch ms, 0 for none). With `fresh` (the wait
 * just computed for the seats that must act), a clients-computable deadline
 * is left out of the state.
 */
export function publishDeadline(state: TableState, deadline: number, fresh?: { readonly waitMs: number; readonly active: readonly Seat[] }): void {
  const last = published.get(state);
  const firstAtThisMove = last === undefined || last.move !== state.moveNumber;
  published.set(state, { deadline, move: state.moveNumber });
  if (fresh && firstAtThisMove && state.moveNumber > 0) {
    const runs = turnTimerRuns(state.seats, fresh.active, state.turnSeconds);
    const computable = deadline === 0 ? !runs : runs && fresh.waitMs === state.turnSeconds * 1000;
    if (computable) return;
  }
  if (state.deadline !== deadline) state.deadline = deadline;
  if (state.deadlineMove !== state.moveNumber) state.deadlineMove = state.moveNumber;
}

/** The table's true deadline (the state's `deadline` may be an older move's). */
export function currentDeadline(state: TableState): number {
  return published.get(state)?.deadline ?? state.deadline;
}

/**
 * Before a client joins or reconnects: a client that did not see the move
 * that started the timer needs the deadline written out.
 */
export function revealDeadline(state: TableState): void {
  const last = published.get(state);
  if (!last || last.deadline === 0 || state.deadlineMove === state.moveNumber) return;
  state.deadline = last.deadline;
  state.deadlineMove = state.moveNumber;
}
