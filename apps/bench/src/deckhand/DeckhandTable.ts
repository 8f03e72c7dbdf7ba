/**
 * One Deckhand table of real colyseus.js clients, one per seat, all in this
 * process. They create and join as apps/web does (no `events` option: the
 * page reads each move's events from its patches), so they receive what a
 * browser receives; the turn timer is the config's (the web app creates
 * tables with the 30 s default; off is a choice the host has in the lobby). Each client picks its moves from its own decoded view with the
 * rules package (`legalMovesInView` + the random bot), as a player's browser
 * would; the server's deal is whatever the server dealt.
 *
 * A move counts as delivered when every client's `onStateChange` has fired
 * after the send: the server sends the patch at once after an accepted move,
 * and every move changes something public (the turn, a pile, a count).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Room } from 'colyseus.js';
import { PROTOCOL_VERSION, RoomName, TablePhase, gameViewOf, senderBucket, snapshotFromState } from '@deckhand/protocol';
import type { TableSnapshot, TableStateJson, TurnSeconds } from '@deckhand/protocol';
import { Rng, findGame, randomBot } from '@deckhand/rules';
import type { AnyGame, Bot, MoveBase, RecordedMove } from '@deckhand/rules';
import { TABLE_SCHEMA_ID } from '@deckhand/table-schema';
import { CountingClient } from './CountingClient';
import { decoderOf, instrumentDecoder, recordPatch } from '../anatomy';
import type { AnatomyRow } from '../anatomy';
import { MeterPhase } from '../wire';
import { withTimeout } from '../tableRun';
import type { TableRun } from '../tableRun';

const STEP_TIMEOUT_MS = 10_000;

export interface DeckhandTableConfig {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly gameId: string;
  readonly seats: number;
  /** Seeds the clients' bot choices; the deal is the server's own (revealed at game over). */
  readonly botSeed: string;
  /** Game options for the table (the game's defaults when absent). */
  readonly options?: Readonly<Record<string, string | number | boolean>>;
  /** The turn timer the host creates the table with; the server's default (the web app's) when absent. */
  readonly turnSeconds?: TurnSeconds;
  /** The game's bot the clients choose moves with (`random` when absent). */
  readonly bot?: string;
  /** Record the anatomy of each kind of move (which fields of the patch took how many bytes). */
  readonly anatomy?: boolean;
}

/** One move's patch, field by field, as one client decoded it. */
export interface MoveAnatomy {
  /** The move's events, e.g. `played` or `played+trickWon`. */
  readonly kind: string;
  readonly moveNumber: number;
  /** A client that did not move (the next seat). */
  readonly observer: readonly AnatomyRow[];
  /** The client that moved: its own hand changes too. */
  readonly mover: readonly AnatomyRow[];
}

/** Bytes a client received to join a table in the middle of a game. */
export interface MidGameJoin {
  readonly moveNumber: number;
  /** A new spectator: from opening its socket to holding the state. */
  readonly spectatorBytes: number;
  /** A seated client whose connection dropped: from reconnecting to holding the state again. */
  readonly reconnectBytes: number;
  /** The spectator's and the reconnect's bytes by kind of message (`join` is the handshake with the schema, `state` the full state). */
  readonly spectatorByKind?: Readonly<Record<string, number>>;
  readonly reconnectByKind?: Readonly<Record<string, number>>;
}

/** What happened to one move. */
export type MoveResult =
  | { ok: true; latencyMs: number; over: boolean }
  | { ok: false; error: string };

/** The decoded fields a move is chosen from: the board, the client's own hand, and what `snapshotFromState` reads beside them. */
interface DecodedTable {
  readonly phase?: string;
  readonly gameId?: string;
  readonly moveNumber?: number;
  readonly lastSeat?: number;
  readonly board?: { toJSON(): TableStateJson['board'] };
  readonly hands?: { toJSON(): TableStateJson['hands'] };
}

/**
 * The part of the decoded state a move is chosen from. The seats, spectators
 * and options are left out: copying the whole state at every move was a
 * quarter of a load worker's CPU, and a browser on its own machine would
 * spend it on rendering, not on this box's CPU budget.
 */
