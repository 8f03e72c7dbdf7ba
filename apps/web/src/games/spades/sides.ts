import type { SeatSnapshot } from '@deckhand/protocol';
import { seatLabel } from '../../table/SeatBadges';

/** [S-01] Partners sit across: side 0 is seats 0 and 2, side 1 seats 1 and 3. */
export const SIDE_SEATS: readonly (readonly number[])[] = [[0, 2], [1, 3]];

export function sideOfSeat(seat: number): number {
  return seat % 2;
}

/** "Ana & Cy". */
export function sideName(seats: readonly SeatSnapshot[], side: number): string {
  return SIDE_SEATS[side]!.map((seat) => seatLabel(seats[seat], seat)).join(' & ');
}

/** A bid as people say it: "nil", "blind nil", "3". */
export function bidWords(bid: number, blind: boolean): string {
  if (bid < 0) return 'bidding…';
  if (bid === 0) return blind ? 'blind nil' : 'nil';
  return String(bid);
}
