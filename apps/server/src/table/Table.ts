/**
 * One table, without Colyseus: seats and host, membership, the game, chat,
 * turn timers and bots. Calls come in (a join, a message, a timer), the model
 * changes, and `takeOutput()` hands back what to log and what to send.
 *
 * Every accepted change goes through `commit(action)`, which records the
 * action and applies it with `applyAction`; a restart rebuilds the table by
 * applying its log again (`Table.restore`). Clock, randomness, bot thinking
 * and logging are handed in, so tests drive a table by hand.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { Rng } from '@deckhand/rules';
import type { AnyGame, MoveBase, OptionValue, Seat } from '@deckhand/rules';
import {
  BotLevel, CloseCode, ErrorCode, Limits, SeatKind, TablePhase, Visibility, cleanChatText,
} from '@deckhand/protocol';
import type { ChatLine, ClientMessage, GameEventsMessage, ProtocolError, ServerMessage } from '@deckhand/protocol';
import { nameClash } from '../nameSkeleton';
import { RecentLog } from '../RecentLog';
import { Autoplay } from './Autoplay';
import { TableDoor } from './TableDoor';
import type { KnockAnswer, Knocker } from './TableDoor';
import { emptyHolder, fail, holderOf } from './seats';
import type {
  ActedBy, Audience, LoggedHolder, SeatModel, TableAction, TableEnv, TableModel, TableOutput, TimedAction,
} from './types';

/** What a table is created with (already shape-checked by the room). */
export interface TableRequest {
  readonly code: string;
  readonly gameId: string;
  readonly options?: Record<string, OptionValue>;
  readonly seatCount?: number;
  readonly visibility?: Visibility;
  readonly turnSeconds?: number;
  readonly maxSpectators: number;
}

interface Member {
  readonly playerId: string;
  name: string;
  connected: boolean;
  /** Joined with `program: true`: a bot program, marked on the seat it takes. */
  program: boolean;
  /** When this member last had its hand rebuilt on request (`resync`). */
  lastResyncAt: number;
  /** The browser's device id from the join options, so a kick keeps the device out too. */
  device: string | null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function newOutput(): TableOutput {
  return { actions: [], messages: [], disconnects: [], finished: [], renewHands: [], close: false };
}

export class Table {
  readonly model: TableModel;
  game: AnyGame;
  /** The rules state of the game being played; null in the lobby and after `toLobby`. */
  gameState: unknown = null;
  /** Bumped at every change of the game (a move, a deal, its end): the room re-mirrors the board when it moves. */
  position = 0;
  readonly chat: ChatLine[] = [];
  /** The current game's public log (move events and notices), for whoever joins or reconnects mid-game. */
  private readonly recentLog = new RecentLog();
  readonly log: Logger;

  private optionInput: Record<string, OptionValue> = {};
  private seed = '';
  private moves: { seat: Seat; move: MoveBase }[] = [];
  private dealtAt = 0;
  private readonly members = new Map<string, Member>();
  /** Kicked and refused people, admitted ones, and knockers. */
  private readonly door: TableDoor;
  /** Names of joiners let through `claimName` whose `join` has not run yet: two of them cannot share a name. */
  private readonly arriving = new Map<string, string>();
  private chatId = 0;
  /** Moves refused in a row on each seat's own turn (see `countRefusal`). */
  private readonly refusals = new Map<Seat, number>();
  /** Seats marked away for refused moves: only an accepted move brings them back. */
  private readonly stuck = new Set<Seat>();
  private output = newOutput();
  /** True while a log is replayed: no timers, messages or log writes. */
  private replaying = false;
  private readonly autoplay: Autoplay;
  /** Seats whose reconnection window after a restart is still open. */
  private restoreTimer: { clear(): void } | null = null;
  closed = false;

  private constructor(
    readonly env: TableEnv,
    code: string,
    game: AnyGame,
  ) {
    this.game = game;
    this.log = env.logger.child({ table: code });
    this.model = {
      code, gameId: game.id, options: {}, visibility: Visibility.Private, phase: TablePhase.Lobby, hostId: '',
      seats: [], spectators: new Map(), maxSpectators: 0, turnSeconds: 0, deadline: 0, deadlineWait: 0, clockStarts: 0, seedHash: '', seed: '',
      handNumber: 0, moveNumber: 0, lastSeat: -1, lastBy: '', outcome: { scores: [], winners: [], ranking: [] }, deals: 0,
      locked: false,
    };
    this.door = new TableDoor(env.clock);
    this.autoplay = new Autoplay(this, Rng.fromSeed(env.random.botSeed()));
  }

