/**
 * Who is at the table and where they sit: the members, who may come in,
 * joins, dropped connections and returns, departures, sitting and standing,
 * and the host role passing on. Apart from `Table` because it needs little of
 * it: seats and host change through logged actions (`commit`), as elsewhere.
 */
import type { Seat } from '@deckhand/rules';
import { ErrorCode, SeatKind, TablePhase } from '@deckhand/protocol';
import type { ProtocolError, ServerMessage } from '@deckhand/protocol';
import { nameClash } from '../nameSkeleton';
import { emptyHolder, fail, holderOf } from './seats';
import type { Member } from './seats';
import type { Audience, TableAccess } from './types';

/** What membership needs of its table (the `Table` hands these over; its other parts stay private). */
export interface MembersTable extends TableAccess {
  send(to: Audience, message: ServerMessage): void;
}

export class Membership {
  private readonly members = new Map<string, Member>();
  /** Names of joiners let through `claimName` whose `join` has not run yet: two of them cannot share a name. */
  private readonly arriving = new Map<string, string>();

  constructor(private readonly table: MembersTable) {}

  get(playerId: string): Member | undefined {
    return this.members.get(playerId);
  }

  has(playerId: string): boolean {
    return this.members.has(playerId);
  }

  get size(): number {
    return this.members.size;
  }

  /** The member is gone without a word (kicked: the table closes their connections). */
  forget(playerId: string): void {
    this.members.delete(playerId);
  }

  seatOf(playerId: string): Seat | null {
    const index = this.table.model.seats.findIndex((seat) => seat.kind === SeatKind.Human && seat.playerId === playerId);
    return index >= 0 ? index : null;
  }

  /**
   * Why `playerId` (on `device`) may not come in, or null. Checked before a
   * connection is accepted. 'locked': a newcomer at a locked table, who may
   * `knock`; people already at the table (a second tab, a rejoin) are not newcomers.
   */
  admission(playerId: string, spectate: boolean, device: string | null): 'banned' | 'locked' | 'full' | null {
    if (this.table.door.isKeptOut(playerId, device)) return 'banned';
    const known = this.members.has(playerId) || this.seatOf(playerId) !== null;
    if (this.table.model.locked && !known && !this.table.door.isAdmitted(playerId)) return 'locked';
    if (!known && (spectate || !this.hasFreeSeat()) && this.table.model.spectators.size >= this.table.model.maxSpectators) return 'full';
    return null;
  }

  /**
   * The name of someone at the table (or joining) that `identity`'s name
   * reads the same as (see `nameSkeleton`), or null; then the name is held
   * for this joiner until its `join`, so two joiners cannot both pass with one name.
   */
  claimName(identity: { playerId: string; name: string }): string | null {
    const people = [
      ...this.table.model.seats.map((seat) => ({ playerId: seat.playerId, name: seat.name })),
      ...[...this.table.model.spectators.entries()].map(([playerId, spectator]) => ({ playerId, name: spectator.name })),
      ...[...this.arriving.entries()].map(([playerId, name]) => ({ playerId, name })),
    ];
    const clash = nameClash(identity.name, identity.playerId, people);
    if (clash === null) this.arriving.set(identity.playerId, identity.name);
    return clash;
  }

  /** A connection of `identity` came in (new, or the same player again). Answers the seat it holds. */
  join(identity: { playerId: string; name: string }, spectate: boolean, program: boolean, device: string | null): Seat | null {
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
    const returning = seat !== null && this.table.model.seats[seat]!.reconnectDeadline > 0;
    if (seat === null && !spectate && this.table.model.phase === TablePhase.Lobby) {
      const free = this.table.model.seats.findIndex((candidate) => candidate.kind === SeatKind.Empty);
      if (free >= 0) {
        seat = free;
        this.table.commit({ kind: 'seat', seat, holder: holderOf(member) });
      }
    }
    if (seat !== null) this.attachSeat(seat, member);
    else this.table.model.spectators.set(identity.playerId, { name: identity.name, connected: true });
    if (this.table.model.hostId === '') this.table.commit({ kind: 'host', playerId: identity.playerId });
    // Nothing to send is sent as nothing: an empty history still cost each joiner its bytes.
    const chat = this.table.state.chat;
    if (chat.length > 0) this.table.send({ kind: 'player', playerId: identity.playerId }, { type: 'chatHistory', lines: chat });
    const recent = this.table.state.recentLog.tail();
    if (recent.entries.length > 0) this.table.send({ kind: 'player', playerId: identity.playerId }, recent);
    this.table.notice(returning ? `${identity.name} is back.` : `${identity.name} joined${seat === null ? ' as a spectator' : ''}.`);
    this.table.log.info({ player: identity.playerId, seat }, 'joined');
    return seat;
  }

  /** The connection dropped; the seat is held until `leave` (or the same player's `join`). */
  drop(playerId: string): void {
    const member = this.members.get(playerId);
    if (!member) return;
    member.connected = false;
    member.logMark = this.table.state.recentLog.mark();
    const seat = this.seatOf(playerId);
    if (seat !== null) {
      const holder = this.table.model.seats[seat]!;
      holder.connected = false;
      holder.reconnectDeadline = this.table.env.clock.now() + this.table.env.config.reconnectSeconds * 1000;
    }
    const spectator = this.table.model.spectators.get(playerId);
    if (spectator) spectator.connected = false;
    this.table.log.info({ player: playerId, seat }, 'connection lost; holding the seat');
  }

