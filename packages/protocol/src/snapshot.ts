/**
 * The synchronized table state as a client sees it, as plain immutable data.
 *
 * The server keeps a Colyseus schema (`TableState`, server only); the client
 * decodes it and turns it into a `TableSnapshot` with `snapshotFromState`,
 * which both sides share so the server's tests read exactly what the web app
 * renders. Nothing here imports Colyseus: the web imports these as values and
 * types without pulling in the schema classes.
 */
import { NO_CONTEXT, findGame, lastMoverOf, unpackList, unpackPublic } from '@deckhand/rules';
import type { GameView, OptionValue, Seat, WireContext, WireRecord, WireValue } from '@deckhand/rules';

/** Who can find a table: public tables are listed in the lobby; private ones are reached by code only. */
export const Visibility = {
  Public: 'public',
  Private: 'private',
} as const;
export type Visibility = (typeof Visibility)[keyof typeof Visibility];

/**
 * The table's own phase. While `playing`, the game's own phases (passing,
 * tricks, the hand summary `handOver`) are in `board`.
 */
export const TablePhase = {
  Lobby: 'lobby',
  Playing: 'playing',
  GameOver: 'gameOver',
} as const;
export type TablePhase = (typeof TablePhase)[keyof typeof TablePhase];

export const SeatKind = {
  Empty: 'empty',
  Human: 'human',
  Bot: 'bot',
} as const;
export type SeatKind = (typeof SeatKind)[keyof typeof SeatKind];

/**
 * Bot strength a host can pick: `easy` plays the random bot, `normal` the
 * heuristic one, `hard` searches (the rules' `ismcts` bot, off the server's
 * main thread).
 */
export const BotLevel = {
  Easy: 'easy',
  Normal: 'normal',
  Hard: 'hard',
} as const;
export type BotLevel = (typeof BotLevel)[keyof typeof BotLevel];

/** Turn timer choices in seconds; 0 turns the timer off. */
export const TURN_SECONDS = [0, 15, 30, 60] as const;
export type TurnSeconds = (typeof TURN_SECONDS)[number];
export const DEFAULT_TURN_SECONDS: TurnSeconds = 30;

export interface SeatSnapshot {
  readonly index: Seat;
  /** '' for an empty seat or a bot added by the host. */
  readonly playerId: string;
  /** The player's name, or the bot's display name; '' when empty. */
  readonly name: string;
  readonly kind: SeatKind;
  /** The bot's level when `kind` is `bot`, '' otherwise. */
  readonly botLevel: BotLevel | '';
  /** False while a human's connection is lost (shown as "reconnecting"). */
  readonly connected: boolean;
  /** Epoch ms until which the seat is held for a dropped player; 0 when not reconnecting. */
  readonly reconnectDeadline: number;
  /**
   * True when the server plays for this human (timeouts in a row, or the
   * reconnection grace expired); cleared when the player acts again.
   */
  readonly away: boolean;
  /** Turn timeouts in a row; reset by any action of the player. */
  readonly timeouts: number;
  /**
   * True when a bot program holds this `human` seat: a program its author runs and seats over
   * the network (it joined with `program: true`). The server treats it like any other player.
   */
  readonly program: boolean;
}

export interface KnockerSnapshot {
  readonly playerId: string;
  readonly name: string;
}

export interface SpectatorSnapshot {
  readonly playerId: string;
  readonly name: string;
  readonly connected: boolean;
}

/** Final standings, filled at game over. */
export interface OutcomeSnapshot {
  /** Game scores by seat, in the game's own meaning (in Hearts lower is better). */
  readonly scores: readonly number[];
  readonly winners: readonly Seat[];
  /** Seats from best to worst. */
  readonly ranking: readonly Seat[];
}

