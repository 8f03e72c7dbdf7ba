/**
 * The table core's vocabulary: what it is given (clock, bots, randomness),
 * what it keeps (the model a room mirrors into schema), what it logs (one
 * `TableAction` per accepted change, enough to rebuild the table) and what it
 * hands back after each call (`TableOutput`).
 */
import type { Logger } from 'pino';
import type { AnyGame, EventBase, MoveBase, OptionValue, Seat } from '@deckhand/rules';
import type {
  BotLevel, ChatLine, CloseCode, GameEventsMessage, ProtocolError, SeatKind, ServerMessage, TablePhase, Visibility,
} from '@deckhand/protocol';
import type { BotThinking } from '../BotPool';
import type { ServerConfig } from '../config';
import type { LoggedState } from './LoggedState';
import type { TableDoor } from './TableDoor';

/** A pending timer; `clear` is safe to call twice. */
export interface Timer {
  clear(): void;
}

/**
 * One timer started again and again (the turn clock): `start` (re)arms it
 * for `ms` from now, `clear` stops it; `running` until it fires or is cleared.
 */
export interface RestartableTimer extends Timer {
  start(ms: number): void;
  readonly running: boolean;
}

/** Time as the table sees it: real in the server, driven by hand in tests. */
export interface TableClock {
  now(): number;
  /** Runs `action` after `ms` (0: after pending I/O). The room runs it in its queue, then sends what changed. */
  later(ms: number, action: () => void): Timer;
  /**
   * A timer for `action` to start at every move. The room's keeps one
   * Node timeout per table and re-arms it; without it the table builds one
   * on `later` (`restartableFrom`), as test clocks do.
   */
  restartable?(action: () => void): RestartableTimer;
}

/** The randomness a table draws on; never the game's own generator. */
export interface TableRandom {
  /** A fresh secret seed for a deal. */
  seed(): string;
  /** A bot's thinking delay in [min, max] ms. */
  delay(min: number, max: number): number;
  /** Seed of the bots' generator (their choices and search seeds). */
  botSeed(): string;
}

/**
 * Watches games from inside the server, for tests and tools (the benchmark,
 * replays). Receives full rules states: never wire it to anything a client reads.
 */
export interface TableObserver {
  /** A game was dealt (start or rematch). */
  onDeal?(table: string, game: AnyGame, state: unknown): void;
  /** A move was accepted; `state` is the rules state after it. */
  onMove?(table: string, record: ObservedMove): void;
}

export interface ObservedMove {
  readonly game: AnyGame;
  readonly state: unknown;
  readonly seat: Seat;
  readonly move: MoveBase;
  readonly events: readonly EventBase[];
  readonly moveNumber: number;
}

export type TableConfig = Pick<
  ServerConfig,
  'reconnectSeconds' | 'botDelay' | 'botSearchIterations' | 'botSearchMs' | 'handSummarySeconds' | 'timeScale'
>;

export interface TableEnv {
  readonly config: TableConfig;
  readonly games: readonly AnyGame[];
  readonly clock: TableClock;
  readonly random: TableRandom;
  /** Where hard bots search, off the main thread. */
  readonly bots: BotThinking;
  readonly logger: Logger;
  readonly observer?: TableObserver;
}

export type ActedBy = GameEventsMessage['by'];

/** Who holds a seat, as the table keeps it (the schema's `SeatState` mirrors it). */
export interface SeatModel {
  playerId: string;
  name: string;
  kind: SeatKind;
  botLevel: BotLevel | '';
  connected: boolean;
  reconnectDeadline: number;
  away: boolean;
  timeouts: number;
  /** A human seat held by a bot program (joined with `program: true`); shown with a badge, treated like any seat. */
  program: boolean;
}

export interface SpectatorModel {
  name: string;
  connected: boolean;
}

/** Everything public about the table; the room mirrors it into schema after each call. */
export interface TableModel {
  readonly code: string;
  gameId: string;
  options: Record<string, OptionValue>;
  visibility: Visibility;
  phase: TablePhase;
  hostId: string;
  readonly seats: SeatModel[];
  readonly spectators: Map<string, SpectatorModel>;
  maxSpectators: number;
  turnSeconds: number;
  deadline: number;
  /**
   * The wait (ms) the turn clock was last started with for `deadline`; 0 when
   * unknown (a replayed clock). The mirror leaves out a deadline that every
   * client computes from the move (a full turn timer).
   */
  deadlineWait: number;
  /** Times the turn clock was started: tells a fresh deadline from a kept one, even one that fell on the same millisecond. */
  clockStarts: number;
  seedHash: string;
  /** Revealed at game over only. */
  seed: string;
  /** The rules' hand number on the board (1 when the game has none); 0 without a game. */
  handNumber: number;
  moveNumber: number;
  lastSeat: number;
  lastBy: string;
  outcome: { scores: number[]; winners: number[]; ranking: number[] };
  /** Games dealt at this table; a new deal means new private hands. */
  deals: number;
  /** Newcomers knock and wait for the host (`TableDoor`). */
  locked: boolean;
}