  /** A new table, or the reason it cannot be made (unknown game, bad options). */
  static create(env: TableEnv, request: TableRequest): { ok: true; table: Table } | { ok: false; error: ProtocolError } {
    const game = env.games.find((candidate) => candidate.id === request.gameId);
    if (!game) return { ok: false, error: fail(ErrorCode.NoSuchGame, `There is no game "${request.gameId}".`) };
    const seatCount = clamp(request.seatCount ?? Math.min(4, game.maxSeats), game.minSeats, game.maxSeats);
    const options = game.parseOptions(request.options ?? {}, seatCount);
    if (!options.ok) return { ok: false, error: fail(ErrorCode.InvalidOptions, options.error.message) };
    const table = new Table(env, request.code, game);
    table.commit({
      kind: 'create', code: request.code, gameId: game.id, optionInput: { ...(request.options ?? {}) }, seatCount,
      visibility: request.visibility ?? Visibility.Private, turnSeconds: request.turnSeconds ?? 0,
      maxSpectators: request.maxSpectators,
    });
    return { ok: true, table };
  }

  /**
   * The table a log describes, as it was when the log ended, with every human
   * reconnecting: their seats are held for the reconnection window, after
   * which the absent are gone as if they had dropped. Throws on a log that
   * does not replay (a bug or a damaged database: the caller reports it).
   */
  static restore(env: TableEnv, actions: readonly TimedAction[]): Table {
    const first = actions[0]?.action;
    if (first?.kind !== 'create') throw new Error('the log does not start with the table\'s creation');
    const game = env.games.find((candidate) => candidate.id === first.gameId);
    if (!game) throw new Error(`the log names an unknown game "${first.gameId}"`);
    const table = new Table(env, first.code, game);
    table.replaying = true;
    let deadline = 0;
    let stoppedAt = actions[actions.length - 1]!.at;
    for (const { at, action } of actions) {
      if (action.kind === 'clock') deadline = action.deadline;
      else if (action.kind === 'stop') stoppedAt = at;
      else table.applyAction(action, at);
    }
    table.replaying = false;
    table.resumeAfterRestart(deadline > 0 ? Math.max(0, deadline - stoppedAt) : null);
    return table;
  }

  /** Takes what the calls since the last take did: actions to log, messages to send. */
  takeOutput(): TableOutput {
    const output = this.output;
    this.output = newOutput();
    return output;
  }

  // ---------------------------------------------------------------- membership

  seatOf(playerId: string): Seat | null {
    const index = this.model.seats.findIndex((seat) => seat.kind === SeatKind.Human && seat.playerId === playerId);
    return index >= 0 ? index : null;
  }

  isMember(playerId: string): boolean {
    return this.members.has(playerId);
  }

  /**
   * Why `playerId` (on `device`) may not come in, or null. Checked before a
   * connection is accepted. 'locked': a newcomer at a locked table, who may
   * `knock`; people already at the table (a second tab, a rejoin) are not newcomers.
   */
  admission(playerId: string, spectate: boolean, device: string | null = null): 'banned' | 'locked' | 'full' | null {
    if (this.door.isKeptOut(playerId, device)) return 'banned';
    const known = this.members.has(playerId) || this.seatOf(playerId) !== null;
    if (this.model.locked && !known && !this.door.isAdmitted(playerId)) return 'locked';
    if (!known && (spectate || !this.hasFreeSeat()) && this.model.spectators.size >= this.model.maxSpectators) return 'full';
    return null;
  }

  /**
   * The name of someone at the table (or joining) that `identity`'s name
   * reads the same as (see `nameSkeleton`), or null; then the name is held
   * for this joiner until its `join`, so two joiners cannot both pass with one name.
   */
  claimName(identity: { playerId: string; name: string }): string | null {
    const people = [
      ...this.model.seats.map((seat) => ({ playerId: seat.playerId, name: seat.name })),
      ...[...this.model.spectators.entries()].map(([playerId, spectator]) => ({ playerId, name: spectator.name })),
      ...[...this.arriving.entries()].map(([playerId, name]) => ({ playerId, name })),
    ];
    const clash = nameClash(identity.name, identity.playerId, people);
    if (clash === null) this.arriving.set(identity.playerId, identity.name);
    return clash;
  }

  /** The newcomers knocking at the locked table, oldest first. */
  knocking(): Knocker[] {
    return this.door.knocking();
  }

  /**
   * A newcomer knocks at the locked table: on the host's list until the host
   * answers, `Limits.knockWaitMs` pass, the knocker goes (`withdraw`) or the table closes.
   */
  knock(knocker: Knocker, device: string | null): Promise<KnockAnswer> {
    this.log.info({ player: knocker.playerId }, 'knocking');
    return this.door.knock(knocker, device, Limits.knockWaitMs);
  }

  /** The knocker gave up (closed the page): off the list, no answer needed. False when they were not knocking. */
  withdraw(playerId: string): boolean {
    return this.door.answer(playerId, 'timeout');
  }