export interface TableSnapshot {
  /** The 5-character join code; also the Colyseus room id (`/t/CODE`). */
  readonly code: string;
  /** A game id from the rules registry (`hearts`, `crazy-eights`). */
  readonly gameId: string;
  /** The game's parsed options (every default filled in). */
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly visibility: Visibility;
  readonly phase: TablePhase;
  /** Player id of the host; '' when no human is left. */
  readonly hostId: string;
  /** Seats in order; `seats.length` is the table size for the next (or current) game. */
  readonly seats: readonly SeatSnapshot[];
  readonly spectators: readonly SpectatorSnapshot[];
  readonly maxSpectators: number;
  /** Turn timer in seconds, 0 = off. */
  readonly turnSeconds: number;
  /**
   * Epoch ms when the current wait ends (turn timer, hand summary); 0 = no
   * deadline. Written by the server, or computed from the moment this client
   * saw the move that started a fresh turn timer (see `deadlineOf`).
   */
  readonly deadline: number;
  /** Seats that must act now (the game's `activeSeats`, read from the board's `active`); empty outside a game. */
  readonly active: readonly Seat[];
  /** Hex sha256 of the current deal's seed, published when the cards are dealt; '' before. */
  readonly seedHash: string;
  /** The seed itself, '' until it is revealed at game over. */
  readonly seed: string;
  /** 1 for the first hand of a game, 0 in the lobby: the board's `handNumber`, 1 for a game that keeps none (not sent twice). */
  readonly handNumber: number;
  /** The game's public view (`view(state, null).public`), field by field; empty in the lobby. */
  readonly board: Readonly<Record<string, WireValue>>;
  /** This client's seat's private view (`view(state, seat).private`); null for spectators and outside a game. */
  readonly mine: Readonly<Record<string, WireValue>> | null;
  /** The seat whose private view `mine` is; null for spectators and outside a game. */
  readonly mySeat: Seat | null;
  /** Final standings once the game is over, null before. */
  readonly outcome: OutcomeSnapshot | null;
  /** Moves accepted in this game so far (the `moveNumber` of the last `events` message). */
  readonly moveNumber: number;
  /** Locked: newcomers knock and the host lets them in (`admit`) or not (`refuse`). */
  readonly locked: boolean;
  /** Newcomers waiting at a locked table, oldest first. */
  readonly knocking: readonly KnockerSnapshot[];
  /** Who made the last move and how; null before the first move of a game. */
  readonly lastMove: LastMoveSnapshot | null;
}

/** How a move came about: the player, a bot seat, the turn timer, or the server playing for an away player. */
export const MoveSource = {
  Player: 'player',
  Bot: 'bot',
  Timeout: 'timeout',
  Away: 'away',
} as const;
export type MoveSource = (typeof MoveSource)[keyof typeof MoveSource];

export interface LastMoveSnapshot {
  readonly seat: Seat;
  readonly by: MoveSource;
}

/**
 * A flat view record as the schema stores it: one map per value kind, so
 * every field keeps its type on the wire. Boolean lists travel as 0/1 numbers
 * in `flags` (kept apart so they decode back to booleans). Lists that change
 * a few times a hand travel in `packed`, each as one string (`packList`).
 */
export interface WireRecordJson {
  readonly num?: Readonly<Record<string, number>>;
  readonly str?: Readonly<Record<string, string>>;
  readonly flag?: Readonly<Record<string, boolean>>;
  readonly list?: Readonly<Record<string, { readonly items?: readonly number[] }>>;
  readonly flags?: Readonly<Record<string, { readonly items?: readonly number[] }>>;
  readonly packed?: Readonly<Record<string, string>>;
  /** The record's first live list, held directly; `liveKey` names it ('' or absent: none). */
  readonly live?: readonly number[];
  readonly liveKey?: string;
}

export interface SeatJson {
  readonly playerId?: string;
  readonly name?: string;
  readonly kind?: string;
  readonly botLevel?: string;
  readonly connected?: boolean;
  readonly reconnectDeadline?: number;
  readonly away?: boolean;
  readonly timeouts?: number;
  readonly program?: boolean;
}

/** A seat's private view in the schema; the seat index rides along so a client knows which seat it holds. */
export interface PrivateJson extends WireRecordJson {
  readonly seat?: number;
}

/**
 * The decoded schema state in JSON form (`room.state.toJSON()` on a
 * colyseus.js client). Every field is optional because a client may read the
 * state before the first full patch arrives.
 */