function playJson(state: DecodedTable): TableStateJson {
  return {
    phase: state.phase,
    gameId: state.gameId,
    moveNumber: state.moveNumber,
    lastSeat: state.lastSeat,
    board: state.board?.toJSON(),
    hands: state.hands?.toJSON(),
  };
}

class SeatClient {
  patches = 0;
  /**
   * The server drops messages beyond a token bucket per client. A bot at a
   * table with no move delay would exceed it when it draws card after card, so
   * each client keeps a slightly stricter bucket of its own and waits for a
   * token before it sends: the wait happens before the send timestamp, so
   * latency excludes it.
   */
  private readonly bucket = senderBucket(performance.now());
  lastPatchAt = 0;
  lastError: string | null = null;
  private snapshotCache: TableSnapshot | null = null;
  private playCache: TableSnapshot | null = null;
  private patchWaiters: (() => void)[] = [];
  /** Size of the last frame received, for the anatomy of the patch it carried. */
  lastFrameBytes = 0;

  constructor(
    readonly client: CountingClient,
    public room: Room,
  ) {
    this.listen(room);
    client.onFrame = (bytes) => {
      this.lastFrameBytes = bytes;
    };
  }

  /** Follows `room` (the first one, or the new one after a reconnect). */
  listen(room: Room): void {
    this.room = room;
    room.onStateChange(() => {
      this.patches++;
      this.lastPatchAt = performance.now();
      this.snapshotCache = null;
      this.playCache = null;
      const waiters = this.patchWaiters;
      this.patchWaiters = [];
      for (const wake of waiters) wake();
    });
    room.onMessage('error', (message: { code?: string; message?: string }) => {
      this.lastError = `${message.code ?? 'ERROR'}: ${message.message ?? ''}`;
      const waiters = this.patchWaiters;
      this.patchWaiters = [];
      for (const wake of waiters) wake();
    });
    // Every other server message (welcome, chat history, notices) is only counted.
    room.onMessage('*', () => undefined);
  }

  /** The client's decoded table as the web renders it, copied now. */
  board(): TableSnapshot['board'] {
    return snapshotFromState(this.room.state.toJSON() as TableStateJson).board;
  }

  /** Waits until the client's own rate bucket holds a token, then takes it. */
  async pace(): Promise<void> {
    for (let wait = this.bucket.wait(performance.now()); wait > 0; wait = this.bucket.wait(performance.now())) await sleep(wait);
    this.bucket.take(performance.now());
  }

  /** The decoded state as the web client would render it; computed only when a move is chosen. */
  snapshot(): TableSnapshot {
    this.snapshotCache ??= snapshotFromState(this.room.state.toJSON() as TableStateJson);
    return this.snapshotCache;
  }

  /** The board and this client's hand as `snapshot()` gives them, the other fields left at their defaults (see `playJson`). */
  playSnapshot(): TableSnapshot {
    this.playCache ??= snapshotFromState(playJson(this.room.state as DecodedTable));
    return this.playCache;
  }

  /** The phase, read from the decoded state without building a snapshot (the table needs it between every two moves). */
  phase(): string {
    return (this.room.state as DecodedTable).phase ?? '';
  }

  /** The seats that must act: the board does not carry them, every client derives them with the rules. */
  activeSeats(): readonly number[] {
    return this.playSnapshot().active;
  }

  /** Resolves once this client has seen a patch numbered above `count` (or an error); no time limit. */
  nextPatch(count: number): Promise<void> {
    if (this.patches > count) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wait = (): void => {
        if (this.patches > count || this.lastError) resolve();
        else this.patchWaiters.push(wait);
      };
      this.patchWaiters.push(wait);
    });
  }

  /** `nextPatch` within the step timeout. */
  patchAfter(count: number, what: string): Promise<void> {
    return withTimeout(this.nextPatch(count), STEP_TIMEOUT_MS, what);
  }

  /** Waits until `ready` holds for this client's snapshot, checking after each patch. */
  async until(ready: (snapshot: TableSnapshot) => boolean, what: string): Promise<void> {
    const deadline = performance.now() + STEP_TIMEOUT_MS;
    while (!ready(this.snapshot())) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.patchAfter(this.patches, what);
    }
  }
}

