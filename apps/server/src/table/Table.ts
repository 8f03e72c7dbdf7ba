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
  ErrorCode, Limits, TablePhase, Visibility, cleanChatText,
} from '@deckhand/protocol';
import type { ChatLine, ClientMessage, GameEventsMessage, ProtocolError, ServerMessage } from '@deckhand/protocol';
import { Autoplay } from './Autoplay';
import { HostControls } from './HostControls';
import { LoggedState } from './LoggedState';
import { Membership } from './Membership';
import { TableDoor } from './TableDoor';
import type { KnockAnswer, Knocker } from './TableDoor';
import { clamp, fail, holderOf } from './seats';
import type { Member } from './seats';
import type {
  ActedBy, Audience, GameRecord, TableAccess, TableAction, TableEnv, TableModel, TableOutput, TimedAction,
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

/** What a call that changed nothing hands back: shared, and frozen so nothing can add to it. */
const NONE = Object.freeze([]) as never[];
const NO_OUTPUT: TableOutput = Object.freeze({ actions: NONE, messages: NONE, disconnects: NONE, finished: NONE, renewHands: NONE, close: false });

export class Table {
  /** Everything the log rebuilds (see `LoggedState`). */
  readonly state: LoggedState;
  /** The model the room mirrors (the state's). */
  readonly model: TableModel;
  readonly log: Logger;

  /** Who is at the table and where they sit. */
  private readonly members: Membership;
  /** Kicked and refused people, admitted ones, and knockers. */
  private readonly door: TableDoor;
  /** Moves refused in a row on each seat's own turn (see `countRefusal`). */
  private readonly refusals = new Map<Seat, number>();
  /** Seats marked away for refused moves: only an accepted move brings them back. */
  private readonly stuck = new Set<Seat>();
  /**
   * What the calls since the last `takeOutput` did, made at the first thing
   * to hand back. A table between moves keeps none: every full collection
   * and every young one that found it alive would copy or mark it.
   */
  private pending: TableOutput | null = null;
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
    const access: TableAccess = {
      model: this.model, state: this.state, env, log: this.log, door: this.door,
      commit: (action) => this.commit(action),
      notice: (text) => this.notice(text),
      requirePhase: (phase, when) => this.requirePhase(phase, when),
      scheduleBots: () => this.autoplay.schedule(),
    };
    this.members = new Membership({ ...access, send: (to, message) => this.send(to, message) });
    this.hostControls = new HostControls({
      ...access,
      seatOf: (playerId) => this.seatOf(playerId),
      member: (playerId) => this.members.get(playerId),
      isMember: (playerId) => this.members.has(playerId),
      disconnect: (playerId, code) => {
        this.members.forget(playerId);
        this.output.disconnects.push({ playerId, code });
      },
      attachSeat: (seat, member) => this.members.attachSeat(seat, member),
      deal: () => this.deal(),
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

  /** Once the room has mirrored a call: the public view is built again when next asked for (`LoggedState.forgetView`). */
  forgetView(): void {
    this.state.forgetView();
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
    const output = this.pending ?? NO_OUTPUT;
    this.pending = null;
    return output;
  }

  private get output(): TableOutput {
    return (this.pending ??= newOutput());
  }

  // ---------------------------------------------------------------- membership

  // Who is at the table and where they sit: `Membership` keeps it, the room asks here.

  seatOf(playerId: string): Seat | null {
    return this.members.seatOf(playerId);
  }

  isMember(playerId: string): boolean {
    return this.members.has(playerId);
  }

  admission(playerId: string, spectate: boolean, device: string | null = null): 'banned' | 'locked' | 'full' | null {
    return this.members.admission(playerId, spectate, device);
  }

  claimName(identity: { playerId: string; name: string }): string | null {
    return this.members.claimName(identity);
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

  join(identity: { playerId: string; name: string }, spectate: boolean, program = false, device: string | null = null): Seat | null {
    return this.members.join(identity, spectate, program, device);
  }

  drop(playerId: string): void {
    this.members.drop(playerId);
  }

  back(playerId: string): void {
    this.members.back(playerId);
  }

  leave(playerId: string, why: 'left' | 'timeout'): void {
    this.members.leave(playerId, why);
  }

  // ---------------------------------------------------------------- after a restart

  /**
   * Everyone is reconnecting: seated humans keep their seats for the
   * reconnection window; the turn clock gets back the time it had left.
   */
  private resumeAfterRestart(timeLeft: number | null): void {
    const window = this.env.config.reconnectSeconds * 1000;
    this.members.holdSeats(this.env.clock.now() + window);
    this.restoreTimer = this.env.clock.later(window, () => this.endRestoreWindow());
    if (timeLeft !== null) this.autoplay.resumeDeadline(timeLeft);
    this.autoplay.schedule();
    this.log.info({ seats: this.model.seats.length, phase: this.model.phase }, 'table restored');
  }

  /** The window after a restart is over: whoever did not come back has left; a table nobody came back to closes. */
  private endRestoreWindow(): void {
    this.restoreTimer = null;
    this.members.releaseAbsent();
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
        return this.members.sit(member, message.seat);
      case 'stand':
        return this.members.stand(member);
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
      seats: this.model.seats.length, options: this.model.options, moves: this.state.playedMoves(),
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
      type: 'events', moveNumber: this.state.moveCount, handNumber, seat, by, events: result.events,
    };
    this.state.recentLog.add(events);
    this.send({ kind: 'events' }, events);
    if (this.model.phase === TablePhase.GameOver) this.recordFinished();
    else this.autoplay.schedule();
    this.env.observer?.onMove?.(this.model.code, {
      game: this.game, state: this.gameState, seat, move, events: result.events, moveNumber: this.state.moveCount,
    });
    return null;
  }

  /** A seat's clock ran out: it counts, and enough in a row make the seat away. */
  markTimeouts(seat: Seat, away: boolean, timeouts: number): void {
    this.commit({ kind: 'away', seat, away, timeouts });
  }

  private recordFinished(): void {
    this.autoplay.stop();
    this.log.info({ scores: this.model.outcome.scores, winners: this.model.outcome.winners, moves: this.state.moveCount }, 'game over');
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
      seats: this.model.seats.map(holderOf), moves: this.state.playedMoves(), scores: [...this.model.outcome.scores],
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
