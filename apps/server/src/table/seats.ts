/** Small helpers for seats and refusals, shared by the table core's modules. */
import { SeatKind } from '@deckhand/protocol';
import type { ProtocolError } from '@deckhand/protocol';
import type { LogMark } from '../RecentLog';
import type { LoggedHolder } from './types';

export function fail(code: string, message: string): ProtocolError {
  return { code, message };
}

export function emptyHolder(): LoggedHolder {
  return { kind: SeatKind.Empty, playerId: '', name: '', botLevel: '' };
}

/** A human holder, or the logged shape of any seat. */
export function holderOf(seat: {
  playerId: string; name: string; kind?: LoggedHolder['kind']; botLevel?: LoggedHolder['botLevel']; program?: boolean;
}): LoggedHolder {
  const holder = { kind: seat.kind ?? SeatKind.Human, playerId: seat.playerId, name: seat.name, botLevel: seat.botLevel ?? '' };
  return seat.program === true ? { ...holder, program: true } : holder;
}

/** Someone connected to the table (seated or watching), as the table core keeps them. */
export interface Member {
  readonly playerId: string;
  name: string;
  connected: boolean;
  /** Joined with `program: true`: a bot program, marked on the seat it takes. */
  program: boolean;
  /** When this member last had its hand rebuilt on request (`resync`). */
  lastResyncAt: number;
  /** The browser's device id from the join options, so a kick keeps the device out too. */
  device: string | null;
  /** Where the game's log stood when the connection dropped: coming back, the member gets what it missed. */
  logMark: LogMark | null;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