/**
 * What the table hands the collaborators it owns (`HostControls`,
 * `Membership`): its state, and the ways to change it (logged) and to speak.
 */
export interface TableAccess {
  readonly model: TableModel;
  readonly state: LoggedState;
  readonly env: TableEnv;
  readonly log: Logger;
  readonly door: TableDoor;
  commit(action: TableAction): void;
  notice(text: string): void;
  requirePhase(phase: TablePhase, when: string): ProtocolError | null;
  scheduleBots(): void;
}

/** One seat's holder as logged. */
export interface LoggedHolder {
  readonly kind: SeatKind;
  readonly playerId: string;
  readonly name: string;
  readonly botLevel: BotLevel | '';
  /** A bot program joined this seat (absent in logs written before it existed). */
  readonly program?: boolean;
}

/**
 * One accepted change, as written to the log before its patch goes out.
 * Replaying a table's actions in order rebuilds its seats, host, chat, game
 * and turn clock. Connections are not logged: after a restart everyone is
 * reconnecting.
 */
export type TableAction =
  | {
      readonly kind: 'create';
      readonly code: string;
      readonly gameId: string;
      readonly optionInput: Record<string, OptionValue>;
      readonly seatCount: number;
      readonly visibility: Visibility;
      readonly turnSeconds: number;
      readonly maxSpectators: number;
    }
  | {
      readonly kind: 'configure';
      readonly gameId: string;
      readonly optionInput: Record<string, OptionValue>;
      readonly seatCount: number;
      readonly turnSeconds: number;
      readonly visibility: Visibility;
    }
  | { readonly kind: 'seat'; readonly seat: Seat; readonly holder: LoggedHolder }
  | { readonly kind: 'away'; readonly seat: Seat; readonly away: boolean; readonly timeouts: number }
  | { readonly kind: 'host'; readonly playerId: string }
  /** Kept out for the life of the table, and the device they came with (absent in older logs). */
  | { readonly kind: 'ban'; readonly playerId: string; readonly device?: string | null }
  /** The host locked or unlocked the table. */
  | { readonly kind: 'lock'; readonly locked: boolean }
  /** The host let a knocking newcomer in: they may come and go while the table stays locked. */
  | { readonly kind: 'admit'; readonly playerId: string }
  | { readonly kind: 'chat'; readonly line: ChatLine }
  | { readonly kind: 'start' }
  | { readonly kind: 'deal'; readonly seed: string }
  | { readonly kind: 'move'; readonly seat: Seat; readonly move: MoveBase; readonly by: ActedBy }
  | { readonly kind: 'lobby' }
  /** The turn (or hand summary) wait ends at `deadline`; 0 when nobody is waited for. */
  | { readonly kind: 'clock'; readonly deadline: number }
  /** The server stopped on purpose (SIGTERM); the turn clock stood still from here. */
  | { readonly kind: 'stop' };

export interface TimedAction {
  readonly at: number;
  readonly action: TableAction;
}

/** Who receives a message. */
export type Audience =
  | { readonly kind: 'all' }
  | { readonly kind: 'player'; readonly playerId: string }
  /** Members that asked for per-move `events` messages. */
  | { readonly kind: 'events' };

/** A finished game, for history. */
export interface GameRecord {
  readonly gameId: string;
  readonly seed: string;
  readonly seedHash: string;
  readonly options: Record<string, OptionValue>;
  readonly seats: readonly LoggedHolder[];
  readonly moves: readonly { seat: Seat; move: MoveBase }[];
  readonly scores: readonly number[];
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What one call into the table did, beyond the model: the room logs, then sends. */
export interface TableOutput {
  readonly actions: TimedAction[];
  readonly messages: { readonly to: Audience; readonly message: ServerMessage }[];
  readonly disconnects: { readonly playerId: string; readonly code: CloseCode }[];
  readonly finished: GameRecord[];
  /** Seats whose private hand must be rebuilt whole under a new key (a `resync`, or a stuck seat). */
  readonly renewHands: Seat[];
  /** Every human is gone after a restart: the room should close. */
  close: boolean;
}
