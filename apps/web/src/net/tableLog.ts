/**
 * The table's event log as this tab holds it, kept in sessionStorage so a
 * reload shows the game's recent events without the server sending them
 * again: after a reload the server sends only what was added while the page
 * was away (`LogHistoryMessage`), a newcomer only the last few entries.
 */
import type { GameEventsMessage, NoticeMessage } from '@deckhand/protocol';

/**
 * A log entry as it arrived: a notice's words, or a move's events, put in
 * words when shown (with the seat names of that moment).
 */
export type LogEntry = { readonly id: number; readonly text: string } | { readonly id: number; readonly move: GameEventsMessage };

/** An entry as stored and as the server sends it. */
export type LogRecord = GameEventsMessage | NoticeMessage;

/** The log of one deal (its seed hash), as the page last held it. */
export interface SavedLog {
  readonly seedHash: string;
  readonly records: readonly LogRecord[];
}

const LOG_KEY = 'deckhand:log:';

export function recordOf(entry: LogEntry): LogRecord {
  return 'move' in entry ? entry.move : { type: 'notice', text: entry.text };
}

export function saveLog(code: string, log: SavedLog): void {
  try {
    sessionStorage.setItem(LOG_KEY + code, JSON.stringify(log));
  } catch {
    // Without storage a reload starts with the server's last few entries.
  }
}

export function loadLog(code: string): SavedLog | null {
  try {
    const text = sessionStorage.getItem(LOG_KEY + code);
    if (text === null) return null;
    const parsed = JSON.parse(text) as Partial<SavedLog>;
    return typeof parsed.seedHash === 'string' && Array.isArray(parsed.records) ? { seedHash: parsed.seedHash, records: parsed.records } : null;
  } catch {
    return null;
  }
}

export function clearLog(code: string): void {
  try {
    sessionStorage.removeItem(LOG_KEY + code);
  } catch {
    // nothing saved
  }
}

function lastMoveNumber(entries: readonly LogRecord[]): number {
  let last = 0;
  for (const entry of entries) if (entry.type === 'events') last = Math.max(last, entry.moveNumber);
  return last;
}

/**
 * Where the entries the page does not hold start in what the server sent:
 * after the last move the page already has (a history can cross a patch on
 * the wire, and a newcomer's tail can overlap a log kept across a reload).
 */
export function unheldFrom(held: readonly LogRecord[], received: readonly LogRecord[]): number {
  const known = lastMoveNumber(held);
  let start = 0;
  received.forEach((entry, index) => {
    if (entry.type === 'events' && entry.moveNumber <= known) start = index + 1;
  });
  return start;
}
