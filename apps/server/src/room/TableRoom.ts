/**
 * The Colyseus side of a table: it authenticates, parses messages, polices
 * the rate, hands each call to the table core (`table/Table.ts`), writes what
 * the core logged to the store, and only then mirrors the model into schema
 * and sends the patch and messages. No seat, game or timer rule lives here.
 *
 * Calls run one at a time through `run`: a move's log write finishes before
 * the next call starts, so each move still gets its own patch.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Protocol, Room, ServerError } from '@colyseus/core';
import type { AuthContext, Client, ClientPrivate, Deferred } from '@colyseus/core';
import type { StateView } from '@colyseus/schema';
import type { Logger } from 'pino';
import {
  CLOSE_REASONS, CloseCode, DEFAULT_TURN_SECONDS, ErrorCode, JoinErrorCode, PROTOCOL_VERSION, SeatKind, TablePhase,
  parseClientMessage, parseName,
} from '@deckhand/protocol';
import type { ProtocolError, ServerMessage } from '@deckhand/protocol';
import type { BotThinking } from '../BotPool';
import type { TableOwnership } from '../cluster/TableLeases';
import type { ServerConfig } from '../config';
import type { GuestIdentity, GuestTokens } from '../guestTokens';
import type { AnyGame } from '@deckhand/rules';
import { LogConflictError } from '../store/TableStore';
import type { OpenTableLog, TableStore } from '../store/TableStore';
import { fail } from '../table/seats';
import { seededTableRandom } from '../table/seededRandom';
import { Table } from '../table/Table';
import type { KnockAnswer } from '../table/TableDoor';
import type { TableEnv, TableObserver, TableOutput, TimedAction, Timer } from '../table/types';
import { restartableTimeout } from '../table/restartable';
import { TableState } from '@deckhand/table-schema';
import { ConnectionGuard } from './ConnectionGuard';
import { deviceOf, flag, optionOf, parseCreate, refuseOtherProtocol } from './JoinOptions';
import { holdsTableSchema, skipSchemaDescription } from './KnownSchema';
import { TableHistory } from './TableHistory';
import { TableListing } from './TableListing';
import type { TableMetadata } from './TableListing';
import type { Disposals } from './ClosedTables';
import { TableMirror } from './TableMirror';
import { reuseChangeSets } from './reuseChangeSets';
import { tableView } from './tableView';

export interface TableDeps {
  readonly config: ServerConfig;
  readonly games: readonly AnyGame[];
  readonly tokens: GuestTokens;
  readonly logger: Logger;
  /** Where hard bots search, off the main thread. */
  readonly bots: BotThinking;
  readonly observer?: TableObserver;
  /** The table log and game history. */
  readonly store: TableStore;
  /** Logs of tables to bring back, by a secret key the server passes in the create options. */
  readonly restores: Map<string, OpenTableLog>;
  /** Which process runs which table (leases in Redis); one process owns everything without it. */
  readonly ownership: TableOwnership;
  /** Takes the room's closing, so a stop waits for it before it closes the store and the presence. */
  readonly disposals: Disposals;
}

/** What the lobby lists for a public table (`room/TableListing.ts`). */
export type { TableMetadata };

type TableClient = Client<unknown, GuestIdentity>;

/** One player's connection, as the room tracks it around the table core's membership. */
interface Connection {
  client: TableClient | null;
  /** Bumped on every (re)attach so a stale leave or reconnection does nothing. */
  generation: number;
  reconnection: Deferred<TableClient> | null;
  wantsEvents: boolean;
}

export class TableRoom extends Room<TableState, TableMetadata> {
  /** Set by `tableRoomWith`: Colyseus constructs rooms without arguments. */
  declare protected readonly deps: TableDeps;

  override state = new TableState();
  override autoDispose = true;
  /** No patch interval: every call sends its patch at once (`flush`). 0 turns it off. */
  override patchRate = 0;

  private table!: Table;
  private mirror!: TableMirror;
  private log!: Logger;
  private tableId = '';
  private seq = 0;
  private readonly connections = new Map<string, Connection>();
  /** Sessions whose client joined holding the schema classes (`room/KnownSchema.ts`); their reconnections skip the description too. */
  private readonly knownSchema = new Set<string>();
  private guard!: ConnectionGuard;
  private queue: Promise<void> = Promise.resolve();
  /** The lobby listing and the join code (not `listing`: Colyseus' Room has its own). */
  private tableListing!: TableListing;
  private closing = false;
  /** SIGTERM: the table stays open in the store, to come back after the restart. */
  private shuttingDown = false;
  /** The history id of the last game this table finished and stored, told again to whoever arrives at its game over. */
  private savedGameId: string | null = null;
  private history!: TableHistory;

