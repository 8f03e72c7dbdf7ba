/** Small helpers for seats and refusals, shared by the table core's modules. */
import { SeatKind } from '@deckhand/protocol';
import type { ProtocolError } from '@deckhand/protocol';
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
