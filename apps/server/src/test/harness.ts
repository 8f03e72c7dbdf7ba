/**
 * Test helpers: a server on a fixed port per test file, guests from the real
 * HTTP endpoint, and players driving real colyseus.js clients who read the
 * table only through the shared `snapshotFromState`.
 */
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { PROTOCOL_VERSION, RoomName, createMoveClock, gameViewOf, moveEventsBetween, snapshotFromState } from '@deckhand/protocol';
import type {
  BotLevel, ChatLine, ClientMessage, GameEventsMessage, GameRecordMessage, GuestResponse, ServerMessage, TableSnapshot,
  TableStateJson,
} from '@deckhand/protocol';
import { findGame } from '@deckhand/rules';
import type { AnyGame, MoveBase } from '@deckhand/rules';
import type { StartOptions } from '../server';
import type { FinishedGame } from '../store/TableStore';
import { sleep, startTestServer, waitFor } from '../testing';
import type { TestServer } from '../testing';

export { sleep, waitFor };
export type { TestServer };


/**
 * Port offset for running several checkouts' suites side by side on one
 * machine (each file has a fixed port; `DECKHAND_PORT_OFFSET=100` shifts them all).
 */
const PORT_OFFSET = Number(process.env.DECKHAND_PORT_OFFSET ?? 0) || 0;

/** A test file's fixed port, shifted by the checkout's offset (for servers started as child processes). */
export function testPort(port: number): number {
  return port + PORT_OFFSET;
}

/**
 * Every test file opens many tables from one address within seconds; the
 * join limits and table quotas are tested on their own (src/test/abuse.test.ts).
 */
export const UNLIMITED_JOINS = {
  JOINS_PER_MINUTE: '1000000', WRONG_CODES_PER_HOUR: '1000000', TABLES_PER_PLAYER: '1000000', TABLES_PER_ADDRESS: '1000000',
} as const;

/** Starts a server for one test file. Bots act at once; timers are long unless a test shortens them. */
export async function bootServer(port: number, env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  return startTestServer(testPort(port), { BOT_DELAY_MS: '0', RECONNECT_SECONDS: '60', ...UNLIMITED_JOINS, ...env }, options);
}