  // ---------------------------------------------------------------- lifecycle

  override async onCreate(rawOptions: unknown): Promise<void> {
    this.mirror = new TableMirror(this.state);
    this.guard = new ConnectionGuard(this.deps.config, (client, error) => this.sendError(client, error), this.deps.logger);
    this.tableListing = new TableListing(this, this.deps.config, () => this.closing);
    const restoreKey = optionOf(rawOptions, 'restore');
    const restore = typeof restoreKey === 'string' ? this.deps.restores.get(restoreKey) : undefined;
    if (restore) {
      this.deps.restores.delete(restoreKey as string);
      this.roomId = restore.code;
      await this.tableListing.reclaimCode(restore.code);
      this.tableId = restore.tableId;
      await this.holdTable();
      this.seq = (restore.actions[restore.actions.length - 1]?.seq ?? -1) + 1;
      this.table = Table.restore(this.environment(), restore.actions.map(({ at, action }) => ({ at, action }) as TimedAction));
      // Nobody is connected yet: the table waits the reconnection window rather than closing empty.
      this.autoDispose = false;
    } else {
      const request = parseCreate(rawOptions, this.deps.games);
      const code = await this.tableListing.claimCode();
      const created = Table.create(this.environment(), {
        code, gameId: request.gameId, options: request.options, seatCount: request.seatCount,
        visibility: request.visibility, turnSeconds: request.turnSeconds ?? DEFAULT_TURN_SECONDS,
        maxSpectators: this.deps.config.maxSpectators,
      });
      if (!created.ok) throw new ServerError(JoinErrorCode.BadRequest, created.error.message);
      this.roomId = code;
      this.table = created.table;
      this.tableId = randomUUID();
      await this.holdTable();
      await this.deps.store.openTable({ tableId: this.tableId, code, createdAt: Date.now() });
    }
    this.log = this.table.log;
    this.history = new TableHistory(this.deps.store, this.log, (id, seedHash) => this.gameStored(id, seedHash));
    if (restore && this.table.model.phase === TablePhase.GameOver) await this.findRestoredGame();
    this.onMessage('*', (client, type, payload) => this.receive(client as TableClient, type, payload));
    await this.run(() => {});
    this.log.info({ game: this.table.game.id, visibility: this.table.model.visibility, restored: Boolean(restore) }, restore ? 'table restored' : 'table created');
  }

  /**
   * A table restored on a game over: its players get the stored game's link
   * again; a game the store never got is stored now, by the first flush.
   */
  private async findRestoredGame(): Promise<void> {
    const model = this.table.model;
    const players = new Set([model.hostId, ...model.seats.flatMap((seat) => (seat.kind === SeatKind.Human ? [seat.playerId] : []))]);
    const found = await this.history.findRestored(this.roomId, model.seedHash, players);
    if (found === 'unknown') return;
    if (found !== 'missing') {
      this.savedGameId = found.stored;
      return;
    }
    this.table.recordRestoredGameOver();
  }

  /** A later try stored a game: if the table still shows it over, everyone gets its link now. */
  private gameStored(id: string, seedHash: string): void {
    if (this.closing || this.table.model.phase !== TablePhase.GameOver || this.table.model.seedHash !== seedHash) return;
    this.savedGameId = id;
    this.broadcast('gameSaved', { type: 'gameSaved', id } satisfies ServerMessage);
  }

  /** Holds the table's lease (the takeover already holds a restored one); losing it hands the table over. */
  private async holdTable(): Promise<void> {
    if (!(await this.deps.ownership.hold(this.tableId, () => this.letGo()))) {
      throw new ServerError(JoinErrorCode.BadRequest, 'Another server runs this table.');
    }
  }

  /**
   * Another process runs this table now (this one stalled past its lease):
   * stop at once, keep the log and the code, and send everyone off as on a
   * restart so they rejoin the table where it runs.
   */
  private letGo(): void {
    if (this.closing) return;
    this.log.warn('another server took this table over: letting it go');
    this.shuttingDown = true;
    this.closing = true;
    void this.disconnect(CloseCode.ServerShutdown);
  }

