/**
 * A table where only bots play: the client that opens it stands up to watch,
 * fills every seat with a bot of one level, starts, and asks for a rematch at
 * each game over, so the bots play on until `leave`. It counts the moves it
 * sees; it reads two fields of the decoded state and nothing else, so
 * watching costs this process little.
 */
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { PROTOCOL_VERSION, RoomName, SeatKind, TablePhase } from '@deckhand/protocol';
import type { BotLevel } from '@deckhand/protocol';
import { withTimeout } from '../tableRun';
import { guestToken } from './DeckhandTable';

const STEP_TIMEOUT_MS = 10_000;

interface WatchedState {
  readonly phase: string;
  readonly moveNumber: number;
  /** Undefined until the first state arrives. */
  readonly seats?: { readonly length: number; at(index: number): { readonly kind: string } | undefined };
}

export interface BotTableConfig {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly gameId: string;
  readonly seats: number;
  readonly level: BotLevel;
  /** Game options (the game's defaults when absent). */
  readonly options?: Readonly<Record<string, string | number | boolean>>;
}

export class BotTable {
  /** Moves seen since the table opened (every game, rematches included). */
  moves = 0;
  /** Games that reached game over. */
  gamesOver = 0;
  private lastMoveNumber = 0;
  private rematchAsked = false;
  private leaving: Promise<void> | null = null;

  private constructor(private readonly room: Room) {
    room.onStateChange((state) => this.seen(state as unknown as WatchedState));
  }

  static async open(config: BotTableConfig): Promise<BotTable> {
    const token = await guestToken(config.baseUrl, 'Bench watcher');
    const room = await withTimeout(
      new Client(config.baseUrl).create(RoomName.Table, {
        token,
        protocol: PROTOCOL_VERSION,
        gameId: config.gameId,
        seatCount: config.seats,
        turnSeconds: 0,
        visibility: 'private',
        events: false,
        ...(config.options ? { options: config.options } : {}),
      }),
      STEP_TIMEOUT_MS,
      'a bot table opening',
    );
    // Other messages (welcome, chat, notices) are not read.
    room.onMessage('*', () => undefined);
    try {
      const seats = () => (room.state as unknown as WatchedState).seats;
      const kinds = (): string[] => Array.from({ length: seats()?.length ?? 0 }, (_, seat) => seats()?.at(seat)?.kind ?? '');
      await until(room, () => kinds().length === config.seats && kinds()[0] === SeatKind.Human, 'the host seated');
      room.send('stand', { type: 'stand' });
      await until(room, () => kinds()[0] === SeatKind.Empty, 'the host standing up');
      for (let seat = 0; seat < config.seats; seat++) room.send('addBot', { type: 'addBot', seat, level: config.level });
      await until(room, () => kinds().every((kind) => kind === SeatKind.Bot), 'the bots seated');
      const table = new BotTable(room);
      room.send('start', { type: 'start' });
      await until(room, () => (room.state as unknown as WatchedState).phase === TablePhase.Playing, 'the deal');
      return table;
    } catch (error) {
      await room.leave(true).catch(() => undefined);
      throw error;
    }
  }

  private seen(state: WatchedState): void {
    // A rematch starts the count again from 0.
    this.moves += state.moveNumber >= this.lastMoveNumber ? state.moveNumber - this.lastMoveNumber : state.moveNumber;
    this.lastMoveNumber = state.moveNumber;
    if (state.phase === TablePhase.Playing) this.rematchAsked = false;
    if (state.phase === TablePhase.GameOver && !this.rematchAsked && this.leaving === null) {
      this.rematchAsked = true;
      this.gamesOver++;
      this.room.send('rematch', { type: 'rematch' });
    }
  }

  /** The watcher leaves (consented); the room closes with it. Safe to call twice. */
  leave(): Promise<void> {
    this.leaving ??= withTimeout(this.room.leave(true), STEP_TIMEOUT_MS, 'leaving a bot table').then(
      () => undefined,
      () => undefined,
    );
    return this.leaving;
  }
}

/** Resolves once `ready` holds, checked after each patch. */
function until(room: Room, ready: () => boolean, what: string): Promise<void> {
  if (ready()) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve) => {
      const check = (): void => {
        if (!ready()) return;
        room.onStateChange.remove(check);
        resolve();
      };
      room.onStateChange(check);
    }),
    STEP_TIMEOUT_MS,
    what,
  );
}
