/**
 * Seats a bot program at a real Deckhand table, over the same wire as a
 * browser: a guest token from `POST /api/guest`, `joinById(code)` with
 * `program: true` (the host sees the seat marked as a bot program), and then
 * a move whenever the table's board says this seat must act. The bot decides
 * from its own decoded view only: the server sends this connection nothing
 * more than it sends any player in that seat.
 */
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import {
  CLOSE_REASONS, ErrorCode, PROTOCOL_VERSION, TablePhase, gameViewOf, seatOfPlayer, senderBucket, snapshotFromState,
} from '@deckhand/protocol';
import type { ErrorMessage, GuestResponse, JoinTableOptions, RateLimit, TableSnapshot, TableStateJson, WelcomeMessage } from '@deckhand/protocol';
import { Rng, findGame } from '@deckhand/rules';
import type { AnyGame, Bot, MoveBase, Outcome, Seat } from '@deckhand/rules';

export interface PlayTableOptions {
  /** The server's (or the web app's, which proxies it) HTTP origin, e.g. `http://localhost:2567`. */
  readonly url: string;
  /** The table's five-letter join code. */
  readonly code: string;
  /** The name shown at the table. */
  readonly name: string;
  /**
   * The bot, or a function that picks it once the table's game is known
   * (a built-in bot such as `heuristic` is a different bot in each game).
   */
  readonly bot: Bot<unknown, MoveBase> | ((game: AnyGame) => Bot<unknown, MoveBase>);
  /** A guest token to reuse; by default a new one is asked for with `name`. */
  readonly token?: string;
  /** Progress lines for a person (joined, seat, reconnecting, errors); silent by default. */
  readonly log?: (line: string) => void;
  /** Every table state this connection decodes, raw, before the bot looks at it (for tools and tests). */
  readonly onState?: (state: TableStateJson) => void;
  /** Each connection as it opens (the first and every one after a reconnect), e.g. to watch its messages. */
  readonly onConnect?: (room: Room) => void;
  /** Stops playing and leaves the table. */
  readonly signal?: AbortSignal;
  /** How long to keep trying to get the seat back after a dropped connection (default 60 s). */
  readonly reconnectSeconds?: number;
  /**
   * The server's message limit per client, which the program keeps under:
   * `Limits` by default; give the server's when it runs with its own
   * `RATE_PER_SECOND` and `RATE_BURST`.
   */
  readonly rateLimit?: RateLimit;
}

export interface TableResult {
  readonly code: string;
  readonly playerId: string;
  readonly seat: Seat;
  /** Final standings; null when the table closed or play stopped before the game ended. */
  readonly outcome: Outcome | null;
  /** Moves this program sent (refused ones included). */
  readonly moves: number;
  /** Refusals the server answered (`error` messages), which should stay 0 for a sound bot. */
  readonly errors: readonly ErrorMessage[];
  /** Connections lost and got back. */
  readonly reconnects: number;
}

/** A seat lost for good: kicked, table closed, no seat free, wrong code. */
export class TableError extends Error {
  override readonly name = 'TableError';
}