  /** A connection of `identity` came in (new, or the same player again). Answers the seat it holds. */
  join(identity: { playerId: string; name: string }, spectate: boolean, program = false, device: string | null = null): Seat | null {
    this.arriving.delete(identity.playerId);
    let member = this.members.get(identity.playerId);
    if (!member) {
      member = { playerId: identity.playerId, name: identity.name, connected: true, program, lastResyncAt: 0, device };
      this.members.set(identity.playerId, member);
    }
    member.name = identity.name;
    member.device = device ?? member.device;
    member.connected = true;
    member.program = program;
    let seat = this.seatOf(identity.playerId);
    if (seat === null && !spectate && this.model.phase === TablePhase.Lobby) {
      const free = this.model.seats.findIndex((candidate) => candidate.kind === SeatKind.Empty);
      if (free >= 0) {
        seat = free;
        this.commit({ kind: 'seat', seat, holder: holderOf(member) });
      }
    }
    if (seat !== null) this.attachSeat(seat, member);
    else this.model.spectators.set(identity.playerId, { name: identity.name, connected: true });
    if (this.model.hostId === '') this.commit({ kind: 'host', playerId: identity.playerId });
    this.send({ kind: 'player', playerId: identity.playerId }, { type: 'chatHistory', lines: this.chat });
    this.send({ kind: 'player', playerId: identity.playerId }, this.recentLog.message());
    this.notice(`${identity.name} joined${seat === null ? ' as a spectator' : ''}.`);
    this.log.info({ player: identity.playerId, seat }, 'joined');
    return seat;
  }

  /** The connection dropped; the seat is held until `leave` (or the same player's `join`). */
  drop(playerId: string): void {
    const member = this.members.get(playerId);
    if (!member) return;
    member.connected = false;
    const seat = this.seatOf(playerId);
    if (seat !== null) {
      const holder = this.model.seats[seat]!;
      holder.connected = false;
      holder.reconnectDeadline = this.env.clock.now() + this.env.config.reconnectSeconds * 1000;
    }
    const spectator = this.model.spectators.get(playerId);
    if (spectator) spectator.connected = false;
    this.log.info({ player: playerId, seat }, 'connection lost; holding the seat');
  }

  /** The dropped connection came back within the window. */
  back(playerId: string): void {
    const member = this.members.get(playerId);
    if (!member) return;
    member.connected = true;
    const seat = this.seatOf(playerId);
    if (seat !== null) this.attachSeat(seat, member);
    const spectator = this.model.spectators.get(playerId);
    if (spectator) spectator.connected = true;
    // What happened while the connection was down (the client's log replaces itself with this).
    this.send({ kind: 'player', playerId }, this.recentLog.message());
    this.log.info({ player: playerId, seat }, 'reconnected');
  }

  /** A member left for good (a consented leave, or the reconnection window ran out). */
  leave(playerId: string, why: 'left' | 'timeout'): void {
    const member = this.members.get(playerId);
    if (!member) return;
    this.members.delete(playerId);
    const seat = this.seatOf(playerId);
    if (seat !== null) this.vacate(seat);
    this.model.spectators.delete(playerId);
    if (this.model.hostId === playerId) this.passHost(seat);
    this.notice(`${member.name} ${why === 'left' ? 'left' : 'lost connection'}.`);
    this.log.info({ player: playerId, seat, why }, 'departed');
  }

  /** A seat's human is gone: in the lobby the seat frees up; in a game a bot plays it until they come back. */
  private vacate(seat: Seat): void {
    const holder = this.model.seats[seat]!;
    holder.connected = false;
    holder.reconnectDeadline = 0;
    if (this.model.phase === TablePhase.Lobby) {
      this.commit({ kind: 'seat', seat, holder: emptyHolder() });
    } else {
      this.commit({ kind: 'away', seat, away: true, timeouts: holder.timeouts });
      this.autoplay.schedule();
    }
  }

  /** A member's connection now holds their seat: online, not away. */
  private attachSeat(seat: Seat, member: Member): void {
    const holder = this.model.seats[seat]!;
    holder.connected = member.connected;
    holder.reconnectDeadline = 0;
    holder.name = member.name;
    if (holder.away || holder.timeouts > 0) this.commit({ kind: 'away', seat, away: false, timeouts: 0 });
    this.autoplay.schedule();
  }

  private hasFreeSeat(): boolean {
    return this.model.phase === TablePhase.Lobby && this.model.seats.some((seat) => seat.kind === SeatKind.Empty);
  }

  /** The host role passes to the next seated human (after the old host's seat), else to a spectator. */
  private passHost(fromSeat: Seat | null): void {
    const seats = this.model.seats;
    const start = fromSeat ?? -1;
    for (let step = 1; step <= seats.length; step++) {
      const index = (((start + step) % seats.length) + seats.length) % seats.length;
      const holder = seats[index]!;
      if (holder.kind === SeatKind.Human && this.members.has(holder.playerId)) {
        this.commit({ kind: 'host', playerId: holder.playerId });
        this.notice(`${holder.name} is now the host.`);
        return;
      }
    }
    const spectator = [...this.model.spectators.keys()].find((playerId) => this.members.has(playerId));
    this.commit({ kind: 'host', playerId: spectator ?? '' });
    if (spectator) this.notice(`${this.model.spectators.get(spectator)!.name} is now the host.`);
  }

