/**
 * One table: seats, spectators, host controls, the game, timers and hidden
 * hands. The room is an adapter: it validates shapes, calls the rules, mirrors
 * the result into schema and schedules timers. No game rule lives here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Protocol, Room, ServerError, updateLobby } from '@colyseus/core';
import type { Client, ClientPrivate, Deferred } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import * as v from 'valibot';
import type { Logger } from 'pino';
import { Rng } from '@deckhand/rules';
import type { AnyGame, EventBase, MoveBase, OptionValue, Seat } from '@deckhand/rules';
import {
  BotLevel, CLOSE_REASONS, CODE_ALPHABET, CloseCode, CreateTableOptionsSchema, DEFAULT_TURN_SECONDS, ErrorCode,
  JoinErrorCode, Limits, PROTOCOL_VERSION, SeatKind, TablePhase, Visibility, parseClientMessage,
} from '@deckhand/protocol';
import type {
  ChatLine, ClientMessage, GameEventsMessage, GameRecordMessage, ProtocolError, ServerMessage, TurnSeconds,
} from '@deckhand/protocol';
import type { BotThinking } from './BotPool';
import type { SearchRequest } from './botSearch';
import type { ServerConfig } from './config';
import type { GuestIdentity, GuestTokens } from './guestTokens';
import { botMove, isSummaryWait } from './botMoves';
import { clearRecord, mirrorList, mirrorRecord } from './mirror';
import { PrivateState, SeatState, SpectatorState, TableState } from './TableState';
import type { NumberList } from './TableState';
import { RecentLog } from './RecentLog';
import { TokenBucket } from './TokenBucket';

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

export interface TableDeps {
  readonly config: ServerConfig;
  readonly games: readonly AnyGame[];
  readonly tokens: GuestTokens;
  readonly logger: Logger;
  /** Where hard bots search, off the main thread. */
  readonly bots: BotThinking;
  readonly observer?: TableObserver;
}

/** What the lobby lists for a public table. */
export interface TableMetadata {
  readonly gameId: string;
  readonly gameName: string;
  readonly hostName: string;
  readonly seatsTaken: number;
  readonly seatsTotal: number;
  readonly phase: TablePhase;
  readonly visibility: Visibility;
}

/** Presence hash of allocated join codes, shared by every process using the same presence. */
const CODES_KEY = 'deckhand:table-codes';

type TableClient = Client<unknown, GuestIdentity>;
type ActedBy = GameEventsMessage['by'];

/** A hard bot's search in flight; null answers mean it failed. */
interface PendingSearch {
  /** The `position` it was asked about: an answer for any other is dropped. */
  readonly position: number;
  readonly answer: Promise<MoveBase | null>;
}

/** A connected (or reconnecting) person at the table: seated or watching. */
interface Member {
  readonly playerId: string;
  name: string;
  client: TableClient | null;
  /** Bumped on every (re)attach so a stale leave or reconnection does nothing. */
  generation: number;
  reconnection: Deferred<TableClient> | null;
  readonly bucket: TokenBucket;
  readonly chatBucket: TokenBucket;
  /** The client asked for per-move `events` messages (`events: true`); others read them from the patches. */
  wantsEvents: boolean;
  drops: number;
  dropWindowStart: number;
  lastRateErrorAt: number;
}

