/**
 * Playing whole games with bots, checking the rules' own invariants as it goes,
 * and replaying a recorded game. Pure: the caller measures time.
 */
import type { AnyGame, Bot, MoveBase, Outcome, RuleError, Seat } from './game';
import { CommonError } from './game';
import { Rng } from './rng';

/** One accepted move, as recorded for a replay. */
export interface RecordedMove {
  readonly seat: Seat;
  readonly move: MoveBase;
}

/** Everything needed to rebuild a game exactly. */
export interface GameRecord {
  readonly game: string;
  readonly seed: string;
  readonly options: unknown;
  readonly seats: number;
  readonly moves: readonly RecordedMove[];
}

export interface PlayConfig {
  readonly seed: string;
  readonly options?: unknown;
  /** One bot per seat; the number of bots is the number of seats. */
  readonly bots: readonly Bot<unknown, MoveBase>[];
  /** Audit every move (invariants, turn order, views); slower. */
  readonly check?: boolean;
  /** Keep the list of moves (for a replay). */
  readonly record?: boolean;
  /** A safety stop for a game that never ends (a bug): at most this many moves. */
  readonly maxMoves?: number;
}

export interface PlayedGame {
  readonly outcome: Outcome;
  readonly finalState: unknown;
  readonly moveCount: number;
  readonly moves: readonly RecordedMove[];
  /** Human-readable descriptions of every audit failure; empty for a sound game. */
  readonly violations: readonly string[];
}

/** Plays one game to the end with the given bots. Throws only on a bug (a bot's move refused, no end). */
export function playGame(game: AnyGame, config: PlayConfig): PlayedGame {
  const seats = config.bots.length;
  const parsed = game.parseOptions(config.options, seats);
  if (!parsed.ok) throw new Error(parsed.error.message);
  let state: unknown = game.setup({ seed: config.seed, seats, options: parsed.value });
  const botRng = Rng.fromSeed(`${config.seed}/bots`);
  const moves: RecordedMove[] = [];
  const violations: string[] = [];
  const maxMoves = config.maxMoves ?? 100_000;
  let moveCount = 0;

  if (config.check) violations.push(...auditState(game, state, seats, 0));
  for (;;) {
    const active = game.activeSeats(state);
    if (active.length === 0) break;
    // Simultaneous phases (passing, continue): the lowest active seat acts first.
    const seat = active[0]!;
    const view = game.view(state, seat);
    const legal = game.legalMoves(state, seat);
    if (legal.length === 0) throw new Error(`${game.id}: seat ${seat} is active but has no legal move`);
    const move = config.bots[seat]!.choose(view, legal, botRng);
    const result = game.apply(state, seat, move);
    if (!result.ok) {
      throw new Error(`${game.id}: bot ${config.bots[seat]!.id} played a refused move ${JSON.stringify(move)}: ${result.error.code}`);
    }
    if (config.check) violations.push(...auditTurnOrder(game, state, active, move, moveCount));
    state = result.state;
    moveCount++;
    if (config.record) moves.push({ seat, move });
    if (config.check) violations.push(...auditState(game, state, seats, moveCount));
    if (moveCount > maxMoves) throw new Error(`${game.id}: no end after ${maxMoves} moves (seed ${config.seed})`);
  }
  const outcome = game.outcome(state);
  if (!outcome) throw new Error(`${game.id}: no active seat but no outcome (seed ${config.seed})`);
  return { outcome, finalState: state, moveCount, moves, violations };
}

/** Checks the state's invariants and that no view holds a card its seat may not know. */
export function auditState(game: AnyGame, state: unknown, seats: number, moveIndex: number): string[] {
  const found = game.audit.invariants(state).map((text: string) => `after move ${moveIndex}: ${text}`);
  for (let seat: Seat | null = null; seat === null || seat < seats; seat = seat === null ? 0 : seat + 1) {
    const known = game.audit.knownCards(state, seat);
    const leaked = game.audit.cardsInView(game.view(state, seat)).filter((card: number) => !known.has(card));
    if (leaked.length > 0) {
      found.push(`after move ${moveIndex}: ${seat === null ? 'spectator' : `seat ${seat}`} view reveals cards ${leaked.join(',')}`);
    }
  }
  return found;
}

/** Checks that seats that must not act are refused and offered no moves. */
function auditTurnOrder(game: AnyGame, state: unknown, active: readonly Seat[], move: MoveBase, moveIndex: number): string[] {
  const found: string[] = [];
  const seats = game.scores(state).length;
  for (let seat = 0; seat < seats; seat++) {
    if (active.includes(seat)) continue;
    if (game.legalMoves(state, seat).length > 0) found.push(`move ${moveIndex}: inactive seat ${seat} was offered moves`);
    const attempt = game.apply(state, seat, move);
    if (attempt.ok || attempt.error.code !== CommonError.NotYourTurn) {
      found.push(`move ${moveIndex}: inactive seat ${seat} was not refused with ${CommonError.NotYourTurn}`);
    }
  }
  return found;
}

export type ReplayResult =
  | { ok: true; state: unknown }
  | { ok: false; error: RuleError & { moveIndex: number } };

/** Rebuilds the exact state of a recorded game. A refused move is reported with its index. */
export function replayGame(game: AnyGame, record: GameRecord): ReplayResult {
  if (record.game !== game.id) {
    return { ok: false, error: { code: 'WRONG_GAME', message: `Record is for ${record.game}, not ${game.id}.`, moveIndex: -1 } };
  }
  const parsed = game.parseOptions(record.options, record.seats);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, moveIndex: -1 } };
  let state: unknown = game.setup({ seed: record.seed, seats: record.seats, options: parsed.value });
  for (let i = 0; i < record.moves.length; i++) {
    const { seat, move } = record.moves[i]!;
    const result = game.apply(state, seat, move);
    if (!result.ok) return { ok: false, error: { ...result.error, moveIndex: i } };
    state = result.state;
  }
  return { ok: true, state };
}
