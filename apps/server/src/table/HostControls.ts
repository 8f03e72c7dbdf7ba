/**
 * What only the host may do: set the game up, seat and unseat bots, swap
 * seats (how partners are chosen), kick, lock the table and answer knocks,
 * start, rematch and go back to the lobby. Each control checks its request,
 * then changes the table through logged actions (`commit`), so a restart
 * replays it like any other change.
 */
import type { Seat } from '@deckhand/rules';
import { BotLevel, CloseCode, ErrorCode, SeatKind, TablePhase } from '@deckhand/protocol';
import type { ClientMessage, ProtocolError } from '@deckhand/protocol';
import { botHolder } from './LoggedState';
import { clamp, emptyHolder, fail, holderOf } from './seats';
import type { Member } from './seats';
import type { LoggedHolder, TableAccess } from './types';

/** The messages only the host may send. */
export type HostMessage = Extract<ClientMessage, {
  type: 'configure' | 'addBot' | 'removeBot' | 'swapSeats' | 'kick' | 'start' | 'rematch' | 'toLobby' | 'lock' | 'admit' | 'refuse';
}>;

/** What the host's controls need of their table (the `Table` hands these over; its other parts stay private). */
export interface HostedTable extends TableAccess {
  seatOf(playerId: string): Seat | null;
  member(playerId: string): Member | undefined;
  isMember(playerId: string): boolean;
  /** Drops the member and closes their connections with `code`. */
  disconnect(playerId: string, code: CloseCode): void;
  attachSeat(seat: Seat, member: Member): void;
  deal(): void;
}

export class HostControls {
  constructor(private readonly table: HostedTable) {}

  /** A host message from `member`: refused unless they are the host (and, for setup, in the lobby). */
  handle(member: Member, message: HostMessage): ProtocolError | null {
    if (member.playerId !== this.table.model.hostId) return fail(ErrorCode.NotHost, 'Only the host can do that.');
    switch (message.type) {
      case 'configure':
        return this.inLobby() ?? this.configure(message);
      case 'addBot':
        return this.inLobby() ?? this.addBot(message.seat, message.level);
      case 'removeBot':
        return this.inLobby() ?? this.removeBot(message.seat);
      case 'swapSeats':
        return this.inLobby() ?? this.swapSeats(message.seat, message.with);
      case 'start':
        return this.inLobby() ?? this.start();
      case 'kick':
        return this.kick(member, message.playerId);
      case 'rematch':
        return this.rematch();
      case 'toLobby':
        return this.toLobby();
      case 'lock':
        return this.setLocked(message.locked);
      case 'admit':
        return this.answerKnock(message.playerId, true);
      case 'refuse':
        return this.answerKnock(message.playerId, false);
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private inLobby(): ProtocolError | null {
    return this.table.requirePhase(TablePhase.Lobby, 'before the game starts');
  }

  private configure(message: Extract<ClientMessage, { type: 'configure' }>): ProtocolError | null {
    let game = this.table.state.game;
    let optionInput = this.table.state.optionInput;
    if (message.gameId !== undefined && message.gameId !== game.id) {
      const next = this.table.env.games.find((candidate) => candidate.id === message.gameId);
      if (!next) return fail(ErrorCode.NoSuchGame, `There is no game "${message.gameId}".`);
      game = next;
      optionInput = {};
    }
    if (message.options) optionInput = { ...optionInput, ...message.options };
    const seats = this.table.model.seats;
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
    this.table.commit({
      kind: 'configure', gameId: game.id, optionInput, seatCount,
      turnSeconds: message.turnSeconds ?? this.table.model.turnSeconds, visibility: message.visibility ?? this.table.model.visibility,
    });
    return null;
  }

  private addBot(seat: Seat, level: BotLevel): ProtocolError | null {
    const target = this.table.model.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Empty) return fail(ErrorCode.SeatTaken, `Seat ${seat + 1} is taken.`);
    this.table.commit({ kind: 'seat', seat, holder: botHolder(seat, level) });
    return null;
  }

  private removeBot(seat: Seat): ProtocolError | null {
    const target = this.table.model.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Bot) return fail(ErrorCode.NotABot, `Seat ${seat + 1} holds no bot.`);
    this.table.commit({ kind: 'seat', seat, holder: emptyHolder() });
    return null;
  }