  /** The table lives on after this room (a shutdown, or another process took it): its quota stays taken. */
  get keptOpen(): boolean {
    return this.shuttingDown;
  }

  /** The core's clock, randomness and bots; timers run through `run` so their changes are logged and sent. */
  private environment(): TableEnv {
    const { config } = this.deps;
    return {
      config, games: this.deps.games, bots: this.deps.bots, observer: this.deps.observer,
      logger: this.deps.logger, // the table adds its code to every line (`Table.log`)
      clock: {
        now: () => Date.now(),
        later: (ms, action) => this.later(ms, action),
        restartable: (action) => restartableTimeout(this.whileOpen(action)),
      },
      // TEST_SEED (tests only): every table deals from the same seed, so a test can rely on its cards.
      random: config.testSeed !== ''
        ? seededTableRandom(config.testSeed)
        : {
            seed: () => randomBytes(16).toString('hex'),
            delay: (min, max) => min + Math.floor(Math.random() * (max - min + 1)),
            botSeed: () => randomBytes(16).toString('hex'),
          },
    };
  }

  override async onAuth(client: TableClient, options: unknown, context: AuthContext): Promise<GuestIdentity> {
    refuseOtherProtocol(optionOf(options, 'protocol'));
    // The token in the options, else colyseus.js' `client.auth.token` (sent with the socket as `_authToken`).
    const token = optionOf(options, 'token') ?? context.token;
    const identity = await this.deps.tokens.verify(token);
    if (!identity) throw new ServerError(JoinErrorCode.BadToken, 'Your guest pass is missing or expired: choose a name again.');
    // The name rule again, for tokens issued before it: the stored form is the normalised one.
    const name = parseName(identity.name);
    if (!name.ok) throw new ServerError(JoinErrorCode.BadName, name.error.message);
    const device = deviceOf(options);
    const spectate = flag(options, 'spectate');
    let refused = this.table.admission(identity.playerId, spectate, device);
    if (refused === 'locked') {
      await this.waitAtTheDoor(client, { playerId: identity.playerId, name: name.value }, device, flag(options, 'knock'));
      refused = this.table.admission(identity.playerId, spectate, device);
    }
    if (refused === 'banned') throw new ServerError(JoinErrorCode.Banned, 'The host keeps you out of this table.');
    if (refused === 'locked') throw new ServerError(JoinErrorCode.Locked, 'This table is locked: the host has to let you in.');
    if (refused === 'full') throw new ServerError(JoinErrorCode.TableFull, 'This table is full.');
    return { ...identity, name: name.value };
  }

  /**
   * A newcomer at a locked table: without `knock: true` told so at once (the
   * web then shows "waiting for the host" and knocks); with it, held on the
   * host's list until the host answers, the wait ends or the page closes.
   */
  private async waitAtTheDoor(client: TableClient, knocker: GuestIdentity, device: string | null, knock: boolean): Promise<void> {
    if (!knock) throw new ServerError(JoinErrorCode.Locked, 'This table is locked: the host has to let you in.');
    // Before the knock, so a page closed at once still leaves the list; after the answer it changes nothing.
    client.ref.once('close', () => void this.run(() => this.table.withdraw(knocker.playerId)));
    let answer: Promise<KnockAnswer> | undefined;
    await this.run(() => {
      answer = this.table.knock(knocker, device);
    });
    if (!answer) throw new ServerError(JoinErrorCode.Locked, 'This table is closing.');
    const result = await answer;
    if (result === 'refused') throw new ServerError(JoinErrorCode.Refused, 'The host did not let you in.');
    if (result === 'timeout') throw new ServerError(JoinErrorCode.Locked, 'The host has not answered yet: knock again.');
  }