function randomCode(): string {
  const bytes = randomBytes(Limits.codeLength);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

function fail(code: string, message: string): ProtocolError {
  return { code, message };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export class TableRoom extends Room<TableState, TableMetadata> {
  /** Set by `tableRoomWith`: Colyseus constructs rooms without arguments. */
  declare protected readonly deps: TableDeps;

  override state = new TableState();
  override autoDispose = true;
  /**
   * No patch interval: every path that changes the state or a view sends its
   * patch at once (`applyMove`, `afterChange`), so a timer ticking 20 times a
   * second per table would only find nothing to send. 0 turns it off.
   */
  override patchRate = 0;

  private log!: Logger;
  private game!: AnyGame;
  /** The host's explicit option choices; defaults fill the rest for the seat count. */
  private optionInput: Record<string, OptionValue> = {};
  private options: Record<string, OptionValue> = {};
  private gameState: unknown = null;
  private seed = '';
  private moves: { seat: Seat; move: MoveBase }[] = [];
  private readonly members = new Map<string, Member>();
  private readonly banned = new Set<string>();
  private readonly chat: ChatLine[] = [];
  private chatId = 0;
  /** Bot choices draw from the server's own randomness, never from the game's seed. */
  private readonly botRng = Rng.fromSeed(randomBytes(16).toString('hex'));
  /** Bumped at every change of the game (a move, a deal, its end), so a search answers one position only. */
  private position = 0;
  private readonly searches = new Map<Seat, PendingSearch>();
  private turnTimer: { clear(): void } | null = null;
  private readonly autoTimers = new Map<Seat, { clear(): void }>();
  private waitingHumans = new Set<Seat>();
  private unseenLists: { seat: Seat; list: NumberList }[] = [];
  private waitingSummary = false;
  private codeClaimed = false;
  /** Games dealt at this table; part of the private map's keys. */
  private deals = 0;
  /** The current game's public log, for whoever joins or reconnects mid-game. */
  private readonly recentLog = new RecentLog();
  private closing = false;

  // ---------------------------------------------------------------- lifecycle

  override async onCreate(rawOptions: unknown): Promise<void> {
    const parsed = v.safeParse(CreateTableOptionsSchema, rawOptions);
    if (!parsed.success) {
      throw new ServerError(JoinErrorCode.BadRequest, `Cannot create the table: ${parsed.issues[0]?.message ?? 'bad options'}.`);
    }
    const request = parsed.output;
    if (request.protocol !== undefined && request.protocol !== PROTOCOL_VERSION) {
      throw new ServerError(JoinErrorCode.ProtocolMismatch, 'This page is out of date: reload it to play.');
    }
    const game = this.deps.games.find((candidate) => candidate.id === request.gameId);
    if (!game) throw new ServerError(JoinErrorCode.NoSuchGame, `There is no game "${request.gameId}".`);
    const seatCount = clamp(request.seatCount ?? Math.min(4, game.maxSeats), game.minSeats, game.maxSeats);
    const options = game.parseOptions(request.options ?? {}, seatCount);
    if (!options.ok) throw new ServerError(JoinErrorCode.BadRequest, options.error.message);

    this.roomId = await this.claimCode();
    this.log = this.deps.logger.child({ table: this.roomId });
    this.game = game;
    this.optionInput = { ...(request.options ?? {}) };
    this.options = options.value as Record<string, OptionValue>;

    const state = this.state;
    state.code = this.roomId;
    state.gameId = game.id;
    mirrorRecord(state.options, this.options);
    state.visibility = request.visibility ?? Visibility.Private;
    state.maxSpectators = this.deps.config.maxSpectators;
    state.turnSeconds = request.turnSeconds ?? DEFAULT_TURN_SECONDS;
    for (let index = 0; index < seatCount; index++) state.seats.push(new SeatState());

    if (state.visibility === Visibility.Private) await this.setPrivate(true);
    await this.refreshListing();
    this.onMessage('*', (client, type, payload) => this.receive(client as TableClient, type, payload));
    this.log.info({ game: game.id, visibility: state.visibility }, 'table created');
  }

  override async onAuth(_client: TableClient, options: unknown): Promise<GuestIdentity> {
    const token = typeof options === 'object' && options !== null ? (options as { token?: unknown }).token : undefined;
    const protocol = typeof options === 'object' && options !== null ? (options as { protocol?: unknown }).protocol : undefined;
    if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
      throw new ServerError(JoinErrorCode.ProtocolMismatch, 'This page is out of date: reload it to play.');
    }
    const identity = await this.deps.tokens.verify(token);
    if (!identity) throw new ServerError(JoinErrorCode.BadToken, 'Your guest pass is missing or expired: choose a name again.');
    if (this.banned.has(identity.playerId)) throw new ServerError(JoinErrorCode.Banned, CLOSE_REASONS[CloseCode.Kicked]);
    const known = this.members.has(identity.playerId) || this.seatOf(identity.playerId) !== null;
    const spectate = typeof options === 'object' && options !== null && (options as { spectate?: unknown }).spectate === true;
    if (!known && (spectate || !this.hasFreeSeat()) && this.state.spectators.size >= this.state.maxSpectators) {
      throw new ServerError(JoinErrorCode.TableFull, 'This table is full.');
    }
    return identity;
  }

  override onJoin(client: TableClient, options: unknown, identity: GuestIdentity): void {
    client.view = new StateView();
    const now = Date.now();
    let member = this.members.get(identity.playerId);
    if (member) {
      const previous = member.client;
      member.generation++;
      member.client = client;
      if (member.reconnection) {
        // A fresh join wins over a pending reconnection of the same identity.
        member.reconnection.reject(new Error('taken over'));
        member.reconnection = null;
      }
      if (previous && previous !== client) {
        this.log.info({ player: identity.playerId }, 'taken over by another connection');
        previous.leave(CloseCode.TakenOver, CLOSE_REASONS[CloseCode.TakenOver]);
      }
    } else {
      member = {
        playerId: identity.playerId,
        name: identity.name,
        client,
        generation: 0,
        reconnection: null,
        bucket: new TokenBucket(this.deps.config.ratePerSecond, this.deps.config.rateBurst, now),
        chatBucket: new TokenBucket(Limits.chatPerSecond, Limits.chatBurst, now),
        wantsEvents: false,
        drops: 0,
        dropWindowStart: now,
        lastRateErrorAt: 0,
      };
      this.members.set(identity.playerId, member);
    }
    member.name = identity.name;
    member.wantsEvents = typeof options === 'object' && options !== null && (options as { events?: unknown }).events === true;

    const spectate = typeof options === 'object' && options !== null && (options as { spectate?: unknown }).spectate === true;
    let seat = this.seatOf(identity.playerId);
    if (seat === null && !spectate && this.state.phase === TablePhase.Lobby) {
      const free = this.state.seats.findIndex((candidate) => candidate.kind === SeatKind.Empty);
      if (free >= 0) {
        seat = free;
        this.occupySeat(free, identity);
      }
    }
    if (seat !== null) {
      this.attachSeat(seat, member);
    } else if (!this.state.spectators.has(identity.playerId)) {
      const spectator = new SpectatorState();
      spectator.name = identity.name;
      spectator.connected = true;
      this.state.spectators.set(identity.playerId, spectator);
    } else {
      this.state.spectators.get(identity.playerId)!.connected = true;
    }
    if (this.state.hostId === '') this.state.hostId = identity.playerId;

    this.sendTo(client, {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      playerId: identity.playerId,
      code: this.roomId,
      reconnectSeconds: this.deps.config.reconnectSeconds,
    });
    this.sendTo(client, { type: 'chatHistory', lines: this.chat });
    this.sendTo(client, this.recentLog.message());
    this.notice(`${identity.name} joined${seat === null ? ' as a spectator' : ''}.`);
    this.log.info({ player: identity.playerId, seat }, 'joined');
    this.afterChange();
  }

  override async onLeave(client: TableClient, consented: boolean): Promise<void> {
    const identity = client.auth;
    const member = identity ? this.members.get(identity.playerId) : undefined;
    if (!member || member.client !== client) return;
    if (consented || this.closing) {
      this.depart(member, 'left');
      return;
    }
    // A drop: hold the seat for the grace period. allowReconnection must come before any await.
    const generation = ++member.generation;
    const reconnection = this.allowReconnection(client, this.deps.config.reconnectSeconds) as Deferred<TableClient>;
    member.client = null;
    member.reconnection = reconnection;
    const seat = this.seatOf(member.playerId);
    if (seat !== null) {
      const seatState = this.state.seats[seat]!;
      seatState.connected = false;
      seatState.reconnectDeadline = Date.now() + this.deps.config.reconnectSeconds * 1000;
    }
    this.state.spectators.get(member.playerId)?.assign({ connected: false });
    this.log.info({ player: member.playerId, seat }, 'connection lost; holding the seat');
    this.afterChange();
    try {
      const back = await reconnection;
      if (member.generation !== generation) return;
      member.generation++;
      member.client = back;
      member.reconnection = null;
      // What happened while the connection was down (the client's log replaces itself with this).
      this.sendTo(back, this.recentLog.message());
      const again = this.seatOf(member.playerId);
      if (again !== null) this.attachSeat(again, member);
      this.state.spectators.get(member.playerId)?.assign({ connected: true });
      this.log.info({ player: member.playerId, seat: again }, 'reconnected');
      this.afterChange();
    } catch {
      if (member.generation !== generation) return;
      member.reconnection = null;
      this.depart(member, 'timeout');
    }
  }

  override onBeforeShutdown(): void {
    this.notice(CLOSE_REASONS[CloseCode.ServerShutdown]);
    this.closing = true;
    this.clearTimers();
    void this.disconnect(CloseCode.ServerShutdown);
  }

  override async onDispose(): Promise<void> {
    this.closing = true;
    this.clearTimers();
    if (this.codeClaimed) await this.presence.hdel(CODES_KEY, this.roomId);
    this.log?.info('table closed');
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
      if (!this.admit(client as TableClient, buffer.byteLength)) return;
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

  /** Rate limit and size cap, checked on the raw bytes before anything is decoded. */
  private admit(client: TableClient, bytes: number): boolean {
    const identity = client.auth;
    const member = identity ? this.members.get(identity.playerId) : undefined;
    if (!member || member.client !== client || this.closing) return false;
    const now = Date.now();
    if (!member.bucket.take(now)) {
      this.rateLimited(member, client, now);
      return false;
    }
    if (bytes > Limits.messageBytes) {
      this.sendError(client, fail(ErrorCode.MessageTooLarge, `Messages are limited to ${Limits.messageBytes} bytes.`));
      return false;
    }
    return true;
  }

  private receive(client: TableClient, type: string | number, payload: unknown): void {
    const identity = client.auth;
    const member = identity ? this.members.get(identity.playerId) : undefined;
    if (!member || member.client !== client || this.closing) return;
    const parsed = parseClientMessage(type, payload);
    if (!parsed.ok) {
      this.sendError(client, parsed.error);
      return;
    }
    const seat = this.seatOf(member.playerId);
    if (seat !== null && parsed.value.type !== 'chat') this.markPresent(seat);
    let error: ProtocolError | null;
    try {
      error = this.handle(member, parsed.value);
    } catch (problem) {
      // A bug, not bad input: keep the table alive and tell the sender something went wrong.
      this.log.error({ err: problem, message: parsed.value }, 'message handler failed');
      error = fail(ErrorCode.BadMessage, 'The server could not handle that message.');
    }
    if (error) this.sendError(client, error);
    this.afterChange();
  }

  private rateLimited(member: Member, client: TableClient, now: number): void {
    if (now - member.dropWindowStart > Limits.floodWindowMs) {
      member.dropWindowStart = now;
      member.drops = 0;
    }
    member.drops++;
    if (member.drops > Limits.floodDrops) {
      this.log.warn({ player: member.playerId }, 'flooding: disconnected');
      client.leave(CloseCode.Flooding, CLOSE_REASONS[CloseCode.Flooding]);
      return;
    }
    // One error a second is enough to explain the drops without echoing a flood.
    if (now - member.lastRateErrorAt >= 1000) {
      member.lastRateErrorAt = now;
      this.sendError(client, fail(ErrorCode.RateLimited, 'Too many messages: slow down.'));
    }
  }

  private handle(member: Member, message: ClientMessage): ProtocolError | null {
    switch (message.type) {
      case 'configure':
        return this.requireHostInLobby(member) ?? this.configure(message);
      case 'addBot':
        return this.requireHostInLobby(member) ?? this.addBot(message.seat, message.level);
      case 'removeBot':
        return this.requireHostInLobby(member) ?? this.removeBot(message.seat);
      case 'kick':
        return this.requireHost(member) ?? this.kick(member, message.playerId);
      case 'start':
        return this.requireHostInLobby(member) ?? this.start();
      case 'rematch':
        return this.requireHost(member) ?? this.rematch();
      case 'toLobby':
        return this.requireHost(member) ?? this.toLobby();
      case 'sit':
        return this.sit(member, message.seat);
      case 'stand':
        return this.stand(member);
      case 'getRecord':
        return this.sendRecord(member);
      case 'move':
        return this.playerMove(member, message.move);
      case 'chat':
        return this.say(member, message.text);
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private requireHost(member: Member): ProtocolError | null {
    return member.playerId === this.state.hostId ? null : fail(ErrorCode.NotHost, 'Only the host can do that.');
  }

  private requireHostInLobby(member: Member): ProtocolError | null {
    return this.requireHost(member) ?? this.requirePhase(TablePhase.Lobby, 'before the game starts');
  }

  private requirePhase(phase: TablePhase, when: string): ProtocolError | null {
    return this.state.phase === phase ? null : fail(ErrorCode.TablePhase, `That is only possible ${when}.`);
  }

  // ---------------------------------------------------------------- host controls

  private configure(message: Extract<ClientMessage, { type: 'configure' }>): ProtocolError | null {
    let game = this.game;
    let optionInput = this.optionInput;
    if (message.gameId !== undefined && message.gameId !== game.id) {
      const next = this.deps.games.find((candidate) => candidate.id === message.gameId);
      if (!next) return fail(ErrorCode.NoSuchGame, `There is no game "${message.gameId}".`);
      game = next;
      optionInput = {};
    }
    if (message.options) optionInput = { ...optionInput, ...message.options };
    const seatCount = message.seatCount ?? clamp(this.state.seats.length, game.minSeats, game.maxSeats);
    if (seatCount < game.minSeats || seatCount > game.maxSeats) {
      return fail(ErrorCode.InvalidOptions, `${game.name} is played by ${game.minSeats} to ${game.maxSeats} players.`);
    }
    for (let index = seatCount; index < this.state.seats.length; index++) {
      if (this.state.seats[index]!.kind !== SeatKind.Empty) {
        return fail(ErrorCode.SeatTaken, `Seat ${index + 1} is taken: free it before removing seats.`);
      }
    }
    const options = game.parseOptions(optionInput, seatCount);
    if (!options.ok) return fail(ErrorCode.InvalidOptions, options.error.message);

    this.game = game;
    this.optionInput = optionInput;
    this.options = options.value as Record<string, OptionValue>;
    this.state.gameId = game.id;
    mirrorRecord(this.state.options, this.options);
    while (this.state.seats.length > seatCount) this.state.seats.pop();
    while (this.state.seats.length < seatCount) this.state.seats.push(new SeatState());
    if (message.turnSeconds !== undefined) this.state.turnSeconds = message.turnSeconds satisfies TurnSeconds;
    if (message.visibility !== undefined && message.visibility !== this.state.visibility) {
      this.state.visibility = message.visibility;
      const hidden = message.visibility === Visibility.Private;
      void this.setPrivate(hidden).then(() => updateLobby(this, hidden));
    }
    return null;
  }

  private addBot(seat: Seat, level: BotLevel): ProtocolError | null {
    const target = this.state.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Empty) return fail(ErrorCode.SeatTaken, `Seat ${seat + 1} is taken.`);
    this.makeBot(seat, level);
    return null;
  }

  private makeBot(seat: Seat, level: BotLevel): void {
    this.state.seats[seat]!.assign({
      playerId: '', name: `Bot ${seat + 1}`, kind: SeatKind.Bot, botLevel: level, connected: true,
      reconnectDeadline: 0, away: false, timeouts: 0,
    });
  }

  private removeBot(seat: Seat): ProtocolError | null {
    const target = this.state.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Bot) return fail(ErrorCode.NotABot, `Seat ${seat + 1} holds no bot.`);
    this.emptySeat(seat);
    return null;
  }

  private kick(host: Member, playerId: string): ProtocolError | null {
    if (playerId === host.playerId) return fail(ErrorCode.NoSuchPlayer, 'You cannot kick yourself.');
    const member = this.members.get(playerId);
    const seat = this.seatOf(playerId);
    if (!member && seat === null && !this.state.spectators.has(playerId)) {
      return fail(ErrorCode.NoSuchPlayer, 'That player is not at this table.');
    }
    this.banned.add(playerId);
    const name = member?.name ?? (seat !== null ? this.state.seats[seat]!.name : 'A player');
    if (seat !== null) {
      // Mid-game the seat cannot be emptied: a bot finishes the kicked player's game.
      if (this.state.phase === TablePhase.Lobby) this.emptySeat(seat);
      else this.makeBot(seat, BotLevel.Normal);
    }
    this.state.spectators.delete(playerId);
    if (member) {
      member.generation++;
      member.reconnection?.reject(new Error('kicked'));
      member.reconnection = null;
      this.members.delete(playerId);
      member.client?.leave(CloseCode.Kicked, CLOSE_REASONS[CloseCode.Kicked]);
    }
    this.notice(`${name} was removed by the host.`);
    this.log.info({ player: playerId }, 'kicked');
    return null;
  }

  private start(): ProtocolError | null {
    const taken = this.state.seats.filter((seat) => seat.kind !== SeatKind.Empty).length;
    if (taken < this.game.minSeats) {
      return fail(ErrorCode.NotEnoughPlayers, `${this.game.name} needs at least ${this.game.minSeats} players (players or bots).`);
    }
    const options = this.game.parseOptions(this.optionInput, taken);
    if (!options.ok) return fail(ErrorCode.InvalidOptions, options.error.message);
    // Empty seats are dropped so the game is dealt for the seats that play.
    for (let index = this.state.seats.length - 1; index >= 0; index--) {
      if (this.state.seats[index]!.kind === SeatKind.Empty) this.state.seats.splice(index, 1);
    }
    this.options = options.value as Record<string, OptionValue>;
    mirrorRecord(this.state.options, this.options);
    this.deal();
    return null;
  }

  private rematch(): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.GameOver, 'once the game is over');
    if (phase) return phase;
    this.deal();
    return null;
  }

  private toLobby(): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.GameOver, 'once the game is over');
    if (phase) return phase;
    this.endGameState(true);
    this.state.phase = TablePhase.Lobby;
    // Players who left during the game give their seats back.
    this.state.seats.forEach((seat, index) => {
      if (seat.kind === SeatKind.Human && !this.members.has(seat.playerId)) this.emptySeat(index);
    });
    return null;
  }

  private sit(member: Member, seat: Seat): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.Lobby, 'between games');
    if (phase) return phase;
    const target = this.state.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Empty) return fail(ErrorCode.SeatTaken, `Seat ${seat + 1} is taken.`);
    const current = this.seatOf(member.playerId);
    if (current !== null) this.emptySeat(current);
    this.state.spectators.delete(member.playerId);
    this.occupySeat(seat, member);
    this.attachSeat(seat, member);
    return null;
  }

  private stand(member: Member): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.Lobby, 'between games');
    if (phase) return phase;
    const current = this.seatOf(member.playerId);
    if (current === null) return fail(ErrorCode.NotSeated, 'You are not seated.');
    if (this.state.spectators.size >= this.state.maxSpectators) return fail(ErrorCode.TableFull, 'The spectator gallery is full.');
    this.emptySeat(current);
    const spectator = new SpectatorState();
    spectator.name = member.name;
    spectator.connected = member.client !== null;
    this.state.spectators.set(member.playerId, spectator);
    return null;
  }

  private say(member: Member, raw: string): ProtocolError | null {
    if (!member.chatBucket.take(Date.now())) return fail(ErrorCode.RateLimited, 'You are chatting too fast.');
    // eslint-disable-next-line no-control-regex
    const text = raw.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
    if (text.length === 0) return fail(ErrorCode.BadChat, 'The message is empty.');
    if ([...text].length > Limits.chatMax) return fail(ErrorCode.BadChat, `Chat messages are limited to ${Limits.chatMax} characters.`);
    const line: ChatLine = {
      id: ++this.chatId,
      seat: this.seatOf(member.playerId),
      playerId: member.playerId,
      name: member.name,
      text,
      at: Date.now(),
    };
    this.chat.push(line);
    if (this.chat.length > Limits.chatHistory) this.chat.shift();
    this.broadcastMessage({ type: 'chat', line });
    return null;
  }

  // ---------------------------------------------------------------- the game

  private sendRecord(member: Member): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.GameOver, 'once the game is over');
    if (phase) return phase;
    const record: GameRecordMessage = {
      type: 'record',
      gameId: this.game.id,
      seed: this.seed,
      seedHash: this.state.seedHash,
      seats: this.state.seats.length,
      options: this.options,
      moves: this.moves,
    };
    if (member.client) this.sendTo(member.client, record);
    return null;
  }

  private playerMove(member: Member, move: MoveBase): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.Playing, 'during a game');
    if (phase) return phase;
    const seat = this.seatOf(member.playerId);
    if (seat === null) return fail(ErrorCode.NotSeated, 'Spectators cannot play.');
    return this.applyMove(seat, move, 'player');
  }

  private deal(): void {
    // The board is not cleared here: deleting and re-adding a map key in one
    // patch breaks MapSchema in schema 3.0.x; the mirror replaces it in place.
    this.endGameState(false);
    this.recentLog.clear();
    this.deals++;
    this.seed = randomBytes(16).toString('hex');
    this.moves = [];
    const seats = this.state.seats.length;
    this.gameState = this.game.setup({ seed: this.seed, seats, options: this.options });
    this.position++;
    this.state.seedHash = createHash('sha256').update(this.seed).digest('hex');
    this.state.seed = '';
    this.state.phase = TablePhase.Playing;
    this.state.seats.forEach((seat) => seat.assign({ timeouts: 0 }));
    for (let index = 0; index < seats; index++) {
      const hand = new PrivateState();
      hand.seat = index;
      this.state.hands.set(this.handKey(index), hand);
    }
    this.mirrorGame();
    // Added after the first mirror so the view takes the hand with everything in it.
    for (let index = 0; index < seats; index++) {
      const holder = this.state.seats[index]!;
      const client = holder.kind === SeatKind.Human ? this.members.get(holder.playerId)?.client : null;
      if (client) client.view?.add(this.state.hands.get(this.handKey(index))!);
    }
    this.deps.observer?.onDeal?.(this.roomId, this.game, this.gameState);
    this.log.info({ seats, seedHash: this.state.seedHash }, 'game started');
    this.schedule();
  }

  /**
   * Keys of the private map are new for every deal, so a rematch never
   * deletes and re-adds the same key in one patch (see `deal`).
   */
  private handKey(seat: Seat): string {
    return `${this.deals}:${seat}`;
  }

  /** Forgets the previous game's private parts; views drop the old instances with them. */
  private endGameState(clearBoard: boolean): void {
    this.clearTimers();
    for (const [key, hand] of [...this.state.hands.entries()]) {
      for (const client of this.clients) client.view?.remove(hand);
      this.state.hands.delete(key);
    }
    this.unseenLists = [];
    this.gameState = null;
    this.position++;
    this.searches.clear();
    if (clearBoard) clearRecord(this.state.board);
    mirrorList(this.state.outcome.scores, []);
    mirrorList(this.state.outcome.winners, []);
    mirrorList(this.state.outcome.ranking, []);
    this.state.deadline = 0;
    this.state.handNumber = 0;
    this.state.moveNumber = 0;
    this.state.lastSeat = -1;
    this.state.lastBy = '';
    this.state.seedHash = '';
    this.state.seed = '';
  }

  private applyMove(seat: Seat, move: MoveBase, by: ActedBy): ProtocolError | null {
    if (this.gameState === null) return fail(ErrorCode.TablePhase, 'No game is running.');
    let result: ReturnType<AnyGame['apply']>;
    try {
      result = this.game.apply(this.gameState, seat, move);
    } catch (problem) {
      // The rules promise never to throw on bad input; if they do, the move is refused and logged.
      this.log.error({ err: problem, seat, move }, 'rules threw on a move');
      return fail(ErrorCode.BadMessage, 'That move could not be read.');
    }
    if (!result.ok) return { code: result.error.code, message: result.error.message };
    this.gameState = result.state;
    this.position++;
    this.moves.push({ seat, move });
    const events: GameEventsMessage = {
      type: 'events', moveNumber: this.moves.length, handNumber: this.state.handNumber, seat, by, events: result.events,
    };
    this.recentLog.add(events);
    for (const member of this.members.values()) {
      if (member.wantsEvents && member.client) this.sendTo(member.client, events);
    }
    this.state.moveNumber = this.moves.length;
    this.state.lastSeat = seat;
    this.state.lastBy = by;
    this.mirrorGame();
    if (this.game.outcome(this.gameState) !== null) this.finish();
    else this.schedule();
    // One patch per move: clients see every step, and no map key is deleted and re-added within a patch.
    if (!this.closing) this.broadcastPatch();
    this.deps.observer?.onMove?.(this.roomId, {
      game: this.game, state: this.gameState, seat, move, events: result.events, moveNumber: this.moves.length,
    });
    return null;
  }

  private mirrorGame(): void {
    const state = this.gameState;
    if (state === null) return;
    const board = this.game.view(state, null).public;
    mirrorRecord(this.state.board, board);
    for (let seat = 0; seat < this.state.seats.length; seat++) {
      const hand = this.state.hands.get(this.handKey(seat));
      if (!hand) continue;
      const view = this.ownerView(seat);
      mirrorRecord(hand, this.game.view(state, seat).private ?? {}, (list) => {
        if (view?.has(hand)) view.add(list);
        else this.unseenLists.push({ seat, list });
      });
    }
    const handNumber = (board as Record<string, unknown>)['handNumber'];
    this.state.handNumber = typeof handNumber === 'number' ? handNumber : 1;
  }

  private finish(): void {
    const outcome = this.game.outcome(this.gameState)!;
    this.clearTimers();
    this.state.deadline = 0;
    this.waitingHumans = new Set();
    mirrorList(this.state.outcome.scores, outcome.scores);
    mirrorList(this.state.outcome.winners, outcome.winners);
    mirrorList(this.state.outcome.ranking, outcome.ranking);
    this.state.phase = TablePhase.GameOver;
    this.state.seed = this.seed;
    this.log.info({ scores: outcome.scores, winners: outcome.winners, moves: this.moves.length }, 'game over');
  }

  // ---------------------------------------------------------------- timers

  private clearTimers(): void {
    this.turnTimer?.clear();
    this.turnTimer = null;
    for (const timer of this.autoTimers.values()) timer.clear();
    this.autoTimers.clear();
  }

  /**
   * After every change in a game: bots and away seats act after the bot
   * delay; humans get a deadline (the turn timer, or the hand summary's).
   */
  private schedule(): void {
    for (const timer of this.autoTimers.values()) timer.clear();
    this.autoTimers.clear();
    if (this.state.phase !== TablePhase.Playing || this.gameState === null || this.closing) {
      this.turnTimer?.clear();
      this.turnTimer = null;
      this.state.deadline = 0;
      return;
    }
    const active = this.game.activeSeats(this.gameState);
    const summary = isSummaryWait(this.game, this.gameState, active);
    const humans: Seat[] = [];
    for (const seat of active) {
      const holder = this.state.seats[seat]!;
      if (holder.kind === SeatKind.Bot || holder.away) this.autoPlayLater(seat);
      else humans.push(seat);
    }
    const keep =
      this.state.deadline > 0 && this.turnTimer !== null && summary === this.waitingSummary &&
      humans.length > 0 && humans.every((seat) => this.waitingHumans.has(seat));
    this.waitingHumans = new Set(humans);
    this.waitingSummary = summary;
    if (keep) return;
    this.turnTimer?.clear();
    this.turnTimer = null;
    const seconds = humans.length === 0 ? 0 : summary ? this.deps.config.handSummarySeconds : this.state.turnSeconds;
    if (seconds === 0) {
      this.state.deadline = 0;
      return;
    }
    const wait = Math.max(1, Math.round(seconds * 1000 * this.deps.config.timeScale));
    this.state.deadline = Date.now() + wait;
    this.turnTimer = this.later(wait, () => this.onDeadline());
  }

  private autoPlayLater(seat: Seat): void {
    const { min, max } = this.deps.config.botDelay;
    const delay = min + Math.floor(Math.random() * (max - min + 1));
    // A hard bot thinks during the delay; its move comes when both are over.
    const search = this.searchFor(seat);
    const act = () => {
      this.autoTimers.delete(seat);
      if (search) void search.answer.then((move) => this.playSearched(seat, search, move));
      else this.autoPlay(seat);
    };
    this.autoTimers.set(seat, this.later(delay, act));
  }

  /**
   * The search of a hard bot's seat for the current position: started now in
   * the bot pool, or the one already running. Null for other seats and for a
   * decision with a single move. The pool gets the seat's view only.
   */
  private searchFor(seat: Seat): PendingSearch | null {
    const holder = this.state.seats[seat]!;
    if (holder.kind !== SeatKind.Bot || holder.botLevel !== BotLevel.Hard || this.gameState === null) return null;
    const running = this.searches.get(seat);
    if (running?.position === this.position) return running;
    const legalMoves: MoveBase[] = this.game.legalMoves(this.gameState, seat);
    if (legalMoves.length < 2) return null;
    const request: SearchRequest = {
      gameId: this.game.id,
      view: this.game.view(this.gameState, seat),
      legalMoves,
      seed: `${this.botRng.nextUint32()}:${this.botRng.nextUint32()}`,
      iterations: this.deps.config.botSearchIterations,
      timeMs: this.deps.config.botSearchMs,
    };
    const answer = this.deps.bots.search(request).then(
      (found) => found.move,
      (error: unknown) => {
        if (!this.closing) this.log.warn({ err: error, seat }, 'a hard bot search failed; the normal bot moves instead');
        return null;
      },
    );
    const search: PendingSearch = { position: this.position, answer };
    this.searches.set(seat, search);
    return search;
  }

  /** Plays a search's answer if the game is still where it was asked; else drops it. */
  private playSearched(seat: Seat, search: PendingSearch, move: MoveBase | null): void {
    if (this.searches.get(seat) === search) this.searches.delete(seat);
    if (this.closing || this.gameState === null || search.position !== this.position) {
      this.log.debug({ seat }, 'dropped a search answer: the game moved on meanwhile');
      return;
    }
    if (this.state.seats[seat]?.kind !== SeatKind.Bot || !this.game.activeSeats(this.gameState).includes(seat)) return;
    if (move !== null) {
      // The worker's answer is checked like any player's move.
      const error = this.applyMove(seat, move, 'bot');
      if (!error) {
        this.afterChange();
        return;
      }
      this.log.error({ seat, move, error }, 'a hard bot move was refused; the normal bot moves instead');
    }
    this.autoPlay(seat);
  }

  /**
   * Runs `action` after `ms` on a Node timer, cleared with the room's other
   * timers (`clearTimers`, also on dispose). Not `this.clock`: that clock only
   * ticks with a patch interval, and this room has none (see `patchRate`).
   * With 0 ms it still yields to I/O first, so bots at full speed send one
   * patch per move.
   */
  private later(ms: number, action: () => void): { clear(): void } {
    const run = () => {
      if (!this.closing) action();
    };
    if (ms > 0) {
      const timer = setTimeout(run, ms);
      return { clear: () => clearTimeout(timer) };
    }
    const immediate = setImmediate(run);
    return { clear: () => clearImmediate(immediate) };
  }

  private autoPlay(seat: Seat): void {
    if (this.closing || this.gameState === null || this.state.phase !== TablePhase.Playing) return;
    if (!this.game.activeSeats(this.gameState).includes(seat)) return;
    const holder = this.state.seats[seat]!;
    // A hard bot comes here with a single move to make, or when its search failed: the normal bot stands in.
    const level = holder.kind === SeatKind.Bot && holder.botLevel === BotLevel.Easy ? BotLevel.Easy : BotLevel.Normal;
    const move = botMove(this.game, this.gameState, seat, level, this.botRng);
    if (move === null) return;
    const error = this.applyMove(seat, move, holder.kind === SeatKind.Bot ? 'bot' : 'away');
    if (error) this.log.error({ seat, move, error }, 'a bot move was refused');
    this.afterChange();
  }

  private onDeadline(): void {
    this.turnTimer = null;
    if (this.gameState === null || this.state.phase !== TablePhase.Playing) return;
    const summary = this.waitingSummary;
    for (const seat of [...this.waitingHumans]) {
      if (this.gameState === null || this.state.phase !== TablePhase.Playing) break;
      if (!this.game.activeSeats(this.gameState).includes(seat)) continue;
      const holder = this.state.seats[seat]!;
      if (!summary) {
        holder.timeouts++;
        if (holder.timeouts >= Limits.timeoutsBeforeAway) holder.away = true;
      }
      const move = botMove(this.game, this.gameState, seat, BotLevel.Normal, this.botRng);
      if (move) this.applyMove(seat, move, 'timeout');
    }
    this.afterChange();
  }

  // ---------------------------------------------------------------- seats and members

  private seatOf(playerId: string): Seat | null {
    const index = this.state.seats.findIndex((seat) => seat.kind === SeatKind.Human && seat.playerId === playerId);
    return index >= 0 ? index : null;
  }

  private hasFreeSeat(): boolean {
    return this.state.phase === TablePhase.Lobby && this.state.seats.some((seat) => seat.kind === SeatKind.Empty);
  }

  private occupySeat(seat: Seat, identity: { playerId: string; name: string }): void {
    this.state.seats[seat]!.assign({
      playerId: identity.playerId, name: identity.name, kind: SeatKind.Human, botLevel: '', connected: true,
      reconnectDeadline: 0, away: false, timeouts: 0,
    });
  }

  private emptySeat(seat: Seat): void {
    this.state.seats[seat]!.assign({
      playerId: '', name: '', kind: SeatKind.Empty, botLevel: '', connected: false, reconnectDeadline: 0, away: false,
      timeouts: 0,
    });
  }

  /** A member's connection now holds their seat: online, not away, and seeing their own hand. */
  private attachSeat(seat: Seat, member: Member): void {
    const holder = this.state.seats[seat]!;
    holder.assign({ connected: member.client !== null, reconnectDeadline: 0, away: false, timeouts: 0, name: member.name });
    const hand = this.state.hands.get(this.handKey(seat));
    const view = member.client?.view;
    if (hand && view) {
      if (!view.has(hand)) view.add(hand);
      // Lists the mirror created while nobody held this seat's view join it now.
      for (const pending of this.unseenLists.filter((entry) => entry.seat === seat)) {
        if (!view.has(pending.list)) view.add(pending.list);
      }
      this.unseenLists = this.unseenLists.filter((entry) => entry.seat !== seat);
    }
    if (this.gameState !== null && this.state.phase === TablePhase.Playing) this.schedule();
  }

  /** The StateView of the client holding `seat`, if one is connected. */
  private ownerView(seat: Seat): StateView | undefined {
    const holder = this.state.seats[seat];
    if (!holder || holder.kind !== SeatKind.Human) return undefined;
    return this.members.get(holder.playerId)?.client?.view;
  }

  /** The player acted, so they are not away any more. */
  private markPresent(seat: Seat): void {
    const holder = this.state.seats[seat]!;
    if (holder.away || holder.timeouts > 0) {
      holder.assign({ away: false, timeouts: 0 });
      if (this.gameState !== null) this.schedule();
    }
  }

  /** A member left for good (consented leave, or the grace period ran out). */
  private depart(member: Member, why: 'left' | 'timeout'): void {
    this.members.delete(member.playerId);
    member.client = null;
    const seat = this.seatOf(member.playerId);
    if (seat !== null) {
      if (this.state.phase === TablePhase.Lobby) {
        this.emptySeat(seat);
      } else {
        // The seat stays theirs: a bot plays it until the same identity joins again.
        this.state.seats[seat]!.assign({ connected: false, reconnectDeadline: 0, away: true });
        if (this.gameState !== null) this.schedule();
      }
    }
    this.state.spectators.delete(member.playerId);
    if (this.state.hostId === member.playerId) this.passHost(seat);
    this.notice(`${member.name} ${why === 'left' ? 'left' : 'lost connection'}.`);
    this.log.info({ player: member.playerId, seat, why }, 'departed');
    if (!this.closing) this.afterChange();
  }

  /** The host role passes to the next seated human (after the old host's seat), else to a spectator. */
  private passHost(fromSeat: Seat | null): void {
    const seats = this.state.seats;
    const start = fromSeat ?? -1;
    for (let step = 1; step <= seats.length; step++) {
      const index = (((start + step) % seats.length) + seats.length) % seats.length;
      const holder = seats[index]!;
      if (holder.kind === SeatKind.Human && this.members.has(holder.playerId)) {
        this.state.hostId = holder.playerId;
        this.notice(`${holder.name} is now the host.`);
        return;
      }
    }
    const spectator = [...this.state.spectators.keys()].find((playerId) => this.members.has(playerId));
    this.state.hostId = spectator ?? '';
    if (spectator) this.notice(`${this.state.spectators.get(spectator)!.name} is now the host.`);
  }

  // ---------------------------------------------------------------- output

  private sendTo(client: TableClient, message: ServerMessage): void {
    client.send(message.type, message);
  }

  private sendError(client: TableClient, error: ProtocolError): void {
    this.sendTo(client, { type: 'error', code: error.code, message: error.message });
  }

  private broadcastMessage(message: ServerMessage): void {
    this.broadcast(message.type, message);
  }

  private notice(text: string): void {
    if (this.closing) return;
    const message = { type: 'notice', text } as const;
    this.recentLog.add(message);
    this.broadcastMessage(message);
  }

  /** Sends the patch now (a move reaches everyone in one hop) and refreshes the lobby listing. */
  private afterChange(): void {
    if (this.closing) return;
    this.broadcastPatch();
    void this.refreshListing();
  }

  private async refreshListing(): Promise<void> {
    const metadata: TableMetadata = {
      gameId: this.game.id,
      gameName: this.game.name,
      hostName: this.hostName(),
      seatsTaken: this.state.seats.filter((seat) => seat.kind !== SeatKind.Empty).length,
      seatsTotal: this.state.seats.length,
      phase: this.state.phase as TablePhase,
      visibility: this.state.visibility as Visibility,
    };
    const previous = this.metadata;
    if (
      previous &&
      (Object.keys(metadata) as (keyof TableMetadata)[]).every((key) => previous[key] === metadata[key])
    ) {
      return;
    }
    await this.setMetadata(metadata);
    updateLobby(this);
  }

  private hostName(): string {
    const hostId = this.state.hostId;
    const seat = this.seatOf(hostId);
    if (seat !== null) return this.state.seats[seat]!.name;
    return this.state.spectators.get(hostId)?.name ?? '';
  }

  private async claimCode(): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const code = randomCode();
      // hincrby is atomic in local and Redis presence: the first claimer sees 1.
      const claims = await this.presence.hincrby(CODES_KEY, code, 1);
      if (claims === 1) {
        this.codeClaimed = true;
        return code;
      }
    }
    throw new ServerError(JoinErrorCode.TableFull, 'No free table code; try again.');
  }
}

/** The table room bound to its dependencies (config, games, tokens, logger). */
export function tableRoomWith(deps: TableDeps): new () => TableRoom {
  return class BoundTableRoom extends TableRoom {
    protected override readonly deps = deps;
  };
}