/** Asks the server for a guest identity (`POST /api/guest`). */
export async function guestToken(url: string, name: string): Promise<GuestResponse> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/guest', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  } catch (error) {
    throw new TableError(`cannot reach ${url}: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<GuestResponse> & { message?: string };
  if (!response.ok || typeof body.token !== 'string') throw new TableError(`no guest pass from ${url}: ${body.message ?? response.status}`);
  return body as GuestResponse;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays at table `code` until its game ends (then leaves), the table closes, or `signal` aborts. */
export async function playTable(options: PlayTableOptions): Promise<TableResult> {
  const log = options.log ?? (() => {});
  const guest = options.token
    ? { token: options.token, playerId: '', name: options.name }
    : await guestToken(options.url, options.name);
  const client = new Client(options.url);
  const joinOptions: JoinTableOptions = { token: guest.token, protocol: PROTOCOL_VERSION, program: true };
  const join = async (): Promise<Room> => {
    try {
      return await client.joinById(options.code, joinOptions);
    } catch (error) {
      throw new TableError(`cannot join table ${options.code}: ${(error as Error).message}`);
    }
  };

  return new Promise<TableResult>((resolve, reject) => {
    let room: Room | null = null;
    let playerId = guest.playerId;
    let seat: Seat | null = null;
    /** The move sent and not yet seen on the board: in a phase where several seats act at once, other seats' patches arrive before it lands. */
    let pending: { seedHash: string; moveNumber: number; retried: boolean } | null = null;
    let moves = 0;
    let reconnects = 0;
    let done = false;
    const errors: ErrorMessage[] = [];
    let latest: TableSnapshot | null = null;
    const rng = Rng.fromSeed(`${options.code}/${options.name}`);
    /**
     * The table drops a client's messages beyond its rate limit. At a table of
     * quick bots this seat's turns can come faster than that, so the program
     * paces itself under the limit and answers once it may (from the newest
     * board then): a dropped move would wait for the table's error, or for the
     * turn timer when the error was already sent that second.
     */
    const bucket = senderBucket(Date.now(), options.rateLimit);
    let paced: ReturnType<typeof setTimeout> | null = null;

    const finish = (outcome: Outcome | null, error?: Error): void => {
      if (done) return;
      done = true;
      if (paced !== null) clearTimeout(paced);
      const leaving = room;
      room = null;
      void leaving?.leave(true).catch(() => {});
      if (error) reject(error);
      else resolve({ code: options.code, playerId, seat: seat ?? -1, outcome, moves, errors, reconnects });
    };
    options.signal?.addEventListener('abort', () => finish(null), { once: true });

    const onState = (current: Room, json: TableStateJson): void => {
      if (current !== room || done) return;
      options.onState?.(json);
      const snapshot = snapshotFromState(json);
      latest = snapshot;
      if (seat === null && playerId !== '') {
        seat = seatOfPlayer(snapshot, playerId);
        if (seat !== null) log(`seated at ${options.code}, seat ${seat + 1}`);
        else if (snapshot.spectators.some((spectator) => spectator.playerId === playerId)) {
          return finish(null, new TableError(`table ${options.code} has no free seat (joined as a spectator)`));
        }
      }
      if (snapshot.phase === TablePhase.GameOver && snapshot.outcome) {
        log(`game over: scores ${snapshot.outcome.scores.join(', ')}`);
        return finish(snapshot.outcome);
      }
      play(current, snapshot);
    };

    const play = (current: Room, snapshot: TableSnapshot, retry = false): void => {
      // The server sends one patch per move, so the patch of ours names this seat as the last mover.
      if (pending && (snapshot.seedHash !== pending.seedHash || (snapshot.lastMove?.seat === seat && snapshot.moveNumber > pending.moveNumber))) {
        pending = null;
      }
      if (pending || snapshot.phase !== TablePhase.Playing || seat === null || snapshot.mySeat !== seat || !snapshot.active.includes(seat)) return;
      const game = findGame(snapshot.gameId);
      if (!game) return finish(null, new TableError(`this client does not know the game "${snapshot.gameId}"`));
      // Before the bot thinks: the answer comes from the board as it is once the bucket allows one.
      const wait = bucket.wait(Date.now());
      if (wait > 0) {
        paced ??= setTimeout(() => {
          paced = null;
          // The connection may have changed meanwhile: answer on the one there is now.
          if (room && !done && latest) play(room, latest, retry);
        }, wait);
        return;
      }
      const view = gameViewOf(snapshot);
      const legal = game.legalMovesInView(view) as MoveBase[];
      if (legal.length === 0) return;
      bucket.take(Date.now());
      pending = { seedHash: snapshot.seedHash, moveNumber: snapshot.moveNumber, retried: retry };
      let move: MoveBase;
      try {
        const bot = typeof options.bot === 'function' ? options.bot(game) : options.bot;
        move = retry ? rng.pick(legal) : bot.choose(view, legal, rng);
      } catch (error) {
        return finish(null, error as Error);
      }
      moves++;
      current.send('move', { type: 'move', move });
    };

    const adopt = (next: Room): void => {
      room = next;
      // A move sent on a connection that dropped may never have arrived; the new state says.
      pending = null;
      options.onConnect?.(next);
      next.onMessage('welcome', (message: WelcomeMessage) => {
        playerId = message.playerId;
      });
      next.onMessage('error', (message: ErrorMessage) => {
        if (message.code === ErrorCode.RateLimited) {
          // Dropped, not refused: a server whose limit is stricter than `Limits` says. Answer the same position again after a pause.
          log('slowed down by the table; answering again in a second');
          setTimeout(() => {
            if (next !== room || done) return;
            pending = null;
            if (latest) play(next, latest);
          }, 1000);
          return;
        }
        errors.push(message);
        log(`refused: ${message.code} ${message.message}`);
        // A refused move: once per position, answer again with a random legal move rather than wait
        // for the turn timer (a second refusal waits, so a confused bot cannot flood the table).
        if (pending && !pending.retried) {
          pending = null;
          if (latest) play(next, latest, true);
        }
      });
      // Chat, notices and the rest are for people.
      next.onMessage('*', () => {});
      next.onStateChange((state) => onState(next, (state as { toJSON(): TableStateJson }).toJSON()));
      next.onLeave((code) => {
        if (next !== room || done) return;
        const reason = (CLOSE_REASONS as Readonly<Record<number, string>>)[code];
        if (reason !== undefined) return finish(null, new TableError(`left table ${options.code}: ${reason}`));
        if (code === 1000 || code === 4000) return finish(null);
        log(`connection lost (${code}); reconnecting`);
        void reconnect(next.reconnectionToken);
      });
    };

    /** The reconnection token first, with backoff while the server notices the drop; then the guest identity. */
    const reconnect = async (token: string): Promise<void> => {
      room = null;
      const since = Date.now();
      for (let attempt = 1; !done; attempt++) {
        await sleep(Math.min(250 * 2 ** (attempt - 1), 4000));
        if (done) return;
        try {
          adopt(await client.reconnect(token));
          reconnects++;
          log('reconnected');
          return;
        } catch {
          // Refused: the server may not have seen the drop yet, or the token is spent.
        }
        if (attempt >= 3) {
          try {
            adopt(await join());
            reconnects++;
            log('rejoined');
            return;
          } catch {
            // Still unreachable: keep trying until the seat's grace period is over.
          }
        }
        if (Date.now() - since > (options.reconnectSeconds ?? 60) * 1000) {
          return finish(null, new TableError(`lost the connection to table ${options.code}`));
        }
      }
    };

    join().then(
      (first) => {
        if (done) return void first.leave(true);
        adopt(first);
        log(`joined ${options.code} as ${options.name}`);
      },
      (error: Error) => finish(null, error),
    );
  });
}
