/**
 * Four colyseus.js clients at one table of the floor server (`floorServer.ts`),
 * driven like a `DeckhandTable` by the load workers: the seat whose turn it
 * is plays the first card of its decoded hand, and the move's latency runs
 * from the send to the moment all four clients have decoded its patch.
 */
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import type { MoveResult } from '../deckhand/DeckhandTable';
import { withTimeout } from '../tableRun';
import { FLOOR_ROOM } from './floorRoomName';

const SEATS = 4;
const STEP_TIMEOUT_MS = 10_000;

/** The decoded fields a floor move reads: the last seat, and the hand this client may see. */
interface FloorDecoded {
  readonly lastSeat: number;
  readonly hands: { forEach(each: (hand: { readonly seat: number; readonly live?: ArrayLike<number> }) => void): void };
}

class FloorSeat {
  patches = 0;
  lastPatchAt = 0;
  lastError: string | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly room: Room) {
    room.onStateChange(() => {
      this.patches++;
      this.lastPatchAt = performance.now();
      this.wake();
    });
    room.onMessage('error', (message: { message?: string }) => {
      this.lastError = message.message ?? 'error';
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** The seat and first card of the one hand this client decodes (its own). */
  own(): { seat: number; card: number | undefined } | null {
    let found: { seat: number; card: number | undefined } | null = null;
    (this.room.state as FloorDecoded).hands.forEach((hand) => {
      found = { seat: hand.seat, card: hand.live?.[0] };
    });
    return found;
  }

  nextPatch(count: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wait = (): void => {
        if (this.patches > count || this.lastError) resolve();
        else this.waiters.push(wait);
      };
      wait();
    });
  }
}

export class FloorTable {
  private constructor(private readonly seats: readonly FloorSeat[]) {}

  static async open(baseUrl: string): Promise<FloorTable> {
    const seats: FloorSeat[] = [];
    try {
      for (let index = 0; index < SEATS; index++) {
        const client = new Client(baseUrl);
        const room = await withTimeout(
          index === 0 ? client.create(FLOOR_ROOM) : client.joinById(seats[0]!.room.roomId),
          STEP_TIMEOUT_MS,
          `floor seat ${index} joining`,
        );
        const seat = new FloorSeat(room);
        seats.push(seat);
        await withTimeout(seat.nextPatch(0), STEP_TIMEOUT_MS, `floor seat ${index}'s first state`);
      }
      return new FloorTable(seats);
    } catch (error) {
      await Promise.allSettled(seats.map((seat) => seat.room.leave(true)));
      throw error;
    }
  }

  async playMove(): Promise<MoveResult> {
    const turn = ((this.seats[0]!.room.state as FloorDecoded).lastSeat + 1) % SEATS;
    let actor: FloorSeat | undefined;
    let card: number | undefined;
    for (const seat of this.seats) {
      const own = seat.own();
      if (own?.seat === turn) [actor, card] = [seat, own.card];
    }
    if (!actor || card === undefined) return { ok: false, error: `no client holds a card for seat ${turn}` };
    const before = this.seats.map((seat) => seat.patches);
    actor.lastError = null;
    const sent = performance.now();
    actor.room.send('move', card);
    try {
      await withTimeout(Promise.all(this.seats.map((seat, index) => seat.nextPatch(before[index]!))), STEP_TIMEOUT_MS, `the patch of a floor move at seat ${turn}`);
    } catch (error) {
      return { ok: false, error: String(error) };
    }
    if (actor.lastError) return { ok: false, error: actor.lastError };
    return { ok: true, latencyMs: Math.max(...this.seats.map((seat) => seat.lastPatchAt)) - sent, over: false };
  }

  /** A floor deal never ends: nothing to rematch. */
  async rematch(): Promise<void> {}

  async leave(): Promise<void> {
    await Promise.allSettled(this.seats.map((seat) => seat.room.leave(true)));
  }
}