  /** Whoever sits in `seat` and in `other` (a person, a bot or nobody) change places: how partners are chosen. */
  private swapSeats(seat: Seat, other: Seat): ProtocolError | null {
    const first = this.table.model.seats[seat];
    const second = this.table.model.seats[other];
    if (!first) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (!second) return fail(ErrorCode.NoSuchSeat, `There is no seat ${other + 1}.`);
    if (seat === other) return fail(ErrorCode.BadMessage, 'Choose two different seats to swap.');
    // A bot is named after its seat.
    const movedTo = (holder: LoggedHolder, to: Seat) => (holder.kind === SeatKind.Bot ? botHolder(to, holder.botLevel as BotLevel) : holder);
    const moving = holderOf(first);
    this.table.commit({ kind: 'seat', seat, holder: movedTo(holderOf(second), seat) });
    this.table.commit({ kind: 'seat', seat: other, holder: movedTo(moving, other) });
    for (const index of [seat, other]) {
      const member = this.table.member(this.table.model.seats[index]!.playerId);
      if (this.table.model.seats[index]!.kind === SeatKind.Human && member) this.table.attachSeat(index, member);
    }
    return null;
  }

  private kick(host: Member, playerId: string): ProtocolError | null {
    if (playerId === host.playerId) return fail(ErrorCode.NoSuchPlayer, 'You cannot kick yourself.');
    const member = this.table.member(playerId);
    const seat = this.table.seatOf(playerId);
    if (!member && seat === null && !this.table.model.spectators.has(playerId)) {
      return fail(ErrorCode.NoSuchPlayer, 'That player is not at this table.');
    }
    this.table.commit({ kind: 'ban', playerId, device: member?.device ?? null });
    const name = member?.name ?? (seat !== null ? this.table.model.seats[seat]!.name : 'A player');
    if (seat !== null) {
      // Mid-game the seat cannot be emptied: a bot finishes the kicked player's game.
      const holder = this.table.model.phase === TablePhase.Lobby ? emptyHolder() : botHolder(seat, BotLevel.Normal);
      this.table.commit({ kind: 'seat', seat, holder });
      this.table.scheduleBots();
    }
    this.table.model.spectators.delete(playerId);
    if (member) {
      this.table.disconnect(playerId, CloseCode.Kicked);
    }
    this.table.notice(`${name} was removed by the host.`);
    this.table.log.info({ player: playerId }, 'kicked');
    return null;
  }

  private setLocked(locked: boolean): ProtocolError | null {
    if (this.table.model.locked === locked) return null;
    this.table.commit({ kind: 'lock', locked });
    // Unlocking lets everyone knocking in: nobody is left waiting for an answer that no longer matters.
    if (!locked) for (const knocker of this.table.door.knocking()) this.answerKnock(knocker.playerId, true);
    this.table.notice(locked ? 'The host locked the table: newcomers knock.' : 'The host unlocked the table.');
    return null;
  }

  private answerKnock(playerId: string, admit: boolean): ProtocolError | null {
    const knocker = this.table.door.knocking().find((candidate) => candidate.playerId === playerId);
    if (!knocker) return fail(ErrorCode.NoSuchPlayer, 'Nobody with that id is knocking.');
    // Logged before the answer, so the knocker's join (or its ban) outlives a restart.
    if (admit) this.table.commit({ kind: 'admit', playerId });
    else this.table.commit({ kind: 'ban', playerId, device: this.table.door.knockingDevice(playerId) ?? null });
    this.table.door.answer(playerId, admit ? 'admitted' : 'refused');
    this.table.notice(admit ? `The host let ${knocker.name} in.` : `The host did not let ${knocker.name} in.`);
    this.table.log.info({ player: playerId, admit }, 'knock answered');
    return null;
  }

  private start(): ProtocolError | null {
    const taken = this.table.model.seats.filter((seat) => seat.kind !== SeatKind.Empty).length;
    if (taken < this.table.state.game.minSeats) {
      return fail(ErrorCode.NotEnoughPlayers, `${this.table.state.game.name} needs at least ${this.table.state.game.minSeats} players (players or bots).`);
    }
    const options = this.table.state.game.parseOptions(this.table.state.optionInput, taken);
    if (!options.ok) return fail(ErrorCode.InvalidOptions, options.error.message);
    this.table.commit({ kind: 'start' });
    this.table.deal();
    return null;
  }

  private rematch(): ProtocolError | null {
    const phase = this.table.requirePhase(TablePhase.GameOver, 'once the game is over');
    if (phase) return phase;
    this.table.deal();
    return null;
  }

  private toLobby(): ProtocolError | null {
    const phase = this.table.requirePhase(TablePhase.GameOver, 'once the game is over');
    if (phase) return phase;
    this.table.commit({ kind: 'lobby' });
    // Players who left during the game give their seats back.
    this.table.model.seats.forEach((seat, index) => {
      if (seat.kind === SeatKind.Human && !this.table.isMember(seat.playerId)) {
        this.table.commit({ kind: 'seat', seat: index, holder: emptyHolder() });
      }
    });
    return null;
  }
}