export interface TableStateJson {
  readonly code?: string;
  readonly gameId?: string;
  /** Option values as a JSON object (`{"target":100}`). */
  readonly options?: string;
  readonly visibility?: string;
  readonly phase?: string;
  readonly hostId?: string;
  readonly seats?: readonly SeatJson[];
  readonly spectators?: Readonly<Record<string, { readonly name?: string; readonly connected?: boolean }>>;
  readonly maxSpectators?: number;
  readonly locked?: boolean;
  /** Names keyed by player id. */
  readonly knocking?: Readonly<Record<string, string>>;
  readonly turnSeconds?: number;
  readonly deadline?: number;
  /** The move `deadline` was written at; at an older move the deadline is the client's to compute. */
  readonly deadlineMove?: number;
  readonly seedHash?: string;
  readonly seed?: string;
  readonly board?: WireRecordJson;
  /** Keyed by seat index; a client only ever decodes its own entry. */
  readonly hands?: Readonly<Record<string, PrivateJson>>;
  readonly moveNumber?: number;
  /** -1 before the first move. Stale where the board tells the last mover (`PublicWire.lastMover`). */
  readonly lastSeat?: number;
  readonly lastBy?: string;
  /** Filled at game over (`scores`, `winners`, `ranking` lists); ignored in other phases. */
  readonly outcome?: WireRecordJson;
}

function oneOf<T extends string>(values: Readonly<Record<string, T>>, value: string | undefined, fallback: T): T {
  return (Object.values(values) as string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** The options string as the server writes it; anything that is not an option value is left out, and bad JSON is no options. */
export function optionsFromJson(text: string | undefined): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '{}');
  } catch {
    return options;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return options;
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') options[key] = value;
  }
  return options;
}

/** Turns a flat record as stored in the schema back into the rules' `WireRecord`. */
export function wireRecordFromJson(json: WireRecordJson | undefined): Record<string, WireValue> {
  const record: Record<string, WireValue> = {};
  if (!json) return record;
  for (const [key, value] of Object.entries(json.num ?? {})) record[key] = value;
  for (const [key, value] of Object.entries(json.str ?? {})) record[key] = value;
  for (const [key, value] of Object.entries(json.flag ?? {})) record[key] = value;
  if (json.liveKey) record[json.liveKey] = [...(json.live ?? [])];
  for (const [key, value] of Object.entries(json.list ?? {})) record[key] = [...(value.items ?? [])];
  for (const [key, value] of Object.entries(json.flags ?? {})) record[key] = (value.items ?? []).map((bit) => bit !== 0);
  for (const [key, value] of Object.entries(json.packed ?? {})) {
    // The server writes these with `packList`; anything else is left out, as a missing field.
    const list = unpackList(value);
    if (list) record[key] = list;
  }
  return record;
}

/**
 * What a client last knew of the turn clock: the deadline it showed at a move
 * and the seats that deadline was counting for. A kept deadline is read from
 * it (`keepsDeadline`).
 */
export interface DeadlineMemory {
  readonly moveNumber: number;
  readonly deadline: number;
  /** The seats the turn timer ran for (`timedSeats`). */
  readonly timed: readonly Seat[];
}

/**
 * One client's clock for the moves it sees: when it first saw each move
 * (epoch ms), and, for the kept-deadline rule, the deadline it showed at the
 * last patch of the move before this one. Plain functions (a test's fixed
 * time) remember nothing: without memory a kept deadline counts as fresh.
 */
export interface MoveClock {
  (moveNumber: number): number;
  /** The deadline shown at the last patch before move `moveNumber`, if that patch was of the move just before. */
  before?(moveNumber: number): DeadlineMemory | null;
  /** Records the deadline this client shows now. */
  remember?(memory: DeadlineMemory): void;
}

/**
 * A clock for one client: the first time it is asked about a move number,
 * that time stays. Ask it at every patch (the web does, through its store):
 * a move it never saw is a move it cannot keep a deadline across.
 */
export function createMoveClock(now: () => number = Date.now): MoveClock {
  let move = -1;
  let seenAt = 0;
  /** The last memory of an earlier move, and the latest one. */
  let previous: DeadlineMemory | null = null;
  let latest: DeadlineMemory | null = null;
  const clock: MoveClock = (moveNumber) => {
    if (moveNumber !== move) {
      move = moveNumber;
      seenAt = now();
    }
    return seenAt;
  };
  clock.before = (moveNumber) => {
    if (latest !== null && latest.moveNumber < moveNumber) previous = latest;
    return previous !== null && previous.moveNumber === moveNumber - 1 ? previous : null;
  };
  clock.remember = (memory) => {
    latest = memory;
  };
  return clock;
}

