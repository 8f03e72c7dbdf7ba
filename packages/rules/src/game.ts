/**
 * The contract every game implements. A game is a value, not a class: pure
 * functions over plain, JSON-serialisable data. Nothing here mutates its
 * arguments, reads a clock or draws randomness from outside the state, so the
 * same seed and moves give the same game on the server, in a bot, in a replay
 * and in a test.
 */
import type { Card } from './cards';
import type { Rng, RngState } from './rng';
import type { PublicWire } from './wire';

/** A seat index, 0-based, clockwise. */
export type Seat = number;

/** A rule violation or bad input: a stable code for programs and a sentence for people. */
export interface RuleError<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
}

/** Error codes every game uses; games add their own (`MUST_FOLLOW_SUIT`, ...). */
export const CommonError = {
  /** The move is not an object of a shape this game knows. */
  InvalidMove: 'INVALID_MOVE',
  /** The seat is not one of the seats that must act now. */
  NotYourTurn: 'NOT_YOUR_TURN',
  /** The move exists in this game, but not in the current phase. */
  WrongPhase: 'WRONG_PHASE',
  /** The card named is not in the acting seat's hand. */
  CardNotInHand: 'CARD_NOT_IN_HAND',
  /** The game is over; nothing more can be played. */
  GameOver: 'GAME_OVER',
} as const;
export type CommonError = (typeof CommonError)[keyof typeof CommonError];

export type Result<T, E = RuleError> = { ok: true; value: T } | { ok: false; error: E };

/** What `apply` returns: never an exception for a bad move. */
export type ApplyResult<State, Event> =
  | { ok: true; state: State; events: Event[] }
  | { ok: false; error: RuleError };

/** Every move is a plain object tagged by `type`. */
export interface MoveBase {
  readonly type: string;
}

/**
 * Something that happened, for logs and animations. Events are public: they
 * never carry a card that not every seat may see (a drawn card, a passed card).
 */
export interface EventBase {
  readonly type: string;
}

/**
 * A value the server can mirror field by field into a schema: views are flat
 * records of these, so each field becomes one schema field and a move patches
 * only what changed.
 */
export type WireValue = number | string | boolean | readonly number[] | readonly boolean[];
export type WireRecord = { readonly [key: string]: WireValue };

/**
 * What one seat (or a spectator, `seat: null`) may know. `public` is the same
 * for everyone at the table and becomes the synchronized board; `private` is
 * only this seat's (its hand, the cards it passed) and reaches only its owner.
 */
export interface GameView<Public extends WireRecord, Private extends WireRecord> {
  readonly seat: Seat | null;
  readonly public: Public;
  readonly private: Private | null;
}

/** Final result of a finished game. */
export interface Outcome {
  /** Game scores by seat (the game's own meaning: in Hearts lower is better). */
  readonly scores: readonly number[];
  /** Seats that share the win (ties share it). */
  readonly winners: readonly Seat[];
  /** Seats from best to worst; tied seats keep seat order. */
  readonly ranking: readonly Seat[];
}

export type OptionValue = string | number | boolean;

/** An option shown to the host as a choice between listed values. */
export interface OptionSpec {
  readonly key: string;
  readonly label: string;
  /** One line for the host: what the option changes. */
  readonly description: string;
  readonly choices: readonly { readonly value: OptionValue; readonly label: string }[];
}

export interface OptionsError extends RuleError<'INVALID_OPTIONS'> {
  /** One line per problem, e.g. `target must be one of 50, 100, 150 (got 70)`. */
  readonly problems: readonly string[];
}

export interface SetupConfig<Options> {
  /** Any string; the same seed deals the same cards. */
  readonly seed: string;
  /** Number of seats, within the game's min/max. */
  readonly seats: number;
  readonly options: Options;
}

/**
 * Reads a game's own, trusted fields for the rules audit run by the simulator
 * and the property tests. It is a second, independent statement of who may know
 * what, so a view that leaks a card is caught.
 */
export interface GameAudit<State, View> {
  /** Broken invariants (a card in two places, scores that do not add up); empty when sound. */
  invariants(state: State): string[];
  /** Every card code that appears anywhere in a view. */
  cardsInView(view: View): Card[];
  /** The cards `seat` (null: a spectator) may know the location of right now. */
  knownCards(state: State, seat: Seat | null): ReadonlySet<Card>;
}

/** A bot chooses from the legal moves using only its seat's view, so it cannot cheat. */
export interface Bot<View, Move> {
  readonly id: string;
  readonly name: string;
  choose(view: View, legalMoves: readonly Move[], rng: Rng): Move;
}

export interface GameDefinition<
  State,
  Move extends MoveBase,
  View extends GameView<WireRecord, WireRecord>,
  Options,
  Event extends EventBase = EventBase,