/** A guest pass for `name`; with `current` (a pass held already) a rename of that player. */
export async function guest(server: TestServer, name: string, current?: string): Promise<GuestResponse> {
  const response = await fetch(`${server.url}/api/guest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(current === undefined ? {} : { Authorization: `Bearer ${current}` }) },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw new Error(`guest ${name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as GuestResponse;
}


type Listener = (player: Player) => void;

/** One person at the table: their colyseus.js room, what they received, and their snapshot. */
export class Player {
  room!: Room;
  readonly messages: ServerMessage[] = [];
  readonly errors: { code: string; message: string }[] = [];
  readonly chat: ChatLine[] = [];
  /** Every move as read from the patches, the way the web builds its log. */
  readonly events: GameEventsMessage[] = [];
  /** The `events` messages received (only when joined with `events: true`). */
  readonly sentEvents: GameEventsMessage[] = [];
  records: GameRecordMessage[] = [];
  left: { code: number; reason?: string } | null = null;
  /** Rooms attached so far: a reconnect hands over a new one. */
  connections = 0;
  /** Decoded patches so far. */
  patches = 0;
  /** `patches` at the patch that carried the last move of this player's seat. */
  ownMoveAtPatch = -1;
  private seenMoveNumber = 0;
  private lastSnapshot: TableSnapshot | null = null;
  /** When this client saw each move, as the web keeps it: a fresh turn timer counts from there. */
  private readonly moveClock = createMoveClock();
  private readonly patchListeners = new Set<Listener>();
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();

  constructor(
    readonly server: TestServer,
    readonly identity: GuestResponse,
    readonly client: Client = new Client(server.url),
  ) {}

  get playerId(): string {
    return this.identity.playerId;
  }

  static async create(server: TestServer, name: string, options: Record<string, unknown>): Promise<Player> {
    const player = new Player(server, await guest(server, name));
    player.attach(await player.client.create(RoomName.Table, { token: player.identity.token, protocol: PROTOCOL_VERSION, ...options }));
    await player.settled();
    return player;
  }

  static async join(server: TestServer, name: string, code: string, options: Record<string, unknown> = {}): Promise<Player> {
    const player = new Player(server, await guest(server, name));
    await player.joinAgain(code, options);
    return player;
  }

  /** Joins (again) by code with the same identity: a new tab, or a return after leaving. */
  async joinAgain(code: string, options: Record<string, unknown> = {}): Promise<void> {
    this.attach(await this.client.joinById(code, { token: this.identity.token, protocol: PROTOCOL_VERSION, ...options }));
    await this.settled();
  }

  /** Reconnects with the reconnection token after a drop; the SDK hands back a new Room. */
  async reconnect(token = this.room.reconnectionToken): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.attach(await this.client.reconnect(token));
        break;
      } catch (error) {
        // The server may not have noticed the drop yet.
        if (attempt > 20) throw error;
        await sleep(50);
      }
    }
    await this.settled();
  }

  /** Closes the socket without saying goodbye, like a refresh or a network drop. */
  async drop(): Promise<void> {
    await this.room.leave(false);
  }

  async leave(): Promise<void> {
    await this.room.leave(true);
  }

  attach(room: Room): void {
    this.room = room;
    this.connections++;
    this.left = null;
    room.onMessage('*', (type, message) => {
      const typed = message as ServerMessage;
      this.messages.push(typed);
      for (const listener of this.messageListeners) listener(typed);
      if (type === 'error') this.errors.push(typed as { code: string; message: string });
      if (type === 'chat') this.chat.push((typed as { line: ChatLine }).line);
      if (type === 'chatHistory') this.chat.push(...(typed as { lines: readonly ChatLine[] }).lines);
      if (type === 'events') this.sentEvents.push(typed as GameEventsMessage);
      if (type === 'record') this.records.push(typed as GameRecordMessage);
    });
    room.onStateChange(() => {
      this.patches++;
      const snapshot = this.snapshot();
      const read = this.lastSnapshot && moveEventsBetween(this.lastSnapshot, snapshot);
      if (read) this.events.push(read);
      this.lastSnapshot = snapshot;
      if (snapshot.moveNumber !== this.seenMoveNumber) {
        this.seenMoveNumber = snapshot.moveNumber;
        if (snapshot.lastMove && snapshot.lastMove.seat === snapshot.mySeat) this.ownMoveAtPatch = this.patches;
      }
      for (const listener of this.patchListeners) listener(this);
    });
    room.onLeave((code, reason) => {
      this.left = { code, reason };
    });
  }

  /** Called with this player after every decoded patch. */
  onPatch(listener: Listener): () => void {
    this.patchListeners.add(listener);
    return () => this.patchListeners.delete(listener);
  }

  /** Called with every server message, across reconnects. */
  onServerMessage(listener: (message: ServerMessage) => void): void {
    this.messageListeners.add(listener);
  }

  async settled(): Promise<void> {
    await waitFor('the first state', () => this.snapshot().code !== '');
  }

  snapshot(): TableSnapshot {
    const state = this.room.state as { toJSON(): TableStateJson } | undefined;
    return snapshotFromState(state?.toJSON() ?? {}, this.moveClock);
  }

  send(message: ClientMessage): void {
    this.room.send(message.type, message);
  }

  /** Sends and waits for the server's answer: the next error, or a patch. */
  async sendAndWaitError(message: ClientMessage | { type: string; [key: string]: unknown }): Promise<{ code: string; message: string }> {
    const before = this.errors.length;
    this.room.send(message.type, message);
    return waitFor(`an error for ${message.type}`, () => this.errors[before]);
  }

  game(): AnyGame {
    const game = findGame(this.snapshot().gameId);
    if (!game) throw new Error(`unknown game ${this.snapshot().gameId}`);
    return game;
  }

  /** The legal moves this player's client computes from its own view, as the web app does. */
  legalMoves(): MoveBase[] {
    const snapshot = this.snapshot();
    if (snapshot.mySeat === null || !snapshot.active.includes(snapshot.mySeat)) return [];
    return this.game().legalMovesInView(gameViewOf(snapshot));
  }
}