  /** The dropped connection came back within the window. */
  back(playerId: string): void {
    const member = this.members.get(playerId);
    if (!member) return;
    member.connected = true;
    const seat = this.seatOf(playerId);
    if (seat !== null) this.attachSeat(seat, member);
    const spectator = this.table.model.spectators.get(playerId);
    if (spectator) spectator.connected = true;
    // What happened while the connection was down: the page kept the rest of its log.
    const missed = member.logMark ? this.table.state.recentLog.since(member.logMark) : this.table.state.recentLog.tail();
    member.logMark = null;
    if (missed.entries.length > 0) this.table.send({ kind: 'player', playerId }, missed);
    this.table.log.info({ player: playerId, seat }, 'reconnected');
  }

  /** A member left for good (a consented leave, or the reconnection window ran out). */
  leave(playerId: string, why: 'left' | 'timeout'): void {
    const member = this.members.get(playerId);
    if (!member) return;
    this.members.delete(playerId);
    const seat = this.seatOf(playerId);
    if (seat !== null) this.vacate(seat);
    this.table.model.spectators.delete(playerId);
    if (this.table.model.hostId === playerId) this.passHost(seat);
    this.table.notice(`${member.name} ${why === 'left' ? 'left' : 'lost connection'}.`);
    this.table.log.info({ player: playerId, seat, why }, 'departed');
  }

  /** After a restart everyone is reconnecting: seated humans keep their seats until `deadline`. */
  holdSeats(deadline: number): void {
    for (const holder of this.table.model.seats) {
      if (holder.kind !== SeatKind.Human) continue;
      holder.connected = false;
      holder.reconnectDeadline = deadline;
    }
  }

  /** The window after a restart is over: whoever did not come back has left. */
  releaseAbsent(): void {
    for (let seat = 0; seat < this.table.model.seats.length; seat++) {
      const holder = this.table.model.seats[seat]!;
      if (holder.kind !== SeatKind.Human || this.members.has(holder.playerId) || holder.reconnectDeadline === 0) continue;
      this.vacate(seat);
      this.table.notice(`${holder.name} lost connection.`);
    }
    if (this.table.model.hostId !== '' && !this.members.has(this.table.model.hostId)) this.passHost(this.seatOf(this.table.model.hostId));
  }

  sit(member: Member, seat: Seat): ProtocolError | null {
    const phase = this.table.requirePhase(TablePhase.Lobby, 'between games');
    if (phase) return phase;
    const target = this.table.model.seats[seat];
    if (!target) return fail(ErrorCode.NoSuchSeat, `There is no seat ${seat + 1}.`);
    if (target.kind !== SeatKind.Empty) return fail(ErrorCode.SeatTaken, `Seat ${seat + 1} is taken.`);
    const current = this.seatOf(member.playerId);
    if (current !== null) this.table.commit({ kind: 'seat', seat: current, holder: emptyHolder() });
    this.table.model.spectators.delete(member.playerId);
    this.table.commit({ kind: 'seat', seat, holder: holderOf(member) });
    this.attachSeat(seat, member);
    return null;
  }

  stand(member: Member): ProtocolError | null {
    const phase = this.table.requirePhase(TablePhase.Lobby, 'between games');
    if (phase) return phase;
    const current = this.seatOf(member.playerId);
    if (current === null) return fail(ErrorCode.NotSeated, 'You are not seated.');
    if (this.table.model.spectators.size >= this.table.model.maxSpectators) return fail(ErrorCode.TableFull, 'The spectator gallery is full.');
    this.table.commit({ kind: 'seat', seat: current, holder: emptyHolder() });
    this.table.model.spectators.set(member.playerId, { name: member.name, connected: member.connected });
    return null;
  }

  /** A seat's human is gone: in the lobby the seat frees up; in a game a bot plays it until they come back. */
  private vacate(seat: Seat): void {
    const holder = this.table.model.seats[seat]!;
    holder.connected = false;
    holder.reconnectDeadline = 0;
    if (this.table.model.phase === TablePhase.Lobby) {
      this.table.commit({ kind: 'seat', seat, holder: emptyHolder() });
    } else {
      this.table.commit({ kind: 'away', seat, away: true, timeouts: holder.timeouts });
      this.table.scheduleBots();
    }
  }

  /** A member's connection now holds their seat: online, not away. */
  attachSeat(seat: Seat, member: Member): void {
    const holder = this.table.model.seats[seat]!;
    holder.connected = member.connected;
    holder.reconnectDeadline = 0;
    holder.name = member.name;
    if (holder.away || holder.timeouts > 0) this.table.commit({ kind: 'away', seat, away: false, timeouts: 0 });
    this.table.scheduleBots();
  }

  private hasFreeSeat(): boolean {
    return this.table.model.phase === TablePhase.Lobby && this.table.model.seats.some((seat) => seat.kind === SeatKind.Empty);
  }

  /** The host role passes to the next seated human (after the old host's seat), else to a spectator. */
  private passHost(fromSeat: Seat | null): void {
    const seats = this.table.model.seats;
    const start = fromSeat ?? -1;
    for (let step = 1; step <= seats.length; step++) {
      const index = (((start + step) % seats.length) + seats.length) % seats.length;
      const holder = seats[index]!;
      if (holder.kind === SeatKind.Human && this.members.has(holder.playerId)) {
        this.table.commit({ kind: 'host', playerId: holder.playerId });
        this.table.notice(`${holder.name} is now the host.`);
        return;
      }
    }
    const spectator = [...this.table.model.spectators.keys()].find((playerId) => this.members.has(playerId));
    this.table.commit({ kind: 'host', playerId: spectator ?? '' });
    if (spectator) this.table.notice(`${this.table.model.spectators.get(spectator)!.name} is now the host.`);
  }
}
