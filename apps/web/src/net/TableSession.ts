import {
  CLOSE_REASONS, CloseCode, ErrorCode, Limits, PROTOCOL_VERSION, RoomName, createMoveClock, moveEventsBetween,
  ownHandDisagrees, snapshotFromState,
  type ChatHistoryMessage, type ChatLine, type ChatLineMessage, type ClientMessage, type CreateTableOptions,
  type ErrorMessage, type GameEventsMessage, type GameSavedMessage, type LogHistoryMessage, type MoveClock, type NoticeMessage, type TableSnapshot, type TableStateJson,
  type WelcomeMessage,
} from '@deckhand/protocol';
import { registerSerializer } from 'colyseus.js';
import type { Client, Room } from 'colyseus.js';
import { TABLE_SCHEMA_ID, TableStateSerializer } from '@deckhand/table-schema';
import { createSnapshotStore, toPlain, type SnapshotStore } from '../store/snapshotStore';
import { createValueStore, type ValueStore } from '../store/valueStore';
import { deviceId, type Guest } from './identity';
import { joinFailureText, KNOCK } from './joinFailure';

export { joinFailureText, KNOCK } from './joinFailure';
import { clearLog, loadLog, recordOf, saveLog, unheldFrom, type LogEntry, type LogRecord, type SavedLog } from './tableLog';

// Decodes with the page's own schema classes when the server leaves their description out of the handshake.
registerSerializer('schema', TableStateSerializer as unknown as Parameters<typeof registerSerializer>[1]);

export const ConnectionKind = {
  Connecting: 'connecting',
  Connected: 'connected',
  Reconnecting: 'reconnecting',
  Closed: 'closed',
} as const;
export type ConnectionKind = (typeof ConnectionKind)[keyof typeof ConnectionKind];

export type ConnectionState =
  | { readonly kind: typeof ConnectionKind.Connecting }
  | { readonly kind: typeof ConnectionKind.Connected }
  /** `since` is the local epoch ms of the drop; the banner counts from it. */
  | {
      readonly kind: typeof ConnectionKind.Reconnecting;
      readonly since: number;
      readonly attempt: number;
      /** When the server stops holding the seat (epoch ms). */
      readonly deadline: number;
      /** The server said it is restarting (4104); false for a connection that died without a word. */
      readonly restarting: boolean;
    }
  | { readonly kind: typeof ConnectionKind.Closed; readonly code: number | null; readonly message: string; readonly canRejoin: boolean };

/** A short message shown near the hand (illegal move, rate limit). */
export interface TableNotice {
  readonly id: number;
  readonly code: string;
  readonly text: string;
}

/** One line of the table's event log, already in words. */
export interface LogLine {
  readonly id: number;
  readonly text: string;
}

/** A move's events as read from the patches, for the log and for animations. */
export type EventsListener = (message: GameEventsMessage) => void;

/** Seconds the client keeps trying to get its seat back after a dropped connection. */
export const RECONNECT_GIVE_UP_SECONDS = 90;
const LOG_LIMIT = 60;
const CHAT_LIMIT = 100;

const RECONNECT_KEY = 'deckhand:reconnect:';

function saveReconnectToken(code: string, token: string): void {
  try {
    sessionStorage.setItem(RECONNECT_KEY + code, token);
  } catch {
    // Without storage a refresh falls back to rejoining by code.
  }
}

function loadReconnectToken(code: string): string | null {
  try {
    return sessionStorage.getItem(RECONNECT_KEY + code);
  } catch {
    return null;
  }
}