  // ---------------------------------------------------------------- after a restart

  /**
   * Everyone is reconnecting: seated humans keep their seats for the
   * reconnection window; the turn clock gets back the time it had left.
   */
  private resumeAfterRestart(timeLeft: number | null): void {
    const now = this.env.clock.now();
    const window = this.env.config.reconnectSeconds * 1000;
    for (const holder of this.model.seats) {
      if (holder.kind !== SeatKind.Human) continue;
      holder.connected = false;
      holder.reconnectDeadline = now + window;
    }
    this.restoreTimer = this.env.clock.later(window, () => this.endRestoreWindow());
    if (timeLeft !== null) this.autoplay.resumeDeadline(timeLeft);
    this.autoplay.schedule();
    this.log.info({ seats: this.model.seats.length, phase: this.model.phase }, 'table restored');
  }

  /** The window after a restart is over: whoever did not come back has left; a table nobody came back to closes. */
  private endRestoreWindow(): void {
    this.restoreTimer = null;
    for (let seat = 0; seat < this.model.seats.length; seat++) {
      const holder = this.model.seats[seat]!;
      if (holder.kind !== SeatKind.Human || this.members.has(holder.playerId) || holder.reconnectDeadline === 0) continue;
      this.vacate(seat);
      this.notice(`${holder.name} lost connection.`);
    }
    if (this.model.hostId !== '' && !this.members.has(this.model.hostId)) this.passHost(this.seatOf(this.model.hostId));
    if (this.members.size === 0) this.output.close = true;
  }

  // ---------------------------------------------------------------- messages

  /** A parsed client message from `playerId`; an error for the sender, or null. */
  handle(playerId: string, message: ClientMessage): ProtocolError | null {
    const member = this.members.get(playerId);
    if (!member || this.closed) return fail(ErrorCode.NotSeated, 'You are not at this table.');
    const seat = this.seatOf(playerId);
    // A stuck seat's refused moves must not bring it back: its accepted move does (`playerMove`).
    const kind = message.type;
    if (seat !== null && kind !== 'chat' && kind !== 'resync' && !(kind === 'move' && this.stuck.has(seat))) {
      this.markPresent(seat);
    }
    switch (message.type) {
      case 'configure':
        return this.requireHostInLobby(member) ?? this.configure(message);
      case 'addBot':
        return this.requireHostInLobby(member) ?? this.addBot(message.seat, message.level);
      case 'removeBot':
        return this.requireHostInLobby(member) ?? this.removeBot(message.seat);
      case 'swapSeats':
        return this.requireHostInLobby(member) ?? this.swapSeats(message.seat, message.with);
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
      case 'resync':
        return this.resync(member);
      case 'lock':
        return this.requireHost(member) ?? this.setLocked(message.locked);
      case 'admit':
        return this.requireHost(member) ?? this.answerKnock(message.playerId, true);
      case 'refuse':
        return this.requireHost(member) ?? this.answerKnock(message.playerId, false);
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private requireHost(member: Member): ProtocolError | null {
    return member.playerId === this.model.hostId ? null : fail(ErrorCode.NotHost, 'Only the host can do that.');
  }

  private requireHostInLobby(member: Member): ProtocolError | null {
    return this.requireHost(member) ?? this.requirePhase(TablePhase.Lobby, 'before the game starts');
  }

  private requirePhase(phase: TablePhase, when: string): ProtocolError | null {
    return this.model.phase === phase ? null : fail(ErrorCode.TablePhase, `That is only possible ${when}.`);
  }

  /** The player acted, so they are not away any more. */
  private markPresent(seat: Seat): void {
    this.stuck.delete(seat);
    const holder = this.model.seats[seat]!;
    if (holder.away || holder.timeouts > 0) {
      this.commit({ kind: 'away', seat, away: false, timeouts: 0 });
      this.autoplay.schedule();
    }
  }

  // ---------------------------------------------------------------- host controls

  private configure(message: Extract<ClientMessage, { type: 'configure' }>): ProtocolError | null {
    let game = this.game;
    let optionInput = this.optionInput;
    if (message.gameId !== undefined && message.gameId !== game.id) {
      const next = this.env.games.find((candidate) => candidate.id === message.gameId);
      if (!next) return fail(ErrorCode.NoSuchGame, `There is no game "${message.gameId}".`);
      game = next;
      optionInput = {};
    }
    if (message.options) optionInput = { ...optionInput, ...message.options };
    const seats = this.model.seats;
    const seatCount = message.seatCount ?? clamp(seats.length, game.minSeats, game.maxSeats);
    if (seatCount < game.minSeats || seatCount > game.maxSeats) {
      return fail(ErrorCode.InvalidOptions, `${game.name} is played by ${game.minSeats} to ${game.maxSeats} players.`);
    }
    for (let index = seatCount; index < seats.length; index++) {
      if (seats[index]!.kind !== SeatKind.Empty) {
        return fail(ErrorCode.SeatTaken, `Seat ${index + 1} is taken: free it before removing seats.`);
      }
    }
    const options = game.parseOptions(optionInput, seatCount);
    if (!options.ok) return fail(ErrorCode.InvalidOptions, options.error.message);
    this.commit({
      kind: 'configure', gameId: game.id, optionInput, seatCount,
      turnSeconds: message.turnSeconds ?? this.model.turnSeconds, visibility: message.visibility ?? this.model.visibility,
    });
    return null;
  }

  private addBot(seat: Seat, level: BotLevel): ProtocolError | null {
    const target = this.model.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Empty) return fail(ErrorCode.SeatTaken, `Seat ${seat + 1} is taken.`);
    this.commit({ kind: 'seat', seat, holder: botHolder(seat, level) });
    return null;
  }

  private removeBot(seat: Seat): ProtocolError | null {
    const target = this.model.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Bot) return fail(ErrorCode.NotABot, `Seat ${seat + 1} holds no bot.`);
    this.commit({ kind: 'seat', seat, holder: emptyHolder() });
    return null;
  }