  override async onJoin(client: TableClient, options: unknown, identity: GuestIdentity): Promise<void> {
    // Checked here, not in onAuth: onJoin starts without a pause, and the core holds the name until its `join`.
    const clash = this.table.claimName(identity);
    if (clash !== null) {
      throw new ServerError(JoinErrorCode.BadName, `Someone at this table is already called "${clash}": choose another name to join.`);
    }
    client.view = tableView();
    this.guard.admitted(identity.playerId);
    let connection = this.connections.get(identity.playerId);
    if (connection) {
      const previous = connection.client;
      connection.generation++;
      connection.client = client;
      // A fresh join wins over a pending reconnection of the same identity.
      connection.reconnection?.reject(new Error('taken over'));
      connection.reconnection = null;
      if (previous && previous !== client) {
        this.log.info({ player: identity.playerId }, 'taken over by another connection');
        previous.leave(CloseCode.TakenOver, CLOSE_REASONS[CloseCode.TakenOver]);
      }
    } else {
      connection = { client, generation: 0, reconnection: null, wantsEvents: false };
      this.connections.set(identity.playerId, connection);
    }
    connection.wantsEvents = flag(options, 'events');
    // A restored table lives on like any other once someone is back.
    if (!this.autoDispose) this.autoDispose = true;
    this.sendTo(client, {
      type: 'welcome', protocol: PROTOCOL_VERSION, playerId: identity.playerId, code: this.roomId,
      reconnectSeconds: this.deps.config.reconnectSeconds,
    });
    this.mirror.revealDeadline();
    await this.run(() => {
      this.table.join(identity, flag(options, 'spectate'), flag(options, 'program'), deviceOf(options));
    });
    this.tellSavedGame(client);
  }

  /** Someone arriving at a game over (a reload, a late spectator) gets its replay link like those who saw it end. */
  private tellSavedGame(client: TableClient): void {
    if (this.savedGameId !== null && this.table.model.phase === TablePhase.GameOver) {
      this.sendTo(client, { type: 'gameSaved', id: this.savedGameId });
    }
  }

  /**
   * A view changed while its client is still joining keeps its pending
   * operations, which schema 3.0.x's full state does not clear; replayed by
   * the next patch against a hand that changed meanwhile, they left a second
   * tab with a played card. The full state already holds what the view shows.
   */
  protected override sendFullState(client: Client): void {
    super.sendFullState(client);
    client.view?.changes.clear();
  }

  override async onLeave(client: TableClient, consented: boolean): Promise<void> {
    // A shutdown's closes are not departures: the seats wait for the restart.
    if (this.shuttingDown) return;
    const playerId = client.auth?.playerId;
    const connection = playerId ? this.connections.get(playerId) : undefined;
    if (!playerId || !connection || connection.client !== client) {
      // A connection taken over by another tab: its session will not come back.
      this.knownSchema.delete(client.sessionId);
      return;
    }
    if (consented || this.closing) {
      this.connections.delete(playerId);
      this.knownSchema.delete(client.sessionId);
      await this.run(() => this.table.leave(playerId, 'left'));
      return;
    }
    // A drop: hold the seat for the grace period. allowReconnection must come before any await.
    const generation = ++connection.generation;
    const reconnection = this.allowReconnection(client, this.deps.config.reconnectSeconds) as Deferred<TableClient>;
    connection.client = null;
    connection.reconnection = reconnection;
    void this.run(() => this.table.drop(playerId));
    try {
      const back = await reconnection;
      if (connection.generation !== generation) return;
      connection.generation++;
      connection.client = back;
      connection.reconnection = null;
      this.mirror.revealDeadline();
      await this.run(() => this.table.back(playerId));
      this.tellSavedGame(back);
    } catch {
      this.knownSchema.delete(client.sessionId);
      if (connection.generation !== generation) return;
      this.connections.delete(playerId);
      await this.run(() => this.table.leave(playerId, 'timeout'));
    }
  }

  override async onBeforeShutdown(): Promise<void> {
    this.shuttingDown = true;
    // Logged and written before anyone is told: the turn clock stands still until the restart.
    await this.run(() => {
      this.table.notice(CLOSE_REASONS[CloseCode.ServerShutdown]);
      this.table.stop();
    });
    this.closing = true;
    await this.disconnect(CloseCode.ServerShutdown);
  }

  /** Colyseus counts the room gone when this starts; the stop waits for it through `disposals`. */
  override onDispose(): Promise<void> {
    const closing = this.closeRoom();
    this.deps.disposals.track(closing);
    return closing;
  }