/** A guest token from the server's HTTP endpoint, as the web app gets one. */
export async function guestToken(baseUrl: string, name: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`POST /api/guest answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('POST /api/guest gave no token');
  return body.token;
}

export class DeckhandTable {
  private readonly rng: Rng;
  private readonly bot: Bot<unknown, MoveBase>;
  private readonly bySeat = new Map<number, SeatClient>();
  private readonly recorded: RecordedMove[] = [];
  private readonly latencies: number[] = [];
  /** Per move, beside `latencies`: how long the table had been quiet before the send (since the last client held the previous move). */
  private readonly idleBefore: number[] = [];
  private deliveredAt: number | null = null;
  private firstMoveSent = false;
  private leaving: Promise<void> | null = null;
  private readonly anatomies = new Map<string, MoveAnatomy>();
  private readonly kindCounts = new Map<string, number>();
  private readonly extraClients: CountingClient[] = [];
  private readonly extraRooms: Room[] = [];

  private constructor(
    private readonly config: DeckhandTableConfig,
    private readonly game: AnyGame,
    private readonly seats: readonly SeatClient[],
  ) {
    this.rng = Rng.fromSeed(config.botSeed);
    this.bot = (config.bot === undefined ? undefined : (game.bots[config.bot] as Bot<unknown, MoveBase> | undefined)) ?? randomBot();
  }

  /** Creates a table, seats every client, starts the game. Closes what it opened on failure. */
  static async open(config: DeckhandTableConfig): Promise<DeckhandTable> {
    const game = findGame(config.gameId);
    if (!game) throw new Error(`game ${config.gameId} is not in the rules registry`);
    const seats: SeatClient[] = [];
    try {
      const tokens = await Promise.all(
        Array.from({ length: config.seats }, (_, index) => guestToken(config.baseUrl, `Bench ${index + 1}`)),
      );
      for (let index = 0; index < config.seats; index++) {
        const client = new CountingClient(config.baseUrl);
        const options = { token: tokens[index]!, protocol: PROTOCOL_VERSION, schema: TABLE_SCHEMA_ID };
        const room = await withTimeout(
          index === 0
            ? client.create(RoomName.Table, {
                ...options,
                gameId: config.gameId,
                seatCount: config.seats,
                ...(config.turnSeconds === undefined ? {} : { turnSeconds: config.turnSeconds }),
                visibility: 'private',
                ...(config.options ? { options: config.options } : {}),
              })
            : client.joinById(seats[0]!.room.roomId, options),
          STEP_TIMEOUT_MS,
          `seat ${index} joining`,
        );
        const seat = new SeatClient(client, room);
        seats.push(seat);
        if (config.anatomy) instrumentDecoder(decoderOf(room));
        await seat.patchAfter(0, `seat ${index}'s first state`);
        client.meter.enter(MeterPhase.Start);
      }
      const table = new DeckhandTable(config, game, seats);
      await table.start();
      return table;
    } catch (error) {
      await Promise.allSettled(seats.map((seat) => seat.room.leave(true)));
      throw error;
    }
  }

  private async start(): Promise<void> {
    const host = this.seats[0]!;
    await host.pace();
    host.room.send('start', {});
    await Promise.all(
      this.seats.map((seat, index) =>
        seat.until((snapshot) => snapshot.phase === TablePhase.Playing && snapshot.mySeat !== null, `seat ${index} dealt in`),
      ),
    );
    this.bySeat.clear();
    for (const seat of this.seats) this.bySeat.set(seat.snapshot().mySeat!, seat);
  }

  /** The game is over (every client knows it once the last move is delivered). */
  get over(): boolean {
    return this.seats[0]!.phase() === TablePhase.GameOver;
  }

  /**
   * The active seat's client chooses a move from its own view and sends it;
   * resolves when all clients hold the resulting state.
   */
  async playMove(): Promise<MoveResult> {
    const seatIndex = this.seats[0]!.activeSeats()[0];
    if (seatIndex === undefined) return { ok: false, error: `no active seat in phase ${this.seats[0]!.phase()}` };
    const actor = this.bySeat.get(seatIndex);
    if (!actor) return { ok: false, error: `no client holds seat ${seatIndex}` };
    const view = gameViewOf(actor.playSnapshot());
    const legal = this.game.legalMovesInView(view) as MoveBase[];
    if (legal.length === 0) return { ok: false, error: `seat ${seatIndex} is active but sees no legal move` };
    const move = this.bot.choose(view, legal, this.rng);

    if (!this.firstMoveSent) {
      this.firstMoveSent = true;
      for (const seat of this.seats) seat.client.meter.enter(MeterPhase.Moves);
    }
    await actor.pace();
    const before = this.seats.map((seat) => seat.patches);
    const observer = this.bySeat.get((seatIndex + 1) % this.seats.length) ?? actor;
    const anatomy = this.config.anatomy
      ? { board: actor.board(), observer: recordPatch(decoderOf(observer.room)), mover: recordPatch(decoderOf(actor.room)) }
      : null;
    actor.lastError = null;
    const sent = performance.now();
    actor.room.send('move', { move });
    try {
      await withTimeout(Promise.all(this.seats.map((seat, index) => seat.nextPatch(before[index]!))), STEP_TIMEOUT_MS, `the patch of a move at seat ${seatIndex}`);
    } catch (error) {
      return { ok: false, error: actor.lastError ?? String(error) };
    }
    if (actor.lastError) return { ok: false, error: actor.lastError };
    const latencyMs = Math.max(...this.seats.map((seat) => seat.lastPatchAt)) - sent;
    this.latencies.push(latencyMs);
    // The first move of a game follows the deal or the rematch, not a move: counted as long quiet.
    this.idleBefore.push(this.deliveredAt === null ? Number.MAX_SAFE_INTEGER : sent - this.deliveredAt);
    this.deliveredAt = sent + latencyMs;
    this.recorded.push({ seat: seatIndex, move });
    if (anatomy) {
      const observerRows = anatomy.observer.finish(observer.lastFrameBytes);
      const moverRows = anatomy.mover.finish(actor.lastFrameBytes);
      const events = this.game.eventsBetween(anatomy.board, actor.board(), seatIndex) as { type: string }[];
      const kind = events.map((event) => event.type).join('+');
      this.kindCounts.set(kind, (this.kindCounts.get(kind) ?? 0) + 1);
      // A move a little into the game: the first ones of a deal are not typical.
      if (!this.anatomies.has(kind) && this.recorded.length > 12) {
        this.anatomies.set(kind, { kind, moveNumber: this.recorded.length, observer: observerRows, mover: moverRows });
      }
    }
    return { ok: true, latencyMs, over: this.over };
  }

  /** One anatomy per kind of move, the most frequent kinds first. */
  moveAnatomies(): MoveAnatomy[] {
    return [...this.anatomies.values()].sort((a, b) => (this.kindCounts.get(b.kind) ?? 0) - (this.kindCounts.get(a.kind) ?? 0));
  }

  /** How often each kind of move was played (anatomy runs only). */
  moveKinds(): Record<string, number> {
    return Object.fromEntries(this.kindCounts);
  }

  /**
   * Mid-game joins, measured between two moves: a new spectator opens a
   * socket and joins, then seat 0's connection drops and it reconnects. What
   * the other clients receive meanwhile is kept out of the per-move figures.
   */
  async measureMidGameJoin(): Promise<MidGameJoin> {
    for (const seat of this.seats) seat.client.meter.enter(MeterPhase.Aside);
    const spectator = new CountingClient(this.config.baseUrl);
    this.extraClients.push(spectator);
    const token = await guestToken(this.config.baseUrl, 'Bench spectator');
    const room = await withTimeout(
      spectator.joinById(this.seats[0]!.room.roomId, { token, protocol: PROTOCOL_VERSION, spectate: true, schema: TABLE_SCHEMA_ID }),
      STEP_TIMEOUT_MS,
      'a spectator joining',
    );
    this.extraRooms.push(room);
    await withTimeout(new Promise<void>((resolve) => room.onStateChange.once(() => resolve())), STEP_TIMEOUT_MS, "the spectator's state");
    // The welcome and the chat history follow the state.
    await sleep(150);
    const spectatorCount = spectator.meter.count(MeterPhase.Join);

    const seat = this.seats[0]!;
    const reconnectionToken = seat.room.reconnectionToken;
    const mySeat = seat.snapshot().mySeat;
    await seat.room.leave(false);
    seat.client.meter.enter(MeterPhase.Rejoin);
    const deadline = performance.now() + STEP_TIMEOUT_MS;
    let rejoined: Room | null = null;
    while (!rejoined) {
      try {
        rejoined = await seat.client.reconnect(reconnectionToken);
      } catch (error) {
        // The server may not have noticed the drop yet: retry shortly.
        if (performance.now() > deadline) throw error;
        await sleep(50);
      }
    }
    const stateCount = seat.patches;
    seat.listen(rejoined);
    await seat.patchAfter(stateCount, 'the reconnected state');
    await sleep(150);
    const rejoinCount = seat.client.meter.count(MeterPhase.Rejoin);
    if (seat.snapshot().mySeat !== mySeat) throw new Error(`seat ${String(mySeat)} reconnected as ${String(seat.snapshot().mySeat)}`);
    for (const other of this.seats) other.client.meter.enter(MeterPhase.Moves);
    return {
      moveNumber: this.recorded.length, spectatorBytes: spectatorCount.wireBytes, reconnectBytes: rejoinCount.wireBytes,
      spectatorByKind: spectatorCount.byKind, reconnectByKind: rejoinCount.byKind,
    };
  }

  /** Plays to the end; throws on a refused move or a lost patch. `maxMoves` bounds a game that never ends. */
  async playToEnd(maxMoves = 5_000, midGameJoinAt: number | null = null): Promise<TableRun> {
    let midGameJoin: MidGameJoin | null = null;
    for (let count = 0; !this.over; count++) {
      if (count >= maxMoves) throw new Error(`${this.config.gameId}: no game over after ${maxMoves} moves`);
      if (count === midGameJoinAt) midGameJoin = await this.measureMidGameJoin();
      const result = await this.playMove();
      if (!result.ok) throw new Error(`${this.config.gameId}: ${result.error}`);
    }
    const final = this.seats[0]!.snapshot();
    return {
      gameId: this.config.gameId,
      seed: final.seed,
      moves: this.recorded.length,
      clients: [...this.bySeat.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, seat]) => ({
          join: seat.client.meter.count(MeterPhase.Join),
          start: seat.client.meter.count(MeterPhase.Start),
          moves: seat.client.meter.count(MeterPhase.Moves),
        })),
      latenciesMs: [...this.latencies],
      idleBeforeMs: [...this.idleBefore],
      midGameJoin,
      anatomy: this.moveAnatomies(),
      moveKinds: this.moveKinds(),
      record: { game: this.config.gameId, seed: final.seed, options: final.options, seats: this.config.seats, moves: [...this.recorded] },
    };
  }

  /** After a game over: the host asks for a rematch (same seats, new deal). */
  async rematch(): Promise<void> {
    await this.seats[0]!.pace();
    this.seats[0]!.room.send('rematch', {});
    // The record and latencies are those of one game (`playToEnd`); a long load run would only pile them up.
    this.recorded.length = 0;
    this.latencies.length = 0;
    this.idleBefore.length = 0;
    this.deliveredAt = null;
    await Promise.all(
      this.seats.map((seat, index) => seat.until((snapshot) => snapshot.phase === TablePhase.Playing, `seat ${index} in the rematch`)),
    );
    this.bySeat.clear();
    for (const seat of this.seats) this.bySeat.set(seat.snapshot().mySeat!, seat);
  }

  /** Every client leaves (consented), so the server can dispose of the room at once. Safe to call twice. */
  leave(): Promise<void> {
    this.leaving ??= Promise.allSettled(
      [...this.seats.map((seat) => seat.room), ...this.extraRooms].map((room) => withTimeout(room.leave(true), STEP_TIMEOUT_MS, 'leaving')),
    ).then(() => undefined);
    return this.leaving;
  }
}