  /** Whoever sits in `seat` and in `other` (a person, a bot or nobody) change places: how partners are chosen. */
  private swapSeats(seat: Seat, other: Seat): ProtocolError | null {
    const first = this.model.seats[seat];
    const second = this.model.seats[other];
    if (!first) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (!second) return fail(ErrorCode.NoSuchSeat, `There is no seat ${other + 1}.`);
    if (seat === other) return fail(ErrorCode.BadMessage, 'Choose two different seats to swap.');
    // A bot is named after its seat.
    const movedTo = (holder: LoggedHolder, to: Seat) => (holder.kind === SeatKind.Bot ? botHolder(to, holder.botLevel as BotLevel) : holder);
    const moving = holderOf(first);
    this.commit({ kind: 'seat', seat, holder: movedTo(holderOf(second), seat) });
    this.commit({ kind: 'seat', seat: other, holder: movedTo(moving, other) });
    for (const index of [seat, other]) {
      const member = this.members.get(this.model.seats[index]!.playerId);
      if (this.model.seats[index]!.kind === SeatKind.Human && member) this.attachSeat(index, member);
    }
    return null;
  }

  private kick(host: Member, playerId: string): ProtocolError | null {
    if (playerId === host.playerId) return fail(ErrorCode.NoSuchPlayer, 'You cannot kick yourself.');
    const member = this.members.get(playerId);
    const seat = this.seatOf(playerId);
    if (!member && seat === null && !this.model.spectators.has(playerId)) {
      return fail(ErrorCode.NoSuchPlayer, 'That player is not at this table.');
    }
    this.commit({ kind: 'ban', playerId, device: member?.device ?? null });
    const name = member?.name ?? (seat !== null ? this.model.seats[seat]!.name : 'A player');
    if (seat !== null) {
      // Mid-game the seat cannot be emptied: a bot finishes the kicked player's game.
      const holder = this.model.phase === TablePhase.Lobby ? emptyHolder() : botHolder(seat, BotLevel.Normal);
      this.commit({ kind: 'seat', seat, holder });
      this.autoplay.schedule();
    }
    this.model.spectators.delete(playerId);
    if (member) {
      this.members.delete(playerId);
      this.output.disconnects.push({ playerId, code: CloseCode.Kicked });
    }
    this.notice(`${name} was removed by the host.`);
    this.log.info({ player: playerId }, 'kicked');
    return null;
  }

  private setLocked(locked: boolean): ProtocolError | null {
    if (this.model.locked === locked) return null;
    this.commit({ kind: 'lock', locked });
    // Unlocking lets everyone knocking in: nobody is left waiting for an answer that no longer matters.
    if (!locked) for (const knocker of this.door.knocking()) this.answerKnock(knocker.playerId, true);
    this.notice(locked ? 'The host locked the table: newcomers knock.' : 'The host unlocked the table.');
    return null;
  }

  private answerKnock(playerId: string, admit: boolean): ProtocolError | null {
    const knocker = this.door.knocking().find((candidate) => candidate.playerId === playerId);
    if (!knocker) return fail(ErrorCode.NoSuchPlayer, 'Nobody with that id is knocking.');
    // Logged before the answer, so the knocker's join (or its ban) outlives a restart.
    if (admit) this.commit({ kind: 'admit', playerId });
    else this.commit({ kind: 'ban', playerId, device: this.door.knockingDevice(playerId) ?? null });
    this.door.answer(playerId, admit ? 'admitted' : 'refused');
    this.notice(admit ? `The host let ${knocker.name} in.` : `The host did not let ${knocker.name} in.`);
    this.log.info({ player: playerId, admit }, 'knock answered');
    return null;
  }