> {
  /** Stable id used in URLs, the protocol and the simulator (`hearts`). */
  readonly id: string;
  /** Display name (`Hearts`). */
  readonly name: string;
  /** One line for the game picker. */
  readonly description: string;
  readonly minSeats: number;
  readonly maxSeats: number;
  /**
   * Fixed partnerships at a table of `seats`: lists of seats that play as one
   * side, share one score and win or lose together (Spades: `[[0, 2], [1, 3]]`,
   * partners across the table). Absent in a game where everyone plays for
   * themselves. Scores and outcomes stay per seat, each seat carrying its
   * side's score, so code that knows nothing of sides still reads them right;
   * tables use this to show sides, and the lobby to seat partners.
   */
  readonly teams?: (seats: number) => readonly (readonly Seat[])[];
  readonly options: readonly OptionSpec[];

  /** Options with every default filled in, for a table of `seats` seats. */
  defaultOptions(seats: number): Options;
  /**
   * Validates options from outside (a host, a CLI). Missing keys take their
   * defaults; unknown keys and bad values are listed in the error.
   */
  parseOptions(input: unknown, seats: number): Result<Options, OptionsError>;

  /** Deals the first hand. Deterministic from `config.seed`. */
  setup(config: SetupConfig<Options>): State;
  /** Seats that must act now; several at once when they act simultaneously (passing, continue). */
  activeSeats(state: State): readonly Seat[];
  /** Every legal move of `seat` now; empty when the seat need not act. */
  legalMoves(state: State, seat: Seat): Move[];
  /** Applies a move. A bad or malformed move gives `{ ok: false }`, never an exception. */
  apply(state: State, seat: Seat, move: Move): ApplyResult<State, Event>;
  /**
   * Exactly what `seat` may know; `null` is a spectator, who sees public
   * information only. `public.active` (a list of seats) is always
   * `activeSeats(state)`: tables read whose turn it is from the board.
   */
  view(state: State, seat: Seat | null): View;
  /**
   * `view(state, seat).private` without building the public part: a server
   * mirrors the public view once per move and each seat's private part
   * beside it. Null for a spectator, like the view's.
   */
  privateView(state: State, seat: Seat | null): View['private'];
  /** Legal moves computed from a seat's view alone (the client uses this to dim cards). */
  legalMovesInView(view: View): Move[];
  /** Why a move would be refused, from the seat's view alone; null when it is legal. */
  moveErrorInView(view: View, move: Move): RuleError | null;
  /**
   * The events of `seat`'s move, read back from the public views just before
   * and just after it: exactly the events `apply` returned. Every event is
   * public, so the synchronized board already says all of it; clients build
   * their log this way and no event list needs to cross the wire.
   */
  eventsBetween(before: View['public'], after: View['public'], seat: Seat): Event[];
  /**
   * True while `view`'s seat holds cards it may not look at yet (Spades before
   * a blind nil is decided, [S-06]): its private `hand` is then empty while the
   * board's `handCounts` still counts them. Absent: a seat always sees its
   * hand. Clients tell a hand legitimately face down from one decoded wrong by it.
   */
  readonly handFaceDown?: (view: View) => boolean;
  /** Null while the game runs. */
  outcome(state: State): Outcome | null;
  /** Current game scores by seat. */
  scores(state: State): readonly number[];
  /**
   * A full state consistent with everything `view` reveals to `seat` (own
   * hand, played cards, shown voids, passed cards), with the unknown cards
   * dealt at random. Search bots sample these.
   */
  determinize(view: View, seat: Seat, rng: Rng): State;
  /** The seed's generator lives in the state; exposed for audits and replays. */
  rngState(state: State): RngState;

  readonly bots: Readonly<Record<string, Bot<View, Move>>>;
  readonly audit: GameAudit<State, View>;
  /**
   * Public fields a client computes from the others with these rules, so the
   * server need not send them (`packPublic` / `unpackPublic`). Optional: a game
   * without it sends its whole public view.
   */
  readonly publicWire?: PublicWire;
  /**
   * List fields of the views (public or private) that a move grows, shrinks
   * or changes by an entry or two: a hand, the cards on the table. A server
   * keeps these as lists on the wire, so such a move patches one entry. Every
   * other list (scores, last hand's points, the cards passed) changes a few
   * times a hand and travels as one string (`packList`): a few bytes more when
   * it changes, and a list fewer for the server and every client to hold,
   * about 50 heap objects each. A list left out here still arrives whole and
   * right; it only costs bytes.
   */
  readonly liveLists?: readonly string[];
}

/**
 * A game of unknown type, as stored in the registry. Callers that hold one
 * treat states, moves and views as opaque values of that game.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGame = GameDefinition<any, any, any, any, any>;
