/**
 * A finished game rebuilt in the browser with @deckhand/rules: the deal, then
 * the state after every move, so the viewer can step, scrub and show every
 * hand. Nothing is taken on trust from the server but the record itself; a
 * move the rules refuse ends the replay there and says which and why.
 */
import { findGame, type AnyGame, type EventBase, type GameView, type MoveBase, type WireRecord } from '@deckhand/rules';
import type { FinishedGame } from '@deckhand/protocol';

export interface ReplayStep {
  /** The full rules state: every hand. Step 0 is the deal. */
  readonly state: unknown;
  /** The seat that made the move leading here (null for the deal). */
  readonly seat: number | null;
  readonly move: MoveBase | null;
  /** What the move did, as the rules said when it was applied. */
  readonly events: readonly EventBase[];
}

/** A hand that ended: the step of its summary and the scores then. */
export interface HandEnd {
  readonly handNumber: number;
  readonly step: number;
  /** Points of this hand by seat (the change of the game's scores). */
  readonly points: readonly number[];
  readonly totals: readonly number[];
}

export type Replay =
  | {
      readonly ok: true;
      readonly game: AnyGame;
      readonly steps: readonly ReplayStep[];
      readonly hands: readonly HandEnd[];
      /** Where the rules refused a move (the steps stop before it), or null when every move replayed. */
      readonly refused: { readonly moveIndex: number; readonly message: string } | null;
    }
  | { readonly ok: false; readonly message: string };

const publicOf = (game: AnyGame, state: unknown) => game.view(state, null).public as WireRecord;

function handEnd(board: WireRecord, step: number, totals: readonly number[], before: readonly number[], ended: number): HandEnd {
  const handNumber = board['handNumber'];
  return {
    handNumber: typeof handNumber === 'number' ? handNumber : ended + 1, step, totals,
    points: totals.map((total, i) => total - (before[i] ?? 0)),
  };
}

/** Every step of the game: setup from the revealed seed, then each recorded move in order. */
export function buildReplay(record: FinishedGame): Replay {
  const game = findGame(record.gameId);
  if (!game) return { ok: false, message: `This page does not know the game “${record.gameId}”.` };
  const seats = record.players.length;
  if (seats < game.minSeats || seats > game.maxSeats) {
    return { ok: false, message: `${game.name} is not played by ${seats} players.` };
  }
  const options = game.parseOptions(record.options, seats);
  if (!options.ok) return { ok: false, message: `The game's options do not fit ${game.name}: ${options.error.problems.join('; ')}.` };
  let state = game.setup({ seed: record.seed, seats, options: options.value });
  const steps: ReplayStep[] = [{ state, seat: null, move: null, events: [] }];
  const hands: HandEnd[] = [];
  let previousTotals: readonly number[] = game.scores(state);
  let previousPhase = publicOf(game, state)['phase'];
  let refused: { moveIndex: number; message: string } | null = null;
  for (const [index, { seat, move }] of record.moves.entries()) {
    const result = game.apply(state, seat, move);
    if (!result.ok) {
      refused = { moveIndex: index, message: result.error.message };
      break;
    }
    state = result.state;
    steps.push({ state, seat, move, events: result.events });
    const board = publicOf(game, state);
    if (board['phase'] === 'handOver' && previousPhase !== 'handOver') {
      const totals = game.scores(state);
      hands.push(handEnd(board, steps.length - 1, totals, previousTotals, hands.length));
      previousTotals = totals;
    }
    previousPhase = board['phase'];
  }
  // A game whose last hand goes straight to game over (no summary to continue from) still lists that hand.
  const totals = game.scores(state);
  if (refused === null && game.outcome(state) !== null && totals.some((total, i) => total !== previousTotals[i])) {
    hands.push(handEnd(publicOf(game, state), steps.length - 1, totals, previousTotals, hands.length));
  }
  return { ok: true, game, steps, hands, refused };
}

/** What the viewer draws at one step: the public board and every seat's own view (its hand). */
export function viewsAt(game: AnyGame, step: ReplayStep, seats: number): {
  readonly board: WireRecord;
  readonly seatViews: readonly GameView<WireRecord, WireRecord>[];
} {
  return {
    board: publicOf(game, step.state),
    seatViews: Array.from({ length: seats }, (_, seat) => game.view(step.state, seat) as GameView<WireRecord, WireRecord>),
  };
}

/** A step number kept inside the replay (0 is the deal, the last is the final move). */
export function clampStep(step: number, steps: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(Math.max(0, Math.trunc(step)), Math.max(0, steps - 1));
}