  private async closeRoom(): Promise<void> {
    this.closing = true;
    this.table?.close();
    await this.queue;
    await this.history?.close();
    // Everyone left: the table is over. A shutdown keeps it for the next start.
    if (!this.shuttingDown && this.tableId !== '') await this.deps.store.closeTable(this.tableId);
    // A table kept for a restart or another process keeps its code and its lease until the server lets go of all of them.
    if (!this.shuttingDown) await this.tableListing?.releaseCode();
    if (!this.shuttingDown && this.tableId !== '') await this.deps.ownership.release(this.tableId);
    this.log?.info('table closed');
  }

  /**
   * Before Colyseus consumes the seat: a client holding the table's schema
   * classes gets its handshake without their description. A reconnection's
   * seat carries no join options; the session's own join said it.
   */
  override async ['_onJoin'](client: Client & ClientPrivate, authContext: AuthContext): Promise<void> {
    const seat = this.reservedSeats[client.sessionId];
    if (seat) {
      const [options, , , reconnecting] = seat;
      if (!reconnecting && holdsTableSchema(options)) this.knownSchema.add(client.sessionId);
      if (this.knownSchema.has(client.sessionId)) skipSchemaDescription(client);
    }
    return super._onJoin(client, authContext);
  }

  // ---------------------------------------------------------------- input

