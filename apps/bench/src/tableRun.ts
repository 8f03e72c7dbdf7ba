import type { GameRecord } from '@deckhand/rules';
import type { MidGameJoin, MoveAnatomy } from './deckhand/DeckhandTable';
import type { ByteCount } from './wire';

/** One complete game played at one table of four clients, as measured by the clients. */
export interface TableRun {
  readonly gameId: string;
  readonly seed: string;
  /** Accepted moves. */
  readonly moves: number;
  /** Per client, by seat: bytes of the join snapshot, of the start (others joining, the deal), and of all moves. */
  readonly clients: readonly { readonly join: ByteCount; readonly start: ByteCount; readonly moves: ByteCount }[];
  /** Per accepted move: from the send to the moment the last of the four clients held the new state. */
  readonly latenciesMs: readonly number[];
  /** Deckhand tables only, beside `latenciesMs`: how long the table was quiet before each move was sent. */
  readonly idleBeforeMs?: readonly number[];
  /** Deckhand tables only: bytes to join in the middle of the game (when asked for). */
  readonly midGameJoin?: MidGameJoin | null;
  /** Deckhand tables only: one move of each kind, field by field (when asked for). */
  readonly anatomy?: readonly MoveAnatomy[];
  readonly moveKinds?: Readonly<Record<string, number>>;
  /** The moves in the order the server accepted them, to replay the same game elsewhere. */
  readonly record: GameRecord;
}

/** Resolves when `promise` does, or rejects after `ms` with a message naming what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
