/**
 * The recent public log of the current game: the per-move `events` messages
 * and the table notices, in the order everyone saw them. A newcomer gets the
 * last few (`Limits.logTail`) in one `logHistory` message, so its log does not
 * start empty mid-hand; a member coming back after a drop or a reload gets
 * what was added while it was away (the page kept the rest).
 *
 * Only what was already sent to every member goes in: move events are public
 * by the rules' contract (the same message spectators may ask for), notices
 * are broadcasts. Nothing private is ever added here.
 */
import { Limits } from '@deckhand/protocol';
import type { GameEventsMessage, LogHistoryMessage, NoticeMessage } from '@deckhand/protocol';
import { flatJson } from './flatJson';

/** Where the log stood when a member's connection dropped. */
export interface LogMark {
  /** Which game's log (a new deal starts a new one). */
  readonly game: number;
  /** Entries added to that game's log by then. */
  readonly added: number;
}

type Entry = GameEventsMessage | NoticeMessage;

export class RecentLog {
  /**
   * Each entry as its JSON text (one flat string, `flatJson`), parsed again
   * only for a join or a return: a move's entry as sent was eight or nine
   * heap objects (the message, its events, their list and strings), and
   * every full collection marks what every table keeps.
   */
  private entries: string[] = [];
  private game = 0;
  /** Entries added to this game's log, those trimmed off the front included. */
  private added = 0;

  constructor(private readonly limit: number = Limits.logHistory) {}

  add(entry: Entry): void {
    this.entries.push(flatJson(entry));
    this.added++;
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** A new game starts with an empty log. */
  clear(): void {
    this.entries = [];
    this.game++;
    this.added = 0;
  }

  mark(): LogMark {
    return { game: this.game, added: this.added };
  }

  /** The last `count` entries, for a newcomer. */
  tail(count: number = Limits.logTail): LogHistoryMessage {
    return { type: 'logHistory', entries: parsed(this.entries.slice(-count)) };
  }

  /** What was added since `mark` (as much as is kept); the whole kept log when a new game started since. */
  since(mark: LogMark): LogHistoryMessage {
    const missed = mark.game === this.game ? this.added - mark.added : this.entries.length;
    return { type: 'logHistory', entries: missed > 0 ? parsed(this.entries.slice(-missed)) : [] };
  }
}

function parsed(texts: readonly string[]): Entry[] {
  return texts.map((text) => JSON.parse(text) as Entry);
}
