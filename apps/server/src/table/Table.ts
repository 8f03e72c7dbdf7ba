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
import type { Logger } from 'pino';
import { Rng } from '@deckhand/rules';
import type { AnyGame, MoveBase, OptionValue, Seat, WireRecord } from '@deckhand/rules';
import {
  ErrorCode, Limits, SeatKind, TablePhase, Visibility, cleanChatText,
} from '@deckhand/protocol';
import type { ChatLine, ClientMessage, GameEventsMessage, ProtocolError, ServerMessage } from '@deckhand/protocol';
import { nameClash } from '../nameSkeleton';
import { Autoplay } from './Autoplay';
import { HostControls } from './HostControls';
import { LoggedState } from './LoggedState';
import { TableDoor } from './TableDoor';
import type { KnockAnswer, Knocker } from './TableDoor';
import { clamp, emptyHolder, fail, holderOf } from './seats';
import type { Member } from './seats';
import type {
  ActedBy, Audience, GameRecord, TableAction, TableEnv, TableModel, TableOutput, TimedAction,
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


function newOutput(): TableOutput {
  return { actions: [], messages: [], disconnects: [], finished: [], renewHands: [], close: false };
}

export class Table {
  /** Everything the log rebuilds (see `LoggedState`). */
  readonly state: LoggedState;
  /** The model the room mirrors (the state's). */
  readonly model: TableModel;
  readonly log: Logger;

  private readonly members = new Map<string, Member>();
  /** Kicked and refused people, admitted ones, and knockers. */
  private readonly door: TableDoor;
  /** Names of joiners let through `claimName` whose `join` has not run yet: two of them cannot share a name. */
  private readonly arriving = new Map<string, string>();
  /** Moves refused in a row on each seat's own turn (see `countRefusal`). */
  private readonly refusals = new Map<Seat, number>();
  /** Seats marked away for refused moves: only an accepted move brings them back. */
  private readonly stuck = new Set<Seat>();
  private output = newOutput();
  /** True while a log is replayed: no timers, messages or log writes. */
  private replaying = false;
  /** When the log's last move was made (a restored table's game over ended then). */
  private lastMoveAt: number | null = null;
  private readonly autoplay: Autoplay;
  private readonly hostControls: HostControls;
  /** Seats whose reconnection window after a restart is still open. */
  private restoreTimer: { clear(): void } | null = null;
  closed = false;

  private constructor(
    readonly env: TableEnv,
    code: string,
    game: AnyGame,
  ) {
    this.log = env.logger.child({ table: code });
    this.door = new TableDoor(env.clock);
    this.state = new LoggedState(env.games, code, game, this.door);
    this.model = this.state.model;
    this.autoplay = new Autoplay(this, Rng.fromSeed(env.random.botSeed()));
    this.hostControls = new HostControls({
      model: this.model, state: this.state, env, log: this.log, door: this.door,
      commit: (action) => this.commit(action),
      notice: (text) => this.notice(text),
      seatOf: (playerId) => this.seatOf(playerId),
      member: (playerId) => this.members.get(playerId),
      isMember: (playerId) => this.members.has(playerId),
      disconnect: (playerId, code) => {
        this.members.delete(playerId);
        this.output.disconnects.push({ playerId, code });
      },
      attachSeat: (seat, member) => this.attachSeat(seat, member),
      scheduleBots: () => this.autoplay.schedule(),
      deal: () => this.deal(),
      requirePhase: (phase, when) => this.requirePhase(phase, when),
    });
  }

  /** The game being played or set up. */
  get game(): AnyGame {
    return this.state.game;
  }

  /** The rules state of the game being played; null in the lobby and after `toLobby`. */
  get gameState(): unknown {
    return this.state.gameState;
  }

  /** Bumped at every change of the game: the room re-mirrors the board when it moves. */
  get position(): number {
    return this.state.position;
  }

  /** The rules' public view of the game being played (null without one): the board every client is shown. */
  publicView(): WireRecord | null {
    return this.state.publicView();
  }

  get chat(): readonly ChatLine[] {
    return this.state.chat;
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
      else table.state.apply(action, at);
      if (action.kind === 'move') table.lastMoveAt = at;
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
      member = { playerId: identity.playerId, name: identity.name, connected: true, program, lastResyncAt: 0, device, logMark: null };
      this.members.set(identity.playerId, member);
    }
    member.name = identity.name;
    member.device = device ?? member.device;
    member.connected = true;
    member.program = program;
    let seat = this.seatOf(identity.playerId);
    // A seat held through a restart: its player is back, not new (`attachSeat` ends the hold).
    const returning = seat !== null && this.model.seats[seat]!.reconnectDeadline > 0;
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
    // Nothing to send is sent as nothing: an empty history still cost each joiner its bytes.
    if (this.chat.length > 0) this.send({ kind: 'player', playerId: identity.playerId }, { type: 'chatHistory', lines: this.chat });
    const recent = this.state.recentLog.tail();
    if (recent.entries.length > 0) this.send({ kind: 'player', playerId: identity.playerId }, recent);
    this.notice(returning ? `${identity.name} is back.` : `${identity.name} joined${seat === null ? ' as a spectator' : ''}.`);
    this.log.info({ player: identity.playerId, seat }, 'joined');
    return seat;
  }

  /** The connection dropped; the seat is held until `leave` (or the same player's `join`). */
  drop(playerId: string): void {
    const member = this.members.get(playerId);
    if (!member) return;
    member.connected = false;
    member.logMark = this.state.recentLog.mark();
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
    // What happened while the connection was down: the page kept the rest of its log.
    const missed = member.logMark ? this.state.recentLog.since(member.logMark) : this.state.recentLog.tail();
    member.logMark = null;
    if (missed.entries.length > 0) this.send({ kind: 'player', playerId }, missed);
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
      case 'addBot':
      case 'removeBot':
      case 'swapSeats':
      case 'kick':
      case 'start':
      case 'rematch':
      case 'toLobby':
      case 'lock':
      case 'admit':
      case 'refuse':
        return this.hostControls.handle(member, message);
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
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
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
      id: this.state.chatId + 1, seat: this.seatOf(member.playerId), playerId: member.playerId, name: member.name, text,
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
      type: 'record', gameId: this.game.id, seed: this.state.seed, seedHash: this.model.seedHash,
      seats: this.model.seats.length, options: this.model.options, moves: this.state.moves,
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
      type: 'events', moveNumber: this.state.moves.length, handNumber, seat, by, events: result.events,
    };
    this.state.recentLog.add(events);
    this.send({ kind: 'events' }, events);
    if (this.model.phase === TablePhase.GameOver) this.recordFinished();
    else this.autoplay.schedule();
    this.env.observer?.onMove?.(this.model.code, {
      game: this.game, state: this.gameState, seat, move, events: result.events, moveNumber: this.state.moves.length,
    });
    return null;
  }

  /** A seat's clock ran out: it counts, and enough in a row make the seat away. */
  markTimeouts(seat: Seat, away: boolean, timeouts: number): void {
    this.commit({ kind: 'away', seat, away, timeouts });
  }

  private recordFinished(): void {
    this.autoplay.stop();
    this.log.info({ scores: this.model.outcome.scores, winners: this.model.outcome.winners, moves: this.state.moves.length }, 'game over');
    this.output.finished.push(this.finishedRecord(this.env.clock.now()));
  }

  /**
   * After a restore that ended on a game over the store may not have kept
   * (the process stopped between the last move's log write and the game's):
   * hands the game to the next output as if it had just ended, at its last
   * move's time. No-op unless a game is over.
   */
  recordRestoredGameOver(): void {
    if (this.model.phase !== TablePhase.GameOver || this.gameState === null) return;
    this.output.finished.push(this.finishedRecord(this.lastMoveAt ?? this.env.clock.now()));
  }

  private finishedRecord(finishedAt: number): GameRecord {
    return {
      gameId: this.game.id, seed: this.state.seed, seedHash: this.model.seedHash, options: this.model.options,
      seats: this.model.seats.map(holderOf), moves: [...this.state.moves], scores: [...this.model.outcome.scores],
      startedAt: this.state.dealtAt, finishedAt,
    };
  }

  // ---------------------------------------------------------------- log and replay

  /** Records an accepted change for the log and applies it. `next` is the rules state a move already computed. */
  private commit(action: TableAction, next?: unknown): void {
    const at = this.env.clock.now();
    if (!this.replaying) this.output.actions.push({ at, action });
    if (action.kind === 'deal' || action.kind === 'lobby') {
      // A new game or none: the old one's bot moves, timers and refusal counts go with it.
      this.autoplay.stop();
      this.refusals.clear();
      this.stuck.clear();
    }
    this.state.apply(action, at, next);
  }

  /** Records the turn clock's new deadline, started `wait` ms before it (not applied on replay: `restore` reads it). */
  logDeadline(deadline: number, wait = 0): void {
    this.model.deadline = deadline;
    this.model.deadlineWait = wait;
    this.model.clockStarts++;
    if (!this.replaying) this.output.actions.push({ at: this.env.clock.now(), action: { kind: 'clock', deadline } });
  }

  // ---------------------------------------------------------------- output

  send(to: Audience, message: ServerMessage): void {
    if (!this.replaying && !this.closed) this.output.messages.push({ to, message });
  }

  notice(text: string): void {
    const message = { type: 'notice', text } as const;
    if (!this.replaying && !this.closed) this.state.recentLog.add(message);
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