/** Without a clock of its own, a snapshot takes a move as seen now. */
const wallClock: MoveClock = () => Date.now();

/**
 * The seats a turn timer runs for: those that must act and are humans the
 * server is not playing for (bots and away players act after the bot delay,
 * with no deadline); none when the timer is off.
 */
export function timedSeats(
  seats: ArrayLike<{ readonly kind?: string; readonly away?: boolean } | undefined>,
  active: readonly Seat[],
  turnSeconds: number,
): Seat[] {
  if (turnSeconds <= 0) return [];
  return active.filter((seat) => {
    const holder = seats[seat];
    return holder !== undefined && holder.kind !== SeatKind.Bot && holder.away !== true;
  });
}

/** Whether a fresh turn timer starts for the seats that must act. */
export function turnTimerRuns(
  seats: ArrayLike<{ readonly kind?: string; readonly away?: boolean } | undefined>,
  active: readonly Seat[],
  turnSeconds: number,
): boolean {
  return timedSeats(seats, active, turnSeconds).length > 0;
}

/**
 * The client's rule for a kept deadline: a move after which the timer runs
 * only for seats it was already counting for (a Crazy Eights draw, a Gin
 * Rummy draw before the discard, one pass of several) keeps the deadline
 * shown before it. The server keeps its clock in those cases too, and writes
 * the deadline out whenever this rule would be wrong (`room/DeadlineMirror.ts`).
 */
export function keepsDeadline(before: { readonly deadline: number; readonly timed: readonly Seat[] }, timed: readonly Seat[]): boolean {
  return before.deadline > 0 && timed.length > 0 && timed.every((seat) => before.timed.includes(seat));
}

/**
 * When the current wait ends. A move does not carry its deadline when the
 * client can tell it: a fresh turn timer starts when the client sees the
 * move, and a kept one stays as it was (`keepsDeadline`). The server writes
 * the deadline, with the move it belongs to, whenever a client could not
 * know it: a hand summary's, a scaled test clock, a clock restarted, and for
 * a client that joins.
 */
export function deadlineOf(json: TableStateJson, seats: readonly SeatSnapshot[], active: readonly Seat[], moveSeenAt: MoveClock): number {
  const moveNumber = json.moveNumber ?? 0;
  const timed = timedSeats(seats, active, json.turnSeconds ?? 0);
  const before = moveSeenAt.before?.(moveNumber) ?? null;
  let deadline: number;
  if ((json.deadlineMove ?? 0) === moveNumber) deadline = json.deadline ?? 0;
  else if (before !== null && keepsDeadline(before, timed)) deadline = before.deadline;
  else deadline = timed.length > 0 ? moveSeenAt(moveNumber) + (json.turnSeconds ?? 0) * 1000 : 0;
  moveSeenAt.remember?.({ moveNumber, deadline, timed });
  return deadline;
}

/**
 * The game's whole public view from the board as sent: the fields the game
 * derives (`publicWire`) are computed back with its rules and the table
 * fields beside the board (`lastSeat`). An empty board (the lobby) stays empty.
 */
export function boardOf(gameId: string, sent: Record<string, WireValue>, context: WireContext = NO_CONTEXT): Record<string, WireValue> {
  const wire = findGame(gameId)?.publicWire;
  if (!wire || Object.keys(sent).length === 0) return sent;
  return { ...unpackPublic(wire, sent, context) };
}

/** The board's hand number; a game that keeps none is in its first hand, and an empty board is the lobby. */
function handNumberOf(board: Readonly<Record<string, WireValue>>): number {
  const handNumber = board['handNumber'];
  if (typeof handNumber === 'number') return handNumber;
  return Object.keys(board).length > 0 ? 1 : 0;
}

function numbers(value: WireValue | undefined): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

function outcomeOf(record: Record<string, WireValue>): OutcomeSnapshot {
  return { scores: numbers(record['scores']), winners: numbers(record['winners']), ranking: numbers(record['ranking']) };
}

