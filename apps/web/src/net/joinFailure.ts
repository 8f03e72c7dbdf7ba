/**
 * A failed join in words. Its own module so the home page can say why a
 * create failed without loading the table session (and the schema classes it
 * decodes with), which come with the table screen's chunk.
 */
import { ErrorCode, JoinErrorCode } from '@deckhand/protocol';
import { NO_TABLE_TEXT, OFFLINE_TEXT } from './tableLink';

/** `joinFailureText` code of a locked table: knock and wait for the host. */
export const KNOCK = 'KNOCK';

/** A failed join in words, from colyseus.js' MatchMakeError / ServerError (numeric code + the server's sentence). */
export function joinFailureText(error: unknown): { code: string; text: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const numeric = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number'
    ? (error as { code: number }).code
    : null;
  switch (numeric) {
    case JoinErrorCode.BadToken:
      return { code: ErrorCode.BadToken, text: raw };
    case JoinErrorCode.Banned:
      return { code: ErrorCode.Banned, text: 'The host keeps you out of this table.' };
    case JoinErrorCode.Refused:
      return { code: ErrorCode.Banned, text: 'The host did not let you in.' };
    case JoinErrorCode.Locked:
      return { code: KNOCK, text: 'This table is locked: the host has to let you in.' };
    case JoinErrorCode.BadName:
      return { code: ErrorCode.BadName, text: raw };
    case JoinErrorCode.TableFull:
      return { code: ErrorCode.TableFull, text: raw || 'This table is full.' };
    case JoinErrorCode.ProtocolMismatch:
      return { code: ErrorCode.ProtocolMismatch, text: 'This page is out of date: reload it to play.' };
    case JoinErrorCode.NoSuchGame:
      return { code: ErrorCode.NoSuchGame, text: raw };
    case JoinErrorCode.NoSuchTable:
      return { code: ErrorCode.NoSuchTable, text: raw };
    case JoinErrorCode.TooManyTables:
      return { code: ErrorCode.TooManyTables, text: raw };
    // The server's join limits answer with the HTTP status and a sentence saying how long to wait.
    case 429:
      return { code: ErrorCode.RateLimited, text: raw };
    // A proxy in front of the game server (Vite's, nginx) says the server cannot be reached.
    case 502:
    case 503:
    case 504:
      return { code: 'OFFLINE', text: OFFLINE_TEXT };
    default:
      break;
  }
  if (/not found|no rooms found|invalid room id|locked/i.test(raw)) {
    return { code: ErrorCode.NoSuchTable, text: NO_TABLE_TEXT };
  }
  if (/failed to fetch|networkerror|ECONNREFUSED|offline/i.test(raw)) {
    return { code: 'OFFLINE', text: OFFLINE_TEXT };
  }
  return { code: '', text: raw || 'Could not join the table.' };
}
