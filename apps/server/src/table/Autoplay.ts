/**
 * Who acts when nobody sends a move: bots and away seats after the bot delay
 * (a hard bot searching in the pool meanwhile), and humans whose turn clock
 * or hand summary ran out. Works on the table's injected clock, so a test
 * moves time by hand.
 */
import type { Rng } from '@deckhand/rules';
import type { MoveBase, Seat } from '@deckhand/rules';
import { BotLevel, Limits, SeatKind, TablePhase } from '@deckhand/protocol';
import { botMove, isSummaryWait } from '../botMoves';
import type { SearchRequest } from '../botSearch';
import type { Table } from './Table';
import { restartableFrom } from './restartable';
import type { RestartableTimer, Timer } from './types';

/** A hard bot's search in flight; null answers mean it failed. */
interface PendingSearch {
  /** The `position` it was asked about. */
  readonly position: number;
  /**
   * The seat's legal moves then, as JSON. While the seat has not acted, another
   * seat's move that leaves them as they were (a pass in Hearts, where all four
   * choose at once) leaves the search standing: asking again would queue a
   * second search of the same decision, and the first one's answer would be
   * dropped.
   */
  readonly choices: string;
  readonly answer: Promise<MoveBase | null>;
}

export class Autoplay {
  /** The turn clock (or the hand summary's), one timer for the table's life. */
  private readonly turnTimer: RestartableTimer;
  private readonly autoTimers = new Map<Seat, Timer>();
  private readonly searches = new Map<Seat, PendingSearch>();
  /**
   * The humans the turn clock runs for, one bit per seat: a number, so a
   * move that changes whose turn it is keeps no new object alive.
   */
  private waitingHumans = 0;
  private waitingSummary = false;
  /** Seats whose clock ran out, played one per call so each move gets its own patch. */
  private timedOut: Seat[] = [];
  /** After a restart: the turn clock's time left, used by the next `schedule` instead of a full wait. */
  private resumeMs: number | null = null;

  constructor(
    private readonly table: Table,
    private readonly rng: Rng,
  ) {
    const clock = table.env.clock;
    const onDeadline = () => this.onDeadline();
    this.turnTimer = clock.restartable?.(onDeadline) ?? restartableFrom((ms, action) => clock.later(ms, action), onDeadline);
  }

  /** The next wait after a restart lasts `ms` (the time the clock had left). */
  resumeDeadline(ms: number): void {
    this.resumeMs = ms;
  }

  stop(): void {
    this.turnTimer.clear();
    for (const timer of this.autoTimers.values()) timer.clear();
    this.autoTimers.clear();
    this.searches.clear();
    this.timedOut = [];
    this.waitingHumans = 0;
  }

  /**
   * After every change in a game: bots and away seats act after the bot
   * delay; humans get a deadline (the turn timer, or the hand summary's).
   */
  schedule(): void {
    const table = this.table;
    for (const timer of this.autoTimers.values()) timer.clear();
    this.autoTimers.clear();
    if (table.model.phase !== TablePhase.Playing || table.gameState === null || table.closed) {
      this.turnTimer.clear();
      if (table.model.deadline !== 0) table.logDeadline(0);
      return;
    }
    const active = table.game.activeSeats(table.gameState);
    const summary = isSummaryWait(table.game, table.gameState, active);
    let humans = 0;
    for (const seat of active) {
      const holder = table.model.seats[seat]!;
      if (holder.kind === SeatKind.Bot || holder.away) this.autoPlayLater(seat);
      else humans |= 1 << seat;
    }
    // Kept while every human it runs for was already waiting (another seat's move in a shared decision).
    const keep =
      table.model.deadline > 0 && this.turnTimer.running && summary === this.waitingSummary &&
      humans !== 0 && (humans & ~this.waitingHumans) === 0;
    this.waitingHumans = humans;
    this.waitingSummary = summary;
    if (keep) return;
    const seconds = humans === 0 ? 0 : summary ? table.env.config.handSummarySeconds : table.model.turnSeconds;
    if (seconds === 0) {
      this.turnTimer.clear();
      if (table.model.deadline !== 0) table.logDeadline(0);
      return;
    }
    let wait = Math.max(1, Math.round(seconds * 1000 * table.env.config.timeScale));
    if (this.resumeMs !== null) wait = Math.max(1, Math.min(wait, this.resumeMs));
    this.resumeMs = null;
    table.logDeadline(table.env.clock.now() + wait, wait);
    this.turnTimer.start(wait);
  }

  private autoPlayLater(seat: Seat): void {
    const { min, max } = this.table.env.config.botDelay;
    const delay = this.table.env.random.delay(min, max);
    // A hard bot thinks during the delay; its move comes when both are over.
    const search = this.searchFor(seat);
    const act = () => {
      this.autoTimers.delete(seat);
      if (search) {
        void search.answer.then((move) => {
          // Back through the clock, so the room handles the answer like any other timer.
          this.table.env.clock.later(0, () => this.playSearched(seat, search, move));
        });
      } else {
        this.autoPlay(seat);
      }
    };
    this.autoTimers.set(seat, this.table.env.clock.later(delay, act));
  }