/**
 * The client's snapshot of a decoded table state. Call it with
 * `room.state.toJSON()` after each patch (colyseus.js `onStateChange`), and
 * the client's own `createMoveClock()` so a countdown starts when its move arrived.
 */
export function snapshotFromState(json: TableStateJson, moveSeenAt: MoveClock = wallClock): TableSnapshot {
  const seats: SeatSnapshot[] = (json.seats ?? []).map((seat, index) => {
    const kind = oneOf(SeatKind, seat.kind, SeatKind.Empty);
    return {
      index,
      playerId: seat.playerId ?? '',
      name: seat.name ?? '',
      kind,
      botLevel: kind === SeatKind.Bot ? oneOf(BotLevel, seat.botLevel, BotLevel.Easy) : '',
      connected: seat.connected ?? false,
      reconnectDeadline: seat.reconnectDeadline ?? 0,
      away: seat.away ?? false,
      timeouts: seat.timeouts ?? 0,
      program: kind === SeatKind.Human && seat.program === true,
    };
  });
  const spectators: SpectatorSnapshot[] = Object.entries(json.spectators ?? {}).map(([playerId, spectator]) => ({
    playerId,
    name: spectator.name ?? '',
    connected: spectator.connected ?? false,
  }));
  const options = optionsFromJson(json.options);
  // A client decodes at most one private entry: its own seat's.
  const own = Object.values(json.hands ?? {})[0];
  const phase = oneOf(TablePhase, json.phase, TablePhase.Lobby);
  const sent = wireRecordFromJson(json.board);
  // The board may tell the seat of the last move (a Crazy Eights hand's moves); the table's field is then left stale.
  const lastSeat = (Object.keys(sent).length > 0 ? lastMoverOf(findGame(json.gameId ?? '')?.publicWire, sent) : null) ?? json.lastSeat ?? -1;
  const board = boardOf(json.gameId ?? '', sent, { lastSeat });
  // Every game's public view says who must act, so the table does not send it twice.
  const active = board['active'];
  const activeSeats = Array.isArray(active) && active.every((seat) => typeof seat === 'number') ? [...(active as readonly Seat[])] : [];
  const outcome = phase === TablePhase.GameOver && json.outcome ? outcomeOf(wireRecordFromJson(json.outcome)) : null;
  return {
    code: json.code ?? '',
    gameId: json.gameId ?? '',
    options,
    visibility: oneOf(Visibility, json.visibility, Visibility.Private),
    phase,
    hostId: json.hostId ?? '',
    seats,
    spectators,
    maxSpectators: json.maxSpectators ?? 0,
    turnSeconds: json.turnSeconds ?? 0,
    deadline: deadlineOf(json, seats, activeSeats, moveSeenAt),
    active: activeSeats,
    seedHash: json.seedHash ?? '',
    seed: json.seed ?? '',
    handNumber: handNumberOf(board),
    board,
    mine: own ? wireRecordFromJson(own) : null,
    mySeat: own && typeof own.seat === 'number' ? own.seat : null,
    outcome,
    moveNumber: json.moveNumber ?? 0,
    locked: json.locked ?? false,
    knocking: Object.entries(json.knocking ?? {}).map(([playerId, name]) => ({ playerId, name })),
    lastMove:
      lastSeat >= 0
        ? { seat: lastSeat, by: oneOf(MoveSource, json.lastBy, MoveSource.Player) }
        : null,
  };
}

/**
 * The rules' view for this client's seat (or a spectator's), so the client can
 * call `game.legalMovesInView` / `game.moveErrorInView` and agree with the server.
 */
export function gameViewOf(snapshot: TableSnapshot): GameView<WireRecord, WireRecord> {
  return { seat: snapshot.mySeat, public: snapshot.board, private: snapshot.mine };
}

/** The seat a player holds at this table, or null (spectator / not at the table). */
export function seatOfPlayer(snapshot: TableSnapshot, playerId: string): Seat | null {
  const seat = snapshot.seats.find((candidate) => candidate.kind === SeatKind.Human && candidate.playerId === playerId);
  return seat ? seat.index : null;
}