  /**
   * Colyseus 0.16 closes the connection (4002) when a message body is not
   * valid msgpack, and a truncated header throws out of the socket handler.
   * Bad bytes are bad input like any other: refuse them with an error.
   */
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    const kind = buffer[0];
    if (kind === Protocol.ROOM_DATA || kind === Protocol.ROOM_DATA_BYTES) {
      if (this.closing || !this.isCurrent(client as TableClient) || !this.guard.admit(client as TableClient, buffer.byteLength)) return;
    }
    let refused = false;
    const hadOwnLeave = Object.hasOwn(client, 'leave');
    const leave = client.leave;
    client.leave = (code?: number, data?: string) => {
      if (code === Protocol.WS_CLOSE_WITH_ERROR) refused = true;
      else leave.call(client, code, data);
    };
    try {
      super._onMessage(client, buffer);
    } catch {
      refused = true;
    } finally {
      if (hadOwnLeave) client.leave = leave;
      else delete (client as { leave?: unknown }).leave;
    }
    if (refused) this.sendError(client as TableClient, fail(ErrorCode.BadMessage, 'The message could not be read.'));
  }

  private isCurrent(client: TableClient): boolean {
    const playerId = client.auth?.playerId;
    return playerId !== undefined && this.connections.get(playerId)?.client === client;
  }

  private receive(client: TableClient, type: string | number, payload: unknown): void {
    if (this.closing || !this.isCurrent(client)) return;
    const parsed = parseClientMessage(type, payload);
    if (!parsed.ok) {
      this.sendError(client, parsed.error);
      return;
    }
    const message = parsed.value;
    const playerId = client.auth!.playerId;
    if (message.type === 'chat' && !this.guard.chat(playerId)) {
      this.sendError(client, fail(ErrorCode.RateLimited, 'You are chatting too fast.'));
      return;
    }
    let error: ProtocolError | null = null;
    void this.run(() => {
      try {
        error = this.table.handle(playerId, message);
        // A refused message changed nothing, unless it marked an away player present (logged, so flushed).
        return error === null;
      } catch (problem) {
        // A bug, not bad input: keep the table alive and tell the sender something went wrong.
        this.log.error({ err: problem, message }, 'message handler failed');
        error = fail(ErrorCode.BadMessage, 'The server could not handle that message.');
        return true;
      }
    }).then(() => {
      if (error) this.sendError(client, error);
    });
  }

  // ---------------------------------------------------------------- calls, log, patches

  /**
   * Runs one call into the table after the previous one is written and sent,
   * then writes and sends its own. A call that answers false changed nothing
   * (a refused message): no write, no patch.
   */
  private run(call: () => boolean | void): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.table.closed) return;
      const changed = call() !== false;
      const output = this.table.takeOutput();
      if (changed || output.actions.length > 0 || output.messages.length > 0) await this.flush(output);
    });
    return this.queue;
  }

  /** `action` run through `run`, or nothing once the room is closing: what every table timer calls. */
  private whileOpen(action: () => void): () => void {
    return () => {
      if (!this.closing) void this.run(action);
    };
  }

  /** Runs `action` after `ms` through `run`; dies with the room. With 0 ms it yields to I/O first. */
  private later(ms: number, action: () => void): Timer {
    const go = this.whileOpen(action);
    if (ms > 0) {
      const timer = setTimeout(go, ms);
      return { clear: () => clearTimeout(timer) };
    }
    const immediate = setImmediate(go);
    return { clear: () => clearImmediate(immediate) };
  }

  /** Writes what a call logged, then mirrors and sends it: nobody sees what a crash could lose. */
  private async flush(output: TableOutput): Promise<void> {
    /** Games this call stored: their ids go out only once the store has them. */
    const saved: string[] = [];
    // A game that ends and is not stored has no link, and must not show the previous game's.
    if (output.finished.length > 0) this.savedGameId = null;
    try {
      // One statement for the call (a move and its turn clock, say): half the commits of one per action, and all or nothing.
      if (output.actions.length > 0) await this.deps.store.append(this.tableId, output.actions.map(({ at, action }) => ({ seq: this.seq++, at, action })));
    } catch (error) {
      if (error instanceof LogConflictError) {
        // Another process wrote this place in the log: it runs the table now (this one stalled past its lease, or
        // it did). Nothing of this call is in the log, so nothing of it goes out: everyone is sent off as on a
        // restart, the lease goes back if this process still has it, and the table goes on from its log.
        this.log.warn({ err: error }, 'the table log moved on without this process: letting the table go');
        this.letGo();
        void this.deps.ownership.release(this.tableId);
        return;
      }
      // The table plays on from memory; a restart would lose what follows, so say so loudly.
      this.log.error({ err: error }, 'could not write the table log');
    }
    for (const game of output.finished) {
      const id = await this.history.keep(this.roomId, game);
      if (id !== null) saved.push(id);
    }
    if (this.closing && !this.shuttingDown) return;
    for (const seat of output.renewHands) this.mirror.renewHand(this.table, seat, this.viewOfSeat(seat));
    this.mirror.sync(this.table, (seat) => this.viewOfSeat(seat), this.clients.map((client) => client.view).filter((view) => view !== undefined));
    this.table.forgetView();
    this.broadcastPatch();
    for (const { to, message } of output.messages) this.deliver(to, message);
    for (const id of saved) {
      this.savedGameId = id;
      this.broadcast('gameSaved', { type: 'gameSaved', id } satisfies ServerMessage);
    }
    for (const { playerId, code } of output.disconnects) this.disconnectPlayer(playerId, code);
    if (output.close) {
      this.log.info('nobody came back after the restart');
      void this.disconnect(CloseCode.TableClosed);
      return;
    }
    void this.tableListing.refresh(this.table);
  }

  private viewOfSeat(seat: number): StateView | undefined {
    const holder = this.table.model.seats[seat];
    if (!holder || holder.kind !== SeatKind.Human) return undefined;
    return this.connections.get(holder.playerId)?.client?.view;
  }

  private deliver(to: TableOutput['messages'][number]['to'], message: ServerMessage): void {
    switch (to.kind) {
      case 'all':
        this.broadcast(message.type, message);
        return;
      case 'player': {
        const client = this.connections.get(to.playerId)?.client;
        if (client) this.sendTo(client, message);
        return;
      }
      case 'events':
        for (const connection of this.connections.values()) {
          if (connection.wantsEvents && connection.client) this.sendTo(connection.client, message);
        }
        return;
      default: {
        const unreachable: never = to;
        return unreachable;
      }
    }
  }

  private disconnectPlayer(playerId: string, code: CloseCode): void {
    const connection = this.connections.get(playerId);
    if (!connection) return;
    this.connections.delete(playerId);
    connection.generation++;
    connection.reconnection?.reject(new Error('removed'));
    connection.client?.leave(code, CLOSE_REASONS[code]);
  }

  private sendTo(client: TableClient, message: ServerMessage): void {
    client.send(message.type, message);
  }

  private sendError(client: TableClient, error: ProtocolError): void {
    this.sendTo(client, { type: 'error', code: error.code, message: error.message });
  }
}

/** The table room bound to its dependencies (config, games, tokens, logger, store). */
export function tableRoomWith(deps: TableDeps): new () => TableRoom {
  // Every table's patches end by emptying the schema's change sets instead of making new ones (see the module).
  reuseChangeSets();
  return class BoundTableRoom extends TableRoom {
    protected override readonly deps = deps;
  };
}