  private start(): ProtocolError | null {
    const taken = this.model.seats.filter((seat) => seat.kind !== SeatKind.Empty).length;
    if (taken < this.game.minSeats) {
      return fail(ErrorCode.NotEnoughPlayers, `${this.game.name} needs at least ${this.game.minSeats} players (players or bots).`);
    }
    const options = this.game.parseOptions(this.optionInput, taken);
    if (!options.ok) return fail(ErrorCode.InvalidOptions, options.error.message);
    this.commit({ kind: 'start' });
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
    this.commit({ kind: 'lobby' });
    // Players who left during the game give their seats back.
    this.model.seats.forEach((seat, index) => {
      if (seat.kind === SeatKind.Human && !this.members.has(seat.playerId)) {
        this.commit({ kind: 'seat', seat: index, holder: emptyHolder() });
      }
    });
    return null;
  }

  private sit(member: Member, seat: Seat): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.Lobby, 'between games');
    if (phase) return phase;
    const target = this.model.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Empty) return fail(ErrorCode.SeatTaken, `Seat ${seat + 1} is taken.`);
    const current = this.seatOf(member.playerId);
    if (current !== null) this.commit({ kind: 'seat', seat: current, holder: emptyHolder() });
    this.model.spectators.delete(member.playerId);
    this.commit({ kind: 'seat', seat, holder: holderOf(member) });
    this.attachSeat(seat, member);
    return null;
  }

  private stand(member: Member): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.Lobby, 'between games');
    if (phase) return phase;
    const current = this.seatOf(member.playerId);
    if (current === null) return fail(ErrorCode.NotSeated, 'You are not seated.');
    if (this.model.spectators.size >= this.model.maxSpectators) return fail(ErrorCode.TableFull, 'The spectator gallery is full.');
    this.commit({ kind: 'seat', seat: current, holder: emptyHolder() });
    this.model.spectators.set(member.playerId, { name: member.name, connected: member.connected });
    return null;
  }

  private say(member: Member, raw: string): ProtocolError | null {
    const text = cleanChatText(raw);
    if (text.length === 0) return fail(ErrorCode.BadChat, 'The message is empty.');
    if ([...text].length > Limits.chatMax) return fail(ErrorCode.BadChat, `Chat messages are limited to ${Limits.chatMax} characters.`);
    const line: ChatLine = {
      id: this.chatId + 1, seat: this.seatOf(member.playerId), playerId: member.playerId, name: member.name, text,
      at: this.env.clock.now(),
    };
    this.commit({ kind: 'chat', line });
    this.send({ kind: 'all' }, { type: 'chat', line });
    return null;
  }

  // ---------------------------------------------------------------- the game

  private sendRecord(member: Member): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.GameOver, 'once the game is over');
    if (phase) return phase;
    this.send({ kind: 'player', playerId: member.playerId }, {
      type: 'record', gameId: this.game.id, seed: this.seed, seedHash: this.model.seedHash,
      seats: this.model.seats.length, options: this.model.options, moves: this.moves,
    });
    return null;
  }

  private playerMove(member: Member, move: MoveBase): ProtocolError | null {
    const phase = this.requirePhase(TablePhase.Playing, 'during a game');
    if (phase) return phase;
    const seat = this.seatOf(member.playerId);
    if (seat === null) return fail(ErrorCode.NotSeated, 'Spectators cannot play.');
    const active = this.game.activeSeats(this.gameState).includes(seat);
    const error = this.applyMove(seat, move, 'player');
    if (!error) {
      this.refusals.delete(seat);
      this.markPresent(seat);
    } else if (active) {
      this.countRefusal(seat);
    }
    return error;
  }

  /**
   * A seat whose moves keep being refused on its own turn has a client that
   * cannot play (a stale hand, a bug): with the turn timer off the table
   * would wait for it forever. After a few refusals in a row it is treated
   * like an away seat (a bot plays it until an accepted move), and its hand
   * is rebuilt in case that was the trouble.
   */
  private countRefusal(seat: Seat): void {
    const count = (this.refusals.get(seat) ?? 0) + 1;
    this.refusals.set(seat, count);
    const holder = this.model.seats[seat]!;
    if (count < Limits.refusalsBeforeAway || holder.away) return;
    this.refusals.delete(seat);
    this.stuck.add(seat);
    this.commit({ kind: 'away', seat, away: true, timeouts: holder.timeouts });
    this.output.renewHands.push(seat);
    this.notice(`${holder.name} seems stuck: the server plays for them until they make a move.`);
    this.log.warn({ seat }, 'moves refused in a row: the seat is played for');
    this.autoplay.schedule();
  }

  /** Rebuilds the asker's hand from the rules, at most once per `Limits.resyncIntervalMs`. */
  private resync(member: Member): ProtocolError | null {
    const now = this.env.clock.now();
    if (now - member.lastResyncAt < Limits.resyncIntervalMs) {
      return fail(ErrorCode.RateLimited, 'Your hand was refreshed a moment ago: wait a little.');
    }
    member.lastResyncAt = now;
    const seat = this.seatOf(member.playerId);
    if (seat !== null && this.gameState !== null) this.output.renewHands.push(seat);
    return null;
  }

  private deal(): void {
    this.commit({ kind: 'deal', seed: this.env.random.seed() });
    this.env.observer?.onDeal?.(this.model.code, this.game, this.gameState);
    this.log.info({ seats: this.model.seats.length, seedHash: this.model.seedHash }, 'game started');
    this.autoplay.schedule();
  }

  /** Plays `move` for `seat` if the rules accept it; the refusal otherwise. */
  applyMove(seat: Seat, move: MoveBase, by: ActedBy): ProtocolError | null {
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
    // The hand the move was made in, before a hand's last move turns the board to the next.
    const handNumber = this.model.handNumber;
    this.commit({ kind: 'move', seat, move, by }, result.state);
    const events: GameEventsMessage = {
      type: 'events', moveNumber: this.moves.length, handNumber, seat, by, events: result.events,
    };
    this.recentLog.add(events);
    this.send({ kind: 'events' }, events);
    if (this.model.phase === TablePhase.GameOver) this.recordFinished();
    else this.autoplay.schedule();
    this.env.observer?.onMove?.(this.model.code, {
      game: this.game, state: this.gameState, seat, move, events: result.events, moveNumber: this.moves.length,
    });
    return null;
  }

  /** A seat's clock ran out: it counts, and enough in a row make the seat away. */
  markTimeouts(seat: Seat, away: boolean, timeouts: number): void {
    this.commit({ kind: 'away', seat, away, timeouts });
  }

  /** The rules' hand number on the board, 1 when the game keeps none. */
  private boardHandNumber(): number {
    if (this.gameState === null) return 0;
    const handNumber = (this.game.view(this.gameState, null).public as Record<string, unknown>)['handNumber'];
    return typeof handNumber === 'number' ? handNumber : 1;
  }

  private recordFinished(): void {
    this.autoplay.stop();
    this.log.info({ scores: this.model.outcome.scores, winners: this.model.outcome.winners, moves: this.moves.length }, 'game over');
    this.output.finished.push({
      gameId: this.game.id, seed: this.seed, seedHash: this.model.seedHash, options: this.model.options,
      seats: this.model.seats.map(holderOf), moves: [...this.moves], scores: [...this.model.outcome.scores],
      startedAt: this.dealtAt, finishedAt: this.env.clock.now(),
    });
  }

  // ---------------------------------------------------------------- log and replay

  /** Records an accepted change for the log and applies it. `next` is the rules state a move already computed. */
  private commit(action: TableAction, next?: unknown): void {
    const at = this.env.clock.now();
    if (!this.replaying) this.output.actions.push({ at, action });
    this.applyAction(action, at, next);
  }

  /** Records the turn clock's new deadline, started `wait` ms before it (not applied on replay: `restore` reads it). */
  logDeadline(deadline: number, wait = 0): void {
    this.model.deadline = deadline;
    this.model.deadlineWait = wait;
    this.model.clockStarts++;
    if (!this.replaying) this.output.actions.push({ at: this.env.clock.now(), action: { kind: 'clock', deadline } });
  }

  /** The one place the model changes for a logged reason, live and on replay alike. */
  private applyAction(action: TableAction, at: number, next?: unknown): void {
    const model = this.model;
    switch (action.kind) {
      case 'create': {
        this.optionInput = { ...action.optionInput };
        const options = this.game.parseOptions(this.optionInput, action.seatCount);
        model.options = options.ok ? (options.value as Record<string, OptionValue>) : {};
        model.visibility = action.visibility;
        model.turnSeconds = action.turnSeconds;
        model.maxSpectators = action.maxSpectators;
        for (let index = 0; index < action.seatCount; index++) model.seats.push(seatModel(emptyHolder()));
        return;
      }
      case 'configure': {
        const game = this.env.games.find((candidate) => candidate.id === action.gameId) ?? this.game;
        const options = game.parseOptions(action.optionInput, action.seatCount);
        this.game = game;
        this.optionInput = { ...action.optionInput };
        model.gameId = game.id;
        if (options.ok) model.options = options.value as Record<string, OptionValue>;
        while (model.seats.length > action.seatCount) model.seats.pop();
        while (model.seats.length < action.seatCount) model.seats.push(seatModel(emptyHolder()));
        model.turnSeconds = action.turnSeconds;
        model.visibility = action.visibility;
        return;
      }
      case 'seat':
        Object.assign(model.seats[action.seat]!, seatModel(action.holder));
        return;
      case 'away': {
        const holder = model.seats[action.seat]!;
        holder.away = action.away;
        holder.timeouts = action.timeouts;
        return;
      }
      case 'host':
        model.hostId = action.playerId;
        return;
      case 'ban':
        this.door.keepOut(action.playerId, action.device ?? null);
        return;
      case 'lock':
        model.locked = action.locked;
        return;
      case 'admit':
        this.door.admit(action.playerId);
        return;
      case 'chat':
        this.chatId = action.line.id;
        this.chat.push(action.line);
        if (this.chat.length > Limits.chatHistory) this.chat.shift();
        return;
      case 'start': {
        const taken = model.seats.filter((seat) => seat.kind !== SeatKind.Empty).length;
        const options = this.game.parseOptions(this.optionInput, taken);
        // Empty seats are dropped so the game is dealt for the seats that play.
        for (let index = model.seats.length - 1; index >= 0; index--) {
          if (model.seats[index]!.kind === SeatKind.Empty) model.seats.splice(index, 1);
        }
        if (options.ok) model.options = options.value as Record<string, OptionValue>;
        return;
      }
      case 'deal':
        this.endGame();
        model.deals++;
        this.seed = action.seed;
        this.moves = [];
        this.dealtAt = at;
        this.gameState = this.game.setup({ seed: action.seed, seats: model.seats.length, options: model.options });
        this.recentLog.clear();
        this.refusals.clear();
        this.stuck.clear();
        this.position++;
        model.seedHash = createHash('sha256').update(action.seed).digest('hex');
        model.handNumber = this.boardHandNumber();
        model.phase = TablePhase.Playing;
        for (const seat of model.seats) seat.timeouts = 0;
        return;
      case 'move': {
        let state = next;
        if (state === undefined) {
          const result = this.game.apply(this.gameState, action.seat, action.move);
          if (!result.ok) throw new Error(`logged move ${this.moves.length + 1} is refused: ${result.error.message}`);
          state = result.state;
          // A restored table's log comes back too: the same events the live move sent.
          this.recentLog.add({
            type: 'events', moveNumber: this.moves.length + 1, handNumber: model.handNumber, seat: action.seat, by: action.by,
            events: result.events,
          });
        }
        this.gameState = state;
        this.position++;
        this.moves.push({ seat: action.seat, move: action.move });
        model.moveNumber = this.moves.length;
        model.handNumber = this.boardHandNumber();
        model.lastSeat = action.seat;
        model.lastBy = action.by;
        const outcome = this.game.outcome(state);
        if (outcome !== null) {
          model.outcome = { scores: [...outcome.scores], winners: [...outcome.winners], ranking: [...outcome.ranking] };
          model.phase = TablePhase.GameOver;
          model.seed = this.seed;
          model.deadline = 0;
        }
        return;
      }
      case 'lobby':
        this.endGame();
        model.phase = TablePhase.Lobby;
        return;
      case 'clock':
        model.deadline = action.deadline;
        model.deadlineWait = 0;
        return;
      case 'stop':
        return;
      default: {
        const unreachable: never = action;
        throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Forgets the previous game (before a deal, or back to the lobby). */
  private endGame(): void {
    this.autoplay.stop();
    this.gameState = null;
    this.position++;
    const model = this.model;
    model.outcome = { scores: [], winners: [], ranking: [] };
    model.deadline = 0;
    model.handNumber = 0;
    model.moveNumber = 0;
    model.lastSeat = -1;
    model.lastBy = '';
    model.seedHash = '';
    model.seed = '';
  }

  // ---------------------------------------------------------------- output

  send(to: Audience, message: ServerMessage): void {
    if (!this.replaying && !this.closed) this.output.messages.push({ to, message });
  }

  notice(text: string): void {
    const message = { type: 'notice', text } as const;
    if (!this.replaying && !this.closed) this.recentLog.add(message);
    this.send({ kind: 'all' }, message);
  }

  /** The server stops on purpose: the turn clock stands still from now until the restart. */
  stop(): void {
    this.commit({ kind: 'stop' });
    this.close();
  }

  /** No more timers or bot moves (the room is closing). */
  close(): void {
    this.closed = true;
    this.door.close();
    this.autoplay.stop();
    this.restoreTimer?.clear();
    this.restoreTimer = null;
  }
}

function botHolder(seat: Seat, level: BotLevel): LoggedHolder {
  return { kind: SeatKind.Bot, playerId: '', name: `Bot ${seat + 1}`, botLevel: level };
}

function seatModel(holder: LoggedHolder): SeatModel {
  return {
    ...holder, connected: holder.kind === SeatKind.Bot, reconnectDeadline: 0, away: false, timeouts: 0,
    program: holder.program === true,
  };
}