function clearReconnectToken(code: string): void {
  try {
    sessionStorage.removeItem(RECONNECT_KEY + code);
  } catch {
    // nothing saved
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One table as this tab sees it: the room connection, the immutable snapshot
 * store, and the client-side streams (chat, log, notices, connection state).
 * It survives reconnects: a new Room is attached to the same stores.
 */
export class TableSession {
  /** When this tab saw each move: a fresh turn timer counts down from there (the server does not resend it). */
  private readonly moveClock: MoveClock = createMoveClock();
  readonly table: SnapshotStore<TableSnapshot> = createSnapshotStore((state) =>
    snapshotFromState((toPlain(state) ?? {}) as TableStateJson, this.moveClock),
  );
  readonly connection: ValueStore<ConnectionState> = createValueStore<ConnectionState>({ kind: ConnectionKind.Connecting });
  readonly chat: ValueStore<readonly ChatLine[]> = createValueStore<readonly ChatLine[]>([]);
  readonly log: ValueStore<readonly LogLine[]> = createValueStore<readonly LogLine[]>([]);
  readonly notice: ValueStore<TableNotice | null> = createValueStore<TableNotice | null>(null);
  /** The history id of the game this table just finished, once the server has stored it (`gameSaved`); null from the next deal. */
  readonly savedGame: ValueStore<string | null> = createValueStore<string | null>(null);
  playerId: string;
  code = '';

  private room: Room | null = null;
  private detach: (() => void) | null = null;
  private leaving = false;
  /** The server's grace period for a dropped seat, from its welcome; until then the default. */
  private reconnectSeconds = 60;
  private nextId = 1;
  private readonly eventListeners = new Set<EventsListener>();
  /** Local epoch ms of the last `resync` sent; the server accepts one per `Limits.resyncIntervalMs`. */
  private lastResyncAt = 0;
  private logEntries: readonly LogEntry[] = [];
  /** The deal whose log `logEntries` holds ('' before the first state). */
  private logSeedHash = '';
  /** The log this tab kept before a reload, until the first state says whether it is of the same deal. */
  private savedLog: SavedLog | null = null;
  private describer: ((message: GameEventsMessage) => string[]) | null = null;

  /** Turns game events into log lines; set by the table screen, which knows the names. */
  get describeEvents(): ((message: GameEventsMessage) => string[]) | null {
    return this.describer;
  }
  set describeEvents(describe: ((message: GameEventsMessage) => string[]) | null) {
    this.describer = describe;
    this.publishLog();
  }

  constructor(
    private readonly client: Client,
    private readonly guest: Guest,
  ) {
    this.playerId = guest.playerId;
    // The server sends one patch per move, so two snapshots in a row tell what the move did.
    let previous: TableSnapshot | null = null;
    this.table.subscribe(() => {
      const next = this.table.getSnapshot();
      // A room decoding with the page's own classes holds an empty table until the full state arrives: nothing to read yet.
      if (next && next.code === '') return;
      const move = previous && next ? moveEventsBetween(previous, next) : null;
      if (next && !previous) this.restoreSavedLog(next.seedHash);
      // A new deal is a new game: the server starts its log history afresh, and so does the page.
      if (previous && next && next.seedHash !== '' && next.seedHash !== previous.seedHash) {
        this.logSeedHash = next.seedHash;
        this.setLog([]);
        this.savedGame.set(null);
      }
      previous = next;
      if (move) this.receiveEvents(move);
      // A hand that disagrees with the board's count would offer cards the seat does not hold: ask for it afresh.
      if (next && ownHandDisagrees(next)) this.askForFreshHand();
    });
  }

  /** Creates a table and sits at it as host. */
  async create(options: Omit<CreateTableOptions, 'token' | 'protocol'>): Promise<void> {
    const room = await this.client.create(RoomName.Table, { ...options, ...this.joinOptions() });
    this.adopt(room);
  }

  private joinOptions(): { token: string; protocol: number; device: string; schema: string } {
    // The page holds the table's schema classes: the join skips their description.
    return { token: this.guest.token, protocol: PROTOCOL_VERSION, device: deviceId(), schema: TABLE_SCHEMA_ID };
  }

  /**
   * Opens the table `code`: with this tab's saved reconnection token first (a
   * refresh keeps the seat and the cards), else by joining with the code. At
   * a locked table it calls `onKnocking` and knocks until the host answers
   * (or `stopKnocking` is called); a refusal throws like any failed join.
   */
  async open(code: string, onKnocking?: () => void): Promise<void> {
    this.code = code;
    this.savedLog = loadLog(code);
    const saved = loadReconnectToken(code);
    if (saved) {
      try {
        this.adopt(await this.client.reconnect(saved));
        return;
      } catch {
        clearReconnectToken(code);
      }
    }
    try {
      this.adopt(await this.client.joinById(code, this.joinOptions()));
    } catch (error) {
      if (joinFailureText(error).code !== KNOCK) throw error;
      onKnocking?.();
      await this.knock(code);
    }
  }

  private knocking = true;

  /** The person gave up waiting: the next answer is dropped (a late admission is left at once). */
  stopKnocking(): void {
    this.knocking = false;
  }

  /** Each knock waits up to the server's limit; the host not answering means knock again. */
  private async knock(code: string): Promise<void> {
    while (this.knocking) {
      try {
        const room = await this.client.joinById(code, { ...this.joinOptions(), knock: true });
        if (!this.knocking) {
          await room.leave(true).catch(() => undefined);
          return;
        }
        this.adopt(room);
        return;
      } catch (error) {
        if (joinFailureText(error).code !== KNOCK) throw error;
      }
    }
  }

  send(message: ClientMessage): void {
    if (!this.room || this.connection.get().kind !== ConnectionKind.Connected) {
      this.showNotice('OFFLINE', 'Not connected: waiting to reconnect.');
      return;
    }
    this.room.send(message.type, message);
  }

  private askForFreshHand(): void {
    const now = Date.now();
    if (!this.room || now - this.lastResyncAt < Limits.resyncIntervalMs) return;
    this.lastResyncAt = now;
    this.room.send('resync', { type: 'resync' });
  }

  onEvents(listener: EventsListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Leaves on purpose: the seat is given up and nothing tries to reconnect. */
  async leave(): Promise<void> {
    this.leaving = true;
    if (this.code) {
      clearReconnectToken(this.code);
      clearLog(this.code);
    }
    const room = this.room;
    this.dropRoom();
    this.table.reset();
    if (room) await room.leave(true).catch(() => undefined);
  }

  showNotice(code: string, text: string): void {
    this.notice.set({ id: this.nextId++, code, text });
  }

  private receiveEvents(message: GameEventsMessage): void {
    // A move the log history already told (it can arrive just before the patch that carries it) is not told twice.
    const told = this.logEntries.some((entry) => 'move' in entry && entry.move.moveNumber >= message.moveNumber);
    if (!told) this.setLog([...this.logEntries, { id: this.nextId++, move: message }]);
    for (const listener of this.eventListeners) listener(message);
  }

  private setLog(entries: readonly LogEntry[]): void {
    this.logEntries = entries.slice(-LOG_LIMIT);
    if (this.code) saveLog(this.code, { seedHash: this.logSeedHash, records: this.logEntries.map(recordOf) });
    this.publishLog();
  }

  private entriesOf(records: readonly LogRecord[]): LogEntry[] {
    return records.map((record) => (record.type === 'notice' ? { id: this.nextId++, text: record.text } : { id: this.nextId++, move: record }));
  }

  /** The first state after a reload: the log this tab kept comes back if it is of the same deal, before what arrived since. */
  private restoreSavedLog(seedHash: string): void {
    const saved = this.savedLog;
    this.savedLog = null;
    this.logSeedHash = seedHash;
    if (!saved || saved.seedHash !== seedHash) return;
    const since = this.logEntries.slice(unheldFrom(saved.records, this.logEntries.map(recordOf)));
    this.setLog([...this.entriesOf(saved.records), ...since]);
  }

  private publishLog(): void {
    const lines: LogLine[] = [];
    for (const entry of this.logEntries) {
      const texts = 'text' in entry ? [entry.text] : (this.describer?.(entry.move) ?? []);
      // Ids stay stable as entries come and go: one entry makes at most a few lines.
      texts.forEach((text, index) => lines.push({ id: entry.id * 100 + index, text }));
    }
    this.log.set(lines.slice(-LOG_LIMIT));
  }

  private adopt(room: Room): void {
    this.dropRoom();
    this.room = room;
    this.code = room.roomId;
    saveReconnectToken(room.roomId, room.reconnectionToken);
    // Every table has a code: a state without one is the empty one made at the join, before the full state comes.
    const detachState = this.table.attach(
      room as unknown as Parameters<SnapshotStore<TableSnapshot>['attach']>[0],
      (state) => (state as { code?: unknown }).code !== '',
    );

    room.onMessage('welcome', (message: WelcomeMessage) => {
      this.playerId = message.playerId;
      this.reconnectSeconds = message.reconnectSeconds;
    });
    room.onMessage('error', (message: ErrorMessage) => this.showNotice(message.code, message.message));
    room.onMessage('chat', (message: ChatLineMessage) => this.addChat([message.line]));
    room.onMessage('chatHistory', (message: ChatHistoryMessage) => this.addChat(message.lines));
    // The full move record at game over; the replay reads the stored game instead (`gameSaved`).
    room.onMessage('record', () => undefined);
    room.onMessage('gameSaved', (message: GameSavedMessage) => this.savedGame.set(message.id));
    room.onMessage('notice', (message: NoticeMessage) => this.setLog([...this.logEntries, { id: this.nextId++, text: message.text }]));
    // On join, the last few entries; after a reconnect, what was added while this tab was away.
    room.onMessage('logHistory', (message: LogHistoryMessage) =>
      this.setLog([...this.logEntries, ...this.entriesOf(message.entries.slice(unheldFrom(this.logEntries.map(recordOf), message.entries)))]),
    );
    room.onError((code, message) => this.showNotice(String(code), message ?? 'Server error.'));
    room.onLeave((code, reason) => this.handleLeave(room, code, reason));

    this.detach = () => {
      detachState();
      room.removeAllListeners();
    };
    this.connection.set({ kind: ConnectionKind.Connected });
  }

  private dropRoom(): void {
    this.detach?.();
    this.detach = null;
    this.room = null;
  }

  private addChat(lines: readonly ChatLine[]): void {
    this.chat.set((prev) => {
      const known = new Set(prev.map((line) => line.id));
      const fresh = lines.filter((line) => !known.has(line.id));
      if (fresh.length === 0) return prev;
      return [...prev, ...fresh].sort((a, b) => a.id - b.id).slice(-CHAT_LIMIT);
    });
  }

  private handleLeave(room: Room, code: number, reason: string | undefined): void {
    if (room !== this.room || this.leaving) return;
    this.dropRoom();
    if (code === CloseCode.ServerShutdown) {
      // The server keeps every table through a restart: rejoin by code, no token (it died with the process).
      void this.reconnect(null, true);
      return;
    }
    const closedReason = (CLOSE_REASONS as Readonly<Record<number, string>>)[code];
    if (closedReason !== undefined) {
      clearReconnectToken(this.code);
      this.connection.set({
        kind: ConnectionKind.Closed,
        code,
        message: closedReason,
        // From another tab the player may come back on purpose.
        canRejoin: code === CloseCode.TakenOver,
      });
      return;
    }
    if (code === 1000 || code === 4000) {
      // Not our leave (that sets `leaving`): the server closed the room.
      this.connection.set({ kind: ConnectionKind.Closed, code, message: reason || 'The table was closed.', canRejoin: false });
      return;
    }
    // An abnormal close: a network drop, or a server that died and is coming back (the same retries serve both).
    void this.reconnect(room.reconnectionToken, false);
  }

  /**
   * Gets the seat back after a dropped connection: the reconnection token
   * first when there is one (the server may not have noticed the drop yet, so
   * retry with backoff), then rejoining by code with the guest identity. A
   * restarting server (told, or a crash that looked like a drop) answers
   * nothing, then "no such table" for a moment while it restores its tables
   * from its log: both are retried until the give-up time.
   */
  private async reconnect(token: string | null, toldRestarting: boolean): Promise<void> {
    const since = Date.now();
    let restarting = toldRestarting;
    // A dropped socket to a live server gets its seat back at once; a server out of reach while this
    // device is online has gone away (a crash or a deploy), and comes back with the tables from its log.
    const noteFailure = (error: unknown) => {
      if (joinFailureText(error).code === 'OFFLINE' && navigator.onLine !== false) restarting = true;
    };
    for (let attempt = 1; !this.leaving; attempt++) {
      this.connection.set({
        kind: ConnectionKind.Reconnecting, since, attempt, deadline: since + this.reconnectSeconds * 1000, restarting,
      });
      await sleep(Math.min(500 * 2 ** (attempt - 1), 4000));
      if (this.leaving) return;
      if (token !== null) {
        try {
          this.adopt(await this.client.reconnect(token));
          return;
        } catch (error) {
          // Token refused: after a few tries the seat may still be ours by identity.
          noteFailure(error);
        }
      }
      if (token === null || attempt >= 3) {
        try {
          this.adopt(await this.client.joinById(this.code, this.joinOptions()));
          return;
        } catch (error) {
          noteFailure(error);
          const failure = joinFailureText(error);
          const retry = failure.code === 'OFFLINE' || failure.code === '' || failure.code === ErrorCode.NoSuchTable;
          if (!retry) {
            this.connection.set({ kind: ConnectionKind.Closed, code: null, message: failure.text, canRejoin: false });
            return;
          }
        }
      }
      if (Date.now() - since > RECONNECT_GIVE_UP_SECONDS * 1000) {
        this.connection.set({
          kind: ConnectionKind.Closed,
          code: null,
          message: 'The connection to the table was lost.',
          canRejoin: true,
        });
        return;
      }
    }
  }
}