/** Fills the table with `humans` players (the host included) and bots, and starts. */
export async function seatedTable(
  server: TestServer,
  gameId: string,
  humans: number,
  options: { seats?: number; gameOptions?: Record<string, unknown>; botLevel?: BotLevel; turnSeconds?: number } = {},
): Promise<Player[]> {
  const host = await Player.create(server, 'Host', {
    gameId,
    options: options.gameOptions ?? {},
    seatCount: options.seats,
    turnSeconds: options.turnSeconds ?? 0,
    visibility: 'private',
  });
  const code = host.snapshot().code;
  const players = [host];
  for (let index = 1; index < humans; index++) players.push(await Player.join(server, `P${index + 1}`, code));
  const seats = host.snapshot().seats;
  for (const seat of seats) {
    if (seat.kind === 'empty') host.send({ type: 'addBot', seat: seat.index, level: options.botLevel ?? 'normal' });
  }
  await waitFor('bots seated', () => host.snapshot().seats.every((seat) => seat.kind !== 'empty'));
  return players;
}

/**
 * Plays for every human until the game is over: each picks among the legal
 * moves its own client computes, the way a person would. A player acts again
 * only once the server answered its last move (a patch showing it, or an
 * error), and no faster than the rate limit allows.
 */
export async function playToEnd(
  players: readonly Player[],
  pick: (moves: MoveBase[]) => MoveBase = (moves) => moves[0]!,
  timeoutMs = 60_000,
): Promise<void> {
  const host = players[0]!;
  const started = Date.now();
  const waiting = new Map<Player, { errors: number; patches: number; at: number; connection: number }>();
  while (host.snapshot().phase !== 'gameOver') {
    if (Date.now() - started > timeoutMs) {
      const states = players.map((player) => `${player.identity.name}: ${JSON.stringify(player.errors.slice(-2))} active ${player.snapshot().active}`);
      throw new Error(`game did not finish in time\n${states.join('\n')}`);
    }
    for (const player of players) {
      if (!player.room.connection.isOpen) continue;
      const pending = waiting.get(player);
      if (pending && pending.connection !== player.connections) waiting.delete(player);
      else if (pending) {
        const answered = player.errors.length > pending.errors || player.ownMoveAtPatch > pending.patches;
        if (!answered || Date.now() - pending.at < 55) continue;
        waiting.delete(player);
      }
      const moves = player.legalMoves();
      if (moves.length === 0) continue;
      waiting.set(player, { errors: player.errors.length, patches: player.patches, at: Date.now(), connection: player.connections });
      player.send({ type: 'move', move: pick(moves) });
    }
    await sleep(2);
  }
}

/** A game as a stored history row or as the `record` message gives it: enough to replay it. */
type Replayable = Pick<FinishedGame, 'gameId' | 'seed' | 'options' | 'moves'> & ({ readonly seats: number } | Pick<FinishedGame, 'players'>);

/**
 * The final scores a game's seed and moves give when replayed through the rules: what the table
 * showed, if the log is whole. Throws at the first move the rules refuse.
 */
export function replayedScores(played: Replayable): readonly number[] | undefined {
  const game = findGame(played.gameId)!;
  const seats = 'seats' in played ? played.seats : played.players.length;
  let state = game.setup({ seed: played.seed, seats, options: played.options as never });
  for (const { seat, move } of played.moves as { seat: number; move: MoveBase }[]) {
    const result = game.apply(state, seat, move);
    if (!result.ok) throw new Error(`move ${JSON.stringify(move)} of seat ${seat}: ${result.error.message}`);
    state = result.state;
  }
  return game.outcome(state)?.scores;
}