  /**
   * The search of a hard bot's seat for the current position: started now in
   * the bot pool, or the one already running. Null for other seats and for a
   * decision with a single move. The pool gets the seat's view only.
   */
  private searchFor(seat: Seat): PendingSearch | null {
    const table = this.table;
    const holder = table.model.seats[seat]!;
    if (holder.kind !== SeatKind.Bot || holder.botLevel !== BotLevel.Hard || table.gameState === null) return null;
    const running = this.searches.get(seat);
    if (running?.position === table.position) return running;
    const legalMoves: MoveBase[] = table.game.legalMoves(table.gameState, seat);
    if (legalMoves.length < 2) return null;
    // Only a search left from an earlier position is compared by its choices (JSON of up to 286 passes).
    const choices = JSON.stringify(legalMoves);
    if (running?.choices === choices) return running;
    const request: SearchRequest = {
      gameId: table.game.id,
      view: table.game.view(table.gameState, seat),
      legalMoves,
      seed: `${this.rng.nextUint32()}:${this.rng.nextUint32()}`,
      iterations: table.env.config.botSearchIterations,
      timeMs: table.env.config.botSearchMs,
    };
    const answer = table.env.bots.search(request).then(
      (found) => found.move,
      (error: unknown) => {
        if (!table.closed) table.log.warn({ err: error, seat }, 'a hard bot search failed; the normal bot moves instead');
        return null;
      },
    );
    const search: PendingSearch = { position: table.position, choices, answer };
    this.searches.set(seat, search);
    return search;
  }

  /** Plays a search's answer if the game is still where it was asked; else drops it. */
  private playSearched(seat: Seat, search: PendingSearch, move: MoveBase | null): void {
    const table = this.table;
    if (this.searches.get(seat) === search) this.searches.delete(seat);
    if (table.closed || table.gameState === null || (search.position !== table.position && !this.stillChoosing(seat, search))) {
      table.log.debug({ seat }, 'dropped a search answer: the game moved on meanwhile');
      return;
    }
    if (table.model.seats[seat]?.kind !== SeatKind.Bot || !table.game.activeSeats(table.gameState).includes(seat)) return;
    if (move !== null) {
      // The worker's answer is checked like any player's move.
      const error = table.applyMove(seat, move, 'bot');
      if (!error) return;
      table.log.error({ seat, move, error }, 'a hard bot move was refused; the normal bot moves instead');
    }
    this.autoPlay(seat);
  }

  /** The seat still faces the choice its search was asked about (another seat moved meanwhile). */
  private stillChoosing(seat: Seat, search: PendingSearch): boolean {
    const table = this.table;
    if (table.gameState === null || !table.game.activeSeats(table.gameState).includes(seat)) return false;
    return JSON.stringify(table.game.legalMoves(table.gameState, seat)) === search.choices;
  }

  private autoPlay(seat: Seat): void {
    const table = this.table;
    if (table.closed || table.gameState === null || table.model.phase !== TablePhase.Playing) return;
    if (!table.game.activeSeats(table.gameState).includes(seat)) return;
    const holder = table.model.seats[seat]!;
    // A hard bot comes here with a single move to make, or when its search failed: the normal bot stands in.
    const level = holder.kind === SeatKind.Bot && holder.botLevel === BotLevel.Easy ? BotLevel.Easy : BotLevel.Normal;
    const move = botMove(table.game, table.gameState, seat, level, this.rng);
    if (move === null) return;
    const error = table.applyMove(seat, move, holder.kind === SeatKind.Bot ? 'bot' : 'away');
    if (error) table.log.error({ seat, move, error }, 'a bot move was refused');
  }

  private onDeadline(): void {
    this.timedOut = [];
    for (let seat = 0; 1 << seat <= this.waitingHumans; seat++) if (this.waitingHumans & (1 << seat)) this.timedOut.push(seat);
    this.playTimedOut(this.waitingSummary);
  }

  /** One timed-out seat's move; the next one after a yield, so every move reaches clients in its own patch. */
  private playTimedOut(summary: boolean): void {
    const table = this.table;
    const seat = this.timedOut.shift();
    if (seat === undefined || table.closed || table.gameState === null || table.model.phase !== TablePhase.Playing) return;
    if (table.game.activeSeats(table.gameState).includes(seat)) {
      const holder = table.model.seats[seat]!;
      if (!summary) {
        const timeouts = holder.timeouts + 1;
        table.markTimeouts(seat, timeouts >= Limits.timeoutsBeforeAway || holder.away, timeouts);
      }
      const move = botMove(table.game, table.gameState, seat, BotLevel.Normal, this.rng);
      if (move) table.applyMove(seat, move, 'timeout');
    }
    if (this.timedOut.length > 0) {
      const rest = this.timedOut;
      table.env.clock.later(0, () => {
        if (this.timedOut === rest) this.playTimedOut(summary);
      });
    }
  }
}
