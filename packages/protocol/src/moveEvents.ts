/**
 * A move's events as a client reads them from two snapshots in a row. The
 * server sends one patch per accepted move and the state names the move's
 * number and its seat, so the board before and after a move is all a client
 * needs for its log: the per-move `events` message is only sent to clients
 * that ask for it.
 */
import { findGame } from '@deckhand/rules';
import type { GameEventsMessage } from './messages';
import { TablePhase } from './snapshot';
import type { TableSnapshot } from './snapshot';

/**
 * The events of the move that turned `previous` into `next`, in the shape of
 * the server's `events` message; null when `next` is not exactly one move
 * after `previous` in the same deal (the first state after a join or a
 * reconnect, a missed patch, a new deal, a change that was not a move).
 */
export function moveEventsBetween(previous: TableSnapshot, next: TableSnapshot): GameEventsMessage | null {
  const move = next.lastMove;
  if (move === null || next.moveNumber !== previous.moveNumber + 1) return null;
  if (previous.phase !== TablePhase.Playing || previous.seedHash === '' || previous.seedHash !== next.seedHash) return null;
  if (previous.gameId !== next.gameId) return null;
  const game = findGame(next.gameId);
  if (!game) return null;
  return {
    type: 'events',
    moveNumber: next.moveNumber,
    handNumber: previous.handNumber,
    seat: move.seat,
    by: move.by,
    events: game.eventsBetween(previous.board, next.board, move.seat),
  };
}
