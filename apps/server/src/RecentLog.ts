/**
 * The recent public log of the current game: the per-move `events` messages
 * and the table notices, in the order everyone saw them. A member who joins
 * late or comes back after a reload or a drop gets them in one
 * `logHistory` message, so their log does not start empty mid-hand.
 *
 * Only what was already sent to every member goes in: move events are public
 * by the rules' contract (the same message spectators may ask for), notices
 * are broadcasts. Nothing private is ever added here.
 */
import { Limits } from '@deckhand/protocol';
import type { GameEventsMessage, LogHistoryMessage, NoticeMessage } from '@deckhand/protocol';

export class RecentLog {
  private entries: (GameEventsMessage | NoticeMessage)[] = [];

  constructor(private readonly limit: number = Limits.logHistory) {}

  add(entry: GameEventsMessage | NoticeMessage): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** A new game starts with an empty log. */
  clear(): void {
    this.entries = [];
  }

  message(): LogHistoryMessage {
    return { type: 'logHistory', entries: [...this.entries] };
  }
}
