import { describe, expect, it } from 'vitest';
import { findGame, Rng } from '@deckhand/rules';
import type { AnyGame, EventBase } from '@deckhand/rules';
import { moveEventsBetween } from './moveEvents';
import { snapshotFromState } from './snapshot';
import type { TableSnapshot } from './snapshot';

const EMPTY = snapshotFromState({});

/** What a client holds after move `moveNumber` of a game in state `state`. */
function snapshotAt(game: AnyGame, state: unknown, moveNumber: number, lastSeat: number, seedHash = 'deal-1'): TableSnapshot {
  return {
    ...EMPTY,
    gameId: game.id,
    phase: game.outcome(state) === null ? 'playing' : 'gameOver',
    seedHash,
    handNumber: 1,
    board: game.view(state, null).public,
    moveNumber,
    lastMove: lastSeat >= 0 ? { seat: lastSeat, by: 'player' } : null,
  };
}

interface PlayedMove {
  readonly before: TableSnapshot;
  readonly after: TableSnapshot;
  readonly seat: number;
  readonly events: readonly EventBase[];
}

/** The first `count` moves of a random game, each with the snapshots around it and the events `apply` gave. */
function firstMoves(gameId: string, count: number): PlayedMove[] {
  const game = findGame(gameId)!;
  const rng = Rng.fromSeed(gameId);
  let state: unknown = game.setup({ seed: 'moves', seats: 4, options: game.defaultOptions(4) });
  let before = snapshotAt(game, state, 0, -1);
  const moves: PlayedMove[] = [];
  for (let index = 1; index <= count; index++) {
    const seat = rng.pick(game.activeSeats(state));
    const result = game.apply(state, seat, rng.pick(game.legalMoves(state, seat)));
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
    const after = snapshotAt(game, state, index, seat);
    moves.push({ before, after, seat, events: result.events });
    before = after;
  }
  return moves;
}

describe('moveEventsBetween', () => {
  it.each(['hearts', 'crazy-eights'])('reads each %s move from the snapshots around it, as the events message says it', (gameId) => {
    for (const { before, after, seat, events } of firstMoves(gameId, 40)) {
      expect(moveEventsBetween(before, after)).toEqual({
        type: 'events', moveNumber: after.moveNumber, handNumber: 1, seat, by: 'player', events,
      });
    }
  });

  it('names the timeout when the server played for the seat', () => {
    const { before, after } = firstMoves('crazy-eights', 1)[0]!;
    expect(moveEventsBetween(before, { ...after, lastMove: { seat: after.lastMove!.seat, by: 'timeout' } })?.by).toBe('timeout');
  });

  it('reads nothing across a gap, a new deal, a join or a change that was not a move', () => {
    const [first, second] = firstMoves('hearts', 2) as [PlayedMove, PlayedMove];
    // Two moves in one step: a missed patch, or a reconnect after a while.
    expect(moveEventsBetween(first.before, second.after)).toBeNull();
    // A rematch deals anew and counts moves from 0 again.
    expect(moveEventsBetween(first.before, { ...first.after, seedHash: 'deal-2' })).toBeNull();
    // The first state after joining has nothing before it.
    expect(moveEventsBetween(EMPTY, first.after)).toBeNull();
    // A seat reconnecting changes the state but not the move number.
    expect(moveEventsBetween(first.after, { ...first.after, seats: [] })).toBeNull();
  });
});
